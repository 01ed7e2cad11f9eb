/**
 * Series of snapshots: counters a format leaves out when they are 0, readings of two moments that must not be
 * merged, counters that go down, and many snapshots in one paste.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyse, nstat } from "./support";

/** `netstat -s` of a Tcp and a TcpExt table; a counter given as undefined is left out, as net-tools does at 0. */
function netstatS(retrans: number, overflows: number | undefined): string {
  return ["Tcp:", `    ${retrans} segments retransmitted`, "TcpExt:", "    5 TCP sockets finished time wait in fast timer", overflows === undefined ? "" : `    ${overflows} times the listen queue of a socket overflowed`, ""]
    .filter((l, i, all) => l !== "" || i === all.length - 1)
    .join("\n");
}

const proc = (overflows: number, drops?: number) => `TcpExt: ListenOverflows${drops === undefined ? "" : " ListenDrops"}\nTcpExt: ${overflows}${drops === undefined ? "" : ` ${drops}`}\n`;

describe("counters left out as 0", () => {
  it("netstat -s: a counter that appears between two snapshots changed from 0", () => {
    const a = analyse(`$ netstat -s\n${netstatS(5, undefined)}$ sleep 10\n$ netstat -s\n${netstatS(9, 40)}`);
    assert.deepEqual([a.sampling?.seconds, a.sampling?.changes], [10, { TcpRetransSegs: 4, TcpExtListenOverflows: 40 }]);
  });

  it("not in a table netstat -s did not print, nor in one with a line it could not read", () => {
    const noTable = analyse(`Tcp:\n    5 segments retransmitted\n$ sleep 10\n${netstatS(9, 40)}`);
    assert.deepEqual(noTable.sampling?.changes, { TcpRetransSegs: 4 });
    const unread = analyse(`${netstatS(5, undefined)}    3 Zeitüberschreitungen\n$ sleep 10\n${netstatS(9, 40)}`);
    assert.deepEqual(unread.sampling?.changes, { TcpRetransSegs: 4 });
  });

  it("nstat without -z leaves zeros out; with -z (a 0 printed) a missing counter is not 0", () => {
    const withoutZ = analyse(`${nstat({ TcpExtTW: 5 }, "nstat -a")}$ sleep 10\n${nstat({ TcpExtTW: 6, TcpExtListenOverflows: 40 }, "nstat -a")}`);
    assert.deepEqual(withoutZ.sampling?.changes, { TcpExtTW: 1, TcpExtListenOverflows: 40 });
    const withZ = analyse(`${nstat({ TcpExtTW: 5, TcpExtListenDrops: 0 })}$ sleep 10\n${nstat({ TcpExtTW: 6, TcpExtListenDrops: 0, TcpExtListenOverflows: 40 })}`);
    assert.deepEqual(withZ.sampling?.changes, { TcpExtTW: 1 });
  });

  it("not when the command line filtered the output: nstat's patterns, a pipe", () => {
    for (const command of ["nstat -a TcpExtTW", "nstat -a | grep -v Listen"]) {
      const a = analyse(`${nstat({ TcpExtTW: 5 }, command)}$ sleep 10\n${nstat({ TcpExtTW: 6, TcpExtListenOverflows: 40 }, "nstat -a")}`);
      assert.deepEqual(a.sampling?.changes, { TcpExtTW: 1 }, command);
    }
  });

  it("/proc files list every counter: none is made up, but for the ICMP types the kernel prints once counted", () => {
    const a = analyse(`${proc(3)}$ sleep 10\n${proc(5, 7)}`);
    assert.deepEqual(a.sampling?.changes, { TcpExtListenOverflows: 2 });
    const icmp = analyse("Icmp: InMsgs\nIcmp: 4\n$ sleep 10\nIcmp: InMsgs\nIcmp: 9\nIcmpMsg: InType3\nIcmpMsg: 5\n");
    assert.deepEqual(icmp.sampling?.changes, { IcmpInMsgs: 5, IcmpMsgInType3: 5 });
  });
});

