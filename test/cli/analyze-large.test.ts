/**
 * A listing of several chunks (cli/analyze-file.ts reads a file straight into the scanner's memory, a pipe
 * through a copy): the result must be the same both ways, and the independent count's.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { referenceAnalysis } from "../unit/analysis/reference-analysis";
import { fixture, fixtureFiles } from "../unit/netstat/fixtures";
import { CLI } from "../support/run-cli";

/** Several of the scanner's 1 MiB chunks. */
const LARGE = 9 << 20;

const dir = mkdtempSync(join(tmpdir(), "sd-analyze-large-"));

function row(proto: string, local: string, remote: string, state: string, tail = ""): string {
  return `${proto.padEnd(6)}${"0".padStart(6)}${"0".padStart(7)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state}${tail}`;
}

/** A busy proxy's `netstat -antp` with other tools' output pasted in between, past `bytes` bytes. */
function bigListing(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  const states = ["ESTABLISHED", "TIME_WAIT", "CLOSE_WAIT", "FIN_WAIT2", "SYN_RECV", "LAST_ACK"];
  const others = fixtureFiles().map((f) => fixture(f));
  while (size < bytes) {
    const block: string[] = ["Proto Recv-Q Send-Q Local Address           Foreign Address         State      "];
    for (let k = 0; k < 2000; k++, i++) {
      const state = states[(i * 7) % states.length] as string;
      if (i % 3 === 0) block.push(row("tcp", `10.0.0.5:${32768 + (i % 28000)}`, `10.0.1.${10 + (i % 9)}:8080`, state));
      else if (i % 11 === 0) block.push(row("tcp6", "2001:db8::5:443", `2001:db8:1::${(i * 7919) % 65536}:${1024 + (i % 60000)}`, state));
      else if (i % 13 === 0) block.push(row("tcp", "10.0.0.5:443", `198.51.100.${i % 256}:${1024 + (i % 60000)}`, state, `  ${1000 + (i % 5)}/nginx: worker`));
      else block.push(row("tcp", "10.0.0.5:443", `198.51.${(i * 31) % 256}.${(i * 17) % 256}:${1024 + ((i * 7919) % 60000)}`, state));
    }
    // Another tool's output now and then (and a CRLF paste).
    block.push(others[i % others.length] as string);
    const text = block.join(i % 5 === 0 ? "\r\n" : "\n") + "\n";
    parts.push(text);
    size += text.length;
  }
  return parts.join("");
}

function analyze(args: string[], input?: Buffer): string {
  const r = spawnSync(process.execPath, [CLI, "analyze", "--json", ...args], { input, maxBuffer: 1 << 26, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout.toString();
}

describe("socket-doctor analyze on a large file", () => {
  it("reads it as a file to the same result as a stream, and as the independent count", () => {
    const path = join(dir, "big.txt");
    writeFileSync(path, bigListing(LARGE));
    const bytes = readFileSync(path);
    const file = analyze([path]);
    assert.equal(file, analyze(["-"], bytes));
    assert.equal(file, JSON.stringify(referenceAnalysis(bytes.toString("utf8")), null, 2) + "\n");
    assert.ok((JSON.parse(file) as { total: number }).total > 100_000);
  });

  it("takes --input-format and --port-range", () => {
    const path = join(dir, "big-ss.txt");
    let text = "";
    const rows = fixture("ss/ss-tan.txt");
    while (text.length < LARGE) text += rows;
    writeFileSync(path, text);
    const args = ["--input-format", "ss", "--port-range", "1024", "65535"];
    const file = analyze([...args, path]);
    assert.equal(file, analyze([...args, "-"], Buffer.from(text)));
    assert.equal(file, JSON.stringify(referenceAnalysis(text, { format: "ss", portRange: { low: 1024, high: 65535 }, rangeSource: "--port-range" }), null, 2) + "\n");
  });
});
