import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSysctl } from "../../core/sysctl/parse";
import { isFailure, verifyFiles, type LiveRead, type VerifyHost } from "../../core/sysctl/verify";

/** A machine: its keys and values; `null` for a key that exists but cannot be read. */
function host(keys: Record<string, string | null>): VerifyHost {
  return {
    read: (key): LiveRead => (!(key in keys) ? { error: "absent" } : keys[key] === null ? { error: "unreadable" } : { value: keys[key] as string }),
    expand: (pattern) => {
      const re = new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[^.]*")}$`);
      return Object.keys(keys).filter((k) => re.test(k));
    },
  };
}

const files = (...texts: string[]) => texts.map((t, i) => ({ uri: `${10 * (i + 1)}-f.conf`, doc: parseSysctl(t) }));
const brief = (rows: ReturnType<typeof verifyFiles>) => rows.map((r) => `${r.file}:${r.line} ${r.key} ${r.status}${r.live === null ? "" : ` ${r.live}`}`);

describe("verifyFiles", () => {
  const machine = host({
    "net.ipv4.tcp_fin_timeout": "60",
    "net.ipv4.tcp_rmem": "4096 131072 6291456",
    "net.ipv4.conf.all.rp_filter": "2",
    "net.ipv4.conf.eth0.rp_filter": "1",
    "net.ipv4.conf.lo.rp_filter": "0",
    "vm.compact_memory": null,
  });

  it("reads each key once and tells match, differs, absent and unreadable", () => {
    const rows = verifyFiles(files("net.ipv4.tcp_fin_timeout = 0x3c\nnet.ipv4.tcp_rmem = 4096\t131072   6291456\nnet.ipv4.tcp_tw_recycle = 0\nvm.compact_memory = 1\nnet.ipv4.conf.eth0.rp_filter = 2\n"), machine);
    assert.deepEqual(brief(rows), [
      "10-f.conf:1 net.ipv4.tcp_fin_timeout match 60",
      "10-f.conf:2 net.ipv4.tcp_rmem match 4096 131072 6291456",
      "10-f.conf:3 net.ipv4.tcp_tw_recycle absent",
      "10-f.conf:4 vm.compact_memory unreadable",
      "10-f.conf:5 net.ipv4.conf.eth0.rp_filter differs 1",
    ]);
    assert.deepEqual(rows.map(isFailure), [false, false, true, false, true]);
  });

  it("marks what a later assignment overrides, across files, names the winner and shows the live value, read once", () => {
    const read: string[] = [];
    const counting: VerifyHost = { ...machine, read: (key) => (read.push(key), machine.read(key)) };
    const rows = verifyFiles(files("net.ipv4.tcp_fin_timeout = 30\n", "net.ipv4.tcp_fin_timeout = 60\n"), counting);
    assert.deepEqual(brief(rows), ["10-f.conf:1 net.ipv4.tcp_fin_timeout overridden 60", "20-f.conf:1 net.ipv4.tcp_fin_timeout match 60"]);
    assert.deepEqual(rows[0]?.winner, { file: "20-f.conf", line: 1 });
    assert.deepEqual(read, ["net.ipv4.tcp_fin_timeout"]);
  });

  it("leaves live null on an overridden row only when the key cannot be read", () => {
    const rows = verifyFiles(files("vm.compact_memory = 1\nnet.ipv4.tcp_tw_recycle = 1\n", "vm.compact_memory = 1\nnet.ipv4.tcp_tw_recycle = 0\n"), machine);
    assert.deepEqual(brief(rows), [
      "10-f.conf:1 vm.compact_memory overridden",
      "10-f.conf:2 net.ipv4.tcp_tw_recycle overridden",
      "20-f.conf:1 vm.compact_memory unreadable",
      "20-f.conf:2 net.ipv4.tcp_tw_recycle absent",
    ]);
  });

  it("lets a leading - excuse an absent key", () => {
    const [row] = verifyFiles(files("-net.bridge.bridge-nf-call-iptables = 1\n"), machine);
    assert.equal(row?.status, "absent");
    assert.equal(isFailure(row!), false);
  });

  it("expands globs like systemd-sysctl: explicit keys and exclusions win whatever their order, a later glob wins", () => {
    const rows = verifyFiles(files("net.ipv4.conf.*.rp_filter = 1\n-net.ipv4.conf.lo.rp_filter\n", "net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.e*.rp_filter = 1\n"), machine);
    assert.deepEqual(brief(rows), [
      "10-f.conf:1 net.ipv4.conf.eth0.rp_filter overridden 1",
      "20-f.conf:1 net.ipv4.conf.all.rp_filter match 2",
      "20-f.conf:2 net.ipv4.conf.eth0.rp_filter match 1",
    ]);
  });

  it("reports a glob that matches nothing here without failing", () => {
    const [row] = verifyFiles(files("net.ipv4.conf.wg*.rp_filter = 1\n"), machine);
    assert.equal(row?.status, "absent");
    assert.equal(isFailure(row!), false);
  });
});
