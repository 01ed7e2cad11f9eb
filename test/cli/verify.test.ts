import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../support/run-cli";

const linux = process.platform === "linux";
const dir = mkdtempSync(join(tmpdir(), "sd-verify-"));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const live = (path: string) => readFileSync(`/proc/sys/${path}`, "utf8").trim();

interface Row {
  key: string;
  file: string;
  line: number;
  expected: string;
  live: string | null;
  status: string;
}

describe("socket-doctor verify", { skip: !linux }, () => {
  it("prints one JSON array of {key, file, line, expected, live, status} and exits 0 when everything matches", () => {
    const fin = live("net/ipv4/tcp_fin_timeout");
    const p = file("same.conf", `# the value this machine has\nnet.ipv4.tcp_fin_timeout = ${fin}\n`);
    const r = runCli(["verify", "--json", p]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [{ key: "net.ipv4.tcp_fin_timeout", file: p, line: 2, expected: fin, live: fin, status: "match" }]);
  });

  it("exits 1 and explains a value that differs and a key this kernel does not have", () => {
    const fin = Number(live("net/ipv4/tcp_fin_timeout"));
    const p = file("differs.conf", `net.ipv4.tcp_fin_timeout = ${fin + 1}\nnet.ipv4.tcp_tw_recycle = 0\n`);
    const r = runCli(["verify", p]);
    assert.equal(r.status, 1);
    assert.ok(r.stdout.includes(`${p}:1: differs net.ipv4.tcp_fin_timeout = ${fin + 1}, but this machine has ${fin}`), r.stdout);
    assert.ok(r.stdout.includes(`${p}:2: absent net.ipv4.tcp_tw_recycle: absent: Linux removed it in 4.12`), r.stdout);
    assert.match(r.stdout, /2 setting\(s\): 0 match, 1 differs, 1 absent, 0 unreadable, 0 overridden/);
  });

  it("excuses an absent key with a leading -, and tells unreadable keys apart", () => {
    const r = runCli(["verify", "--json", file("dash.conf", "-net.ipv4.tcp_tw_recycle = 0\nvm.compact_memory = 1\n")]);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual((JSON.parse(r.stdout) as Row[]).map((x) => x.status), ["absent", "unreadable"]);
  });

  it("reports overridden lines in sysctl --system order, whatever the order of the arguments", () => {
    const root = mkdtempSync(join(tmpdir(), "sd-verify-set-"));
    for (const d of ["etc/sysctl.d", "usr/lib/sysctl.d"]) mkdirSync(join(root, d), { recursive: true });
    const vendor = join(root, "usr/lib/sysctl.d/50-vendor.conf");
    const mine = join(root, "etc/sysctl.d/90-mine.conf");
    writeFileSync(vendor, "net.ipv4.tcp_fin_timeout = 1\n");
    writeFileSync(mine, `net.ipv4.tcp_fin_timeout = ${live("net/ipv4/tcp_fin_timeout")}\n`);
    const rows = JSON.parse(runCli(["verify", "--json", mine, vendor]).stdout) as Row[];
    // The overridden row shows the live value too: the key is readable, whichever line set it.
    const fin = live("net/ipv4/tcp_fin_timeout");
    assert.deepEqual(rows.map((x) => [x.file, x.status, x.live]), [[vendor, "overridden", fin], [mine, "match", fin]]);
  });

  it("expands a glob over this machine's keys", () => {
    const ifaces = readdirSync("/proc/sys/net/ipv4/conf").length;
    const rows = JSON.parse(runCli(["verify", "--json", "-"], "net.ipv4.conf.*.rp_filter = 2\n").stdout) as Row[];
    assert.equal(rows.length, ifaces);
    assert.ok(rows.every((x) => /^net\.ipv4\.conf\.[^.]+\.rp_filter$/.test(x.key) && x.file === "-" && x.line === 1));
  });

  it("checks this machine's configured set when no file is given", () => {
    const r = runCli(["verify", "--json"]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    for (const row of JSON.parse(r.stdout) as Row[]) assert.deepEqual(Object.keys(row), ["key", "file", "line", "expected", "live", "status"]);
  });
});
