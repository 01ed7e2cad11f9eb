import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseReservedPorts } from "../../core/analysis/port-settings";
import type { Analysis } from "../../core/analysis/types";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "sd-analyze-"));
const LISTING = [
  "$ netstat -ant",
  "Active Internet connections (servers and established)",
  "Proto Recv-Q Send-Q Local Address           Foreign Address         State",
  "tcp        0      0 0.0.0.0:443             0.0.0.0:*               LISTEN",
  "tcp        0      0 10.0.0.5:443            198.51.100.7:50001      ESTABLISHED",
  "tcp        0      0 10.0.0.5:40001          10.0.1.10:8080          TIME_WAIT",
  "tcp        0      0 10.0.0.5:40002          10.0.1.10:8080          TIME_WAIT",
  "udp        0      0 0.0.0.0:68              0.0.0.0:*",
  "",
].join("\r\n");

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("socket-doctor analyze", () => {
  it("prints one JSON object with the required fields", () => {
    const r = runCli(["analyze", "--json", file("a.txt", LISTING)]);
    assert.equal(r.status, 0, r.stderr);
    const a = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of ["format", "total", "states", "unparsed", "breakdowns", "portPressure", "findings"]) assert.ok(k in a, k);
    assert.equal(a.format, "linux-netstat");
    assert.equal(a.total, 4);
    assert.deepEqual((a.states as Record<string, number>).TIME_WAIT, 2);
    assert.equal(a.unparsed, 0);
  });

  it("reads standard input, UTF-16 with BOM, and takes --port-range before or after the file", () => {
    assert.equal((JSON.parse(runCli(["analyze", "--json"], LISTING).stdout) as { total: number }).total, 4);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LISTING, "utf16le")]);
    assert.equal((JSON.parse(runCli(["analyze", "--json", file("u16.txt", utf16)]).stdout) as { total: number }).total, 4);
    const p = file("b.txt", LISTING);
    for (const args of [["--port-range", "40000", "40003", p], [p, "--port-range", "40000", "40003"]]) {
      const a = JSON.parse(runCli(["analyze", "--json", ...args]).stdout) as { portPressure: { range: { size: number }; rangeSource: string } };
      assert.equal(a.portPressure.range.size, 4);
      assert.equal(a.portPressure.rangeSource, "--port-range");
    }
  });

  it("prints a terminal histogram and a Markdown report", () => {
    const p = file("c.txt", LISTING);
    assert.match(runCli(["analyze", p]).stdout, /TIME_WAIT\s+2\s+50\.0%\s+█+/);
    assert.match(runCli(["analyze", "--markdown", p]).stdout, /^# Socket Doctor report/);
  });

  it("lists every breakdown, with IPv6 endpoints in brackets", () => {
    // An outgoing connection: the endpoints breakdown is the destinations this host connects to.
    const v6 = "tcp6       0      0 2001:db8::5:40001       2001:db8:1::ab:443      ESTABLISHED";
    const p = file("v6.txt", `${LISTING}${v6}\r\n`);
    const text = runCli(["analyze", p]).stdout;
    for (const title of ["Top local ports", "Top remote hosts", "Top remote endpoints"]) assert.ok(text.includes(title), title);
    assert.match(text, /^ {2}10\.0\.1\.10 +2$/m);
    assert.match(text, /^ {2}\[2001:db8:1::ab\]:443 +1$/m);
    const markdown = runCli(["analyze", "--markdown", p]).stdout;
    assert.match(markdown, /^## Remote hosts$/m);
    // Markdown escapes the brackets.
    assert.match(markdown, /^\| \\\[2001:db8:1::ab\\\]:443 \| 1 \|$/m);
  });

  it("reads this machine's sockets with --live, with its port range and reserved ports", { skip: process.platform !== "linux" }, () => {
    const r = runCli(["analyze", "--json", "--live"]);
    assert.equal(r.status, 0, r.stderr);
    const a = JSON.parse(r.stdout) as Analysis;
    assert.match(a.format, /proc-net-tcp|unknown/);
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    assert.deepEqual([a.portPressure.range.low, a.portPressure.range.high], [low, high]);
    assert.equal(a.portPressure.rangeSource, "this machine's net.ipv4.ip_local_port_range");
    const reserved = parseReservedPorts(readFileSync("/proc/sys/net/ipv4/ip_local_reserved_ports", "utf8")) ?? [];
    const inRange = new Set(reserved.flatMap((p) => Array.from({ length: p.high - p.low + 1 }, (_, i) => p.low + i)).filter((p) => p >= (low as number) && p <= (high as number)));
    assert.equal(a.portPressure.range.reserved, inRange.size);
    // --port-range still wins.
    const given = JSON.parse(runCli(["analyze", "--json", "--live", "--port-range", "1024", "65535"]).stdout) as Analysis;
    assert.deepEqual([given.portPressure.range.low, given.portPressure.rangeSource], [1024, "--port-range"]);
  });

  it("exits 2 with a clear message on usage errors and unreadable files", () => {
    const missing = runCli(["analyze", join(dir, "nope.txt")]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.txt: no such file/);
    assert.equal(runCli(["analyze", "--format", "dos", "x"]).status, 2);
    assert.equal(runCli(["analyze", "--input-format", "dos", "x"]).status, 2);
    // --format named the input's format once: the message says where it went.
    const moved = runCli(["analyze", "--format", "ss", "x"]);
    assert.equal(moved.status, 2);
    assert.match(moved.stderr, /--input-format ss/);
    assert.equal(runCli(["analyze", "--port-range", "9", "2"]).status, 2);
    assert.equal(runCli(["analyze", "--live", "x"]).status, 2);
  });

  it("escapes terminal control characters from the listing in text and Markdown, and colours only when asked", () => {
    const header = "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n";
    const listing = header + Array.from({ length: 20 }, (_, i) => `tcp        0      0 10.0.0.5:22         203.0.113.${i}:51000       CLOSE_WAIT  77/ev\x1b]0;pwned\x07il\n`).join("");
    for (const format of ["text", "markdown"]) {
      const r = runCli(["analyze", "--format", format, "--color", "always", "-"], listing);
      assert.equal(r.status, 0);
      assert.doesNotMatch(r.stdout, /\x07|\x1b\]/, format);
      assert.match(r.stdout, /ev\\x1b\]0;pwned\\x07il/, format);
    }
    assert.match(runCli(["analyze", "--color", "always", "-"], listing).stdout, /\[\x1b\[33mwarning\x1b\[0m\]/);
    assert.doesNotMatch(runCli(["analyze", "-"], listing).stdout, /\x1b/);
  });

  it("survives binary garbage", () => {
    const r = runCli(["analyze", "--json", file("bin", Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)))]);
    assert.equal(r.status, 0);
    assert.equal((JSON.parse(r.stdout) as { total: number }).total, 0);
  });
});