describe("readings of two moments", () => {
  const twice = `$ nstat -az; sleep 2; nstat -az\n#kernel\nTcpExtListenOverflows 100 0.0\n#kernel\nTcpExtListenOverflows 221 0.0\n`;

  it("another format read later with other values is a snapshot of its own, its time unknown", () => {
    const a = analyse(`${twice}$ cat /proc/net/netstat\n${proc(300)}`);
    assert.deepEqual([a.sampling?.snapshots, a.sampling?.seconds, a.sampling?.changes, a.sampling?.decrease], [3, null, { TcpExtListenOverflows: 200 }, null]);
    assert.equal(a.counters.TcpExtListenOverflows, 300);
  });

  it("a counter that went down is a reset, noticed and never a rate; changes start again after it", () => {
    const a = analyse(`${twice}$ cat /proc/net/netstat\n${proc(111)}`);
    assert.deepEqual([a.sampling?.snapshots, a.sampling?.seconds, a.sampling?.changes], [3, null, {}]);
    assert.deepEqual(a.sampling?.decrease, { counter: "TcpExtListenOverflows", from: 221, to: 111 });
    const f = a.findings.find((x) => x.id === "listen-overflow");
    assert.match(f?.evidence[0]?.value ?? "", /^111 since boot$/);
    const after = analyse(`${twice}$ cat /proc/net/netstat\n${proc(111)}$ sleep 5\n$ cat /proc/net/netstat\n${proc(131)}`);
    assert.deepEqual([after.sampling?.snapshots, after.sampling?.seconds, after.sampling?.changes], [4, 5, { TcpExtListenOverflows: 20 }]);
    assert.equal(after.sampling?.decrease?.to, 111);
  });

  it("the same command again with no sleep: the interval across it is unknown", () => {
    const a = analyse(`${nstat({ TcpExtTW: 1 })}$ sleep 10\n${nstat({ TcpExtTW: 2 })}${nstat({ TcpExtTW: 3 })}`);
    assert.deepEqual([a.sampling?.snapshots, a.sampling?.seconds, a.sampling?.changes], [3, null, { TcpExtTW: 2 }]);
  });

  it("two formats that agree are one moment, in either order", () => {
    const a = analyse(`${proc(7, 7)}$ nstat -az\n#kernel\nTcpExtListenOverflows 7 0.0\nTcpExtListenDrops 7 0.0\nTcpExtTW 4 0.0\n`);
    assert.deepEqual([a.sampling?.snapshots, a.counters], [1, { TcpExtListenOverflows: 7, TcpExtListenDrops: 7, TcpExtTW: 4 }]);
  });
});

describe("conntrack's statistics", () => {
  const cpus = (drop: number) => `cpu=0   \tfound=0 drop=${drop} early_drop=0\ncpu=1   \tfound=0 drop=1 early_drop=0\n`;
  const hex = (drop: number) => `entries  found drop early_drop\n00000010  00000000 ${drop.toString(16).padStart(8, "0")} 00000000\n00000010  00000000 00000001 00000000\n`;

  it("many readings: the first and the last weighed; another format of the same moment replaces a reading", () => {
    let text = `$ conntrack -S\n${cpus(1)}$ cat /proc/net/stat/nf_conntrack\n${hex(1)}`;
    for (let i = 2; i <= 300; i++) text += `$ sleep 1\n$ conntrack -S\n${cpus(i)}`;
    const ct = analyse(text).conntrack;
    assert.deepEqual([ct?.statReadings, ct?.statChanges.drop, ct?.statSeconds, ct?.stats?.drop], [300, 299, 299, 301]);
  });
});

describe("many snapshots", () => {
  it("5,000 snapshots weigh as the first and the last do", () => {
    const at = (i: number) => nstat({ TcpExtListenOverflows: 100 + i, TcpRetransSegs: 7 + 2 * i, TcpPassiveOpens: 1000 + 10 * i }) + "$ sleep 1\n";
    let many = "";
    for (let i = 0; i < 5000; i++) many += at(i);
    const a = analyse(many);
    const few = analyse(at(0) + `$ sleep 4998\n` + at(4999));
    assert.deepEqual(a.sampling, { ...few.sampling, snapshots: 5000 });
    assert.deepEqual(a.sampling?.changes, { TcpExtListenOverflows: 4999, TcpRetransSegs: 9998, TcpPassiveOpens: 49990 });
    assert.equal(a.sampling?.seconds, 4999);
    assert.deepEqual(a.counters, few.counters);
    assert.deepEqual(a.findings, few.findings);
  });
});
