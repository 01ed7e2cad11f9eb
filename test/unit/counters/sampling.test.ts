/** When a paste holds one snapshot or two, how far apart, and what the command lines say about them. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createAnalyzer } from "../../../core/analysis/analyze";
import { readCommand } from "../../../core/counters/commands";
import { analyse, nstat } from "./support";

const proc = (retrans: number) => `Tcp: ActiveOpens RetransSegs\nTcp: 10 ${retrans}\nTcpExt: ListenOverflows\nTcpExt: 3\n`;
const netstatS = (retrans: number) => `Tcp:\n    ${retrans} segments retransmitted\n`;

describe("snapshots", () => {
  it("the same command twice: two snapshots, their interval unknown without a sleep", () => {
    const a = analyse(nstat({ TcpRetransSegs: 5 }) + nstat({ TcpRetransSegs: 9 }));
    assert.deepEqual(a.sampling, { snapshots: 2, basis: "totals", seconds: null, changes: { TcpRetransSegs: 4 }, decrease: null });
    assert.equal(a.counters.TcpRetransSegs, 9);
  });

  it("two formats of one moment are one snapshot; a sleep between them makes two", () => {
    assert.equal(analyse(netstatS(5) + nstat({ TcpRetransSegs: 5 })).sampling?.snapshots, 1);
    const a = analyse(`${netstatS(5)}$ sleep 30\n${nstat({ TcpRetransSegs: 8 })}`);
    assert.deepEqual([a.sampling?.snapshots, a.sampling?.seconds, a.sampling?.changes], [2, 30, { TcpRetransSegs: 3 }]);
  });

  it("one command line's sleep falls between the readings it prints", () => {
    const twice = (cmd: string, body: string) => `$ ${cmd}\n${body}`;
    const a = analyse(twice("nstat -az; sleep 10; nstat -az", `#kernel\nTcpRetransSegs 5 0.0\n#kernel\nTcpRetransSegs 7 0.0\n`));
    assert.deepEqual([a.sampling?.snapshots, a.sampling?.seconds], [2, 10]);
    const b = analyse(twice("cat /proc/net/snmp /proc/net/netstat; sleep 5s; cat /proc/net/snmp /proc/net/netstat", proc(5) + proc(6)));
    assert.deepEqual([b.sampling?.snapshots, b.sampling?.seconds, b.sampling?.changes], [2, 5, { TcpRetransSegs: 1 }]);
    const c = analyse(twice("for i in 1 2; do nstat -az; sleep 1m; done", `#kernel\nTcpRetransSegs 5 0.0\n#kernel\nTcpRetransSegs 7 0.0\n`));
    assert.equal(c.sampling?.seconds, 60);
  });

  it("counters that went down are not one series: no changes, totals weighed", () => {
    const a = analyse(`${nstat({ TcpExtTCPTimeWaitOverflow: 90 })}$ sleep 5\n${nstat({ TcpExtTCPTimeWaitOverflow: 10 })}`);
    assert.deepEqual([a.sampling?.snapshots, a.sampling?.seconds, a.sampling?.changes], [2, null, {}]);
    assert.match(a.findings[0]?.evidence[0]?.value ?? "", /^10 since boot$/);
  });

  it("nstat without its command line may be totals or increments, and says so", () => {
    const a = analyse("#kernel\nTcpExtTCPTimeWaitOverflow 9 0.0\n");
    assert.equal(a.sampling?.basis, "unknown");
    assert.match(a.findings[0]?.evidence[0]?.value ?? "", /since boot or since nstat's previous run/);
  });

  it("a live capture's marks time its samples", () => {
    const a = createAnalyzer();
    a.push(proc(5));
    a.mark(5.2);
    a.push(proc(9));
    const r = a.end();
    assert.deepEqual([r.sampling?.snapshots, r.sampling?.seconds, r.sampling?.changes], [2, 5.2, { TcpRetransSegs: 4 }]);
  });
});

describe("nstat's window over command lines", () => {
  const increments = "#kernel\nTcpExtListenOverflows 12 0.0\n";

  it("`$ nstat -n`, `$ sleep 10`, `$ nstat` on lines of their own span 10 s, as on one line", () => {
    for (const text of [`$ nstat -n\n$ sleep 10\n$ nstat\n${increments}`, `$ nstat -n; sleep 10; nstat\n${increments}`, `$ nstat\n${increments}$ sleep 4\n$ sleep 6\n$ nstat\n${increments}`]) {
      const a = analyse(text);
      assert.deepEqual([a.sampling?.basis, a.sampling?.seconds], ["increments", 10], text);
    }
  });

  it("nstat -s leaves its history as it was; a line without nstat before the first says nothing", () => {
    assert.equal(analyse(`$ nstat -n\n$ sleep 5\n$ nstat -s\n${increments}$ sleep 5\n$ nstat\n${increments}`).sampling?.seconds, 10);
    assert.equal(analyse(`$ sleep 10\n$ nstat\n${increments}`).sampling?.seconds, null);
    assert.equal(readCommand("sleep 3", 7).nstatSince, 10);
    assert.equal(readCommand("nstat; sleep 2", 7).nstatSince, 2);
    assert.equal(readCommand("sleep 3").nstatSince, null);
  });
});

describe("command lines", () => {
  it("nstat's options: totals with -a in any cluster or --ignore, increments without, nothing printed with -n", () => {
    assert.equal(readCommand("nstat -az").nstatBasis, "totals");
    assert.equal(readCommand("sudo nstat --ignore --zeros").nstatBasis, "totals");
    assert.equal(readCommand("nstat -sz TcpExt*").nstatBasis, "increments");
    assert.equal(readCommand("nstat -n").nstatBasis, undefined);
    assert.deepEqual(readCommand("nstat -n; sleep 10; nstat").nstatSpan, 10);
    assert.deepEqual(readCommand("sleep 10; nstat").nstatSpan, null);
    assert.equal(readCommand("nstat -r").nstatBasis, "totals");
  });

  it("output that may leave counters out: nstat's patterns, a pipe; redirections and || do not", () => {
    assert.equal(readCommand("nstat -az TcpExt*").filtered, true);
    assert.equal(readCommand("netstat -s | grep -i listen").filtered, true);
    assert.equal(readCommand("nstat -az > /tmp/n 2>&1").filtered, false);
    assert.equal(readCommand("nstat -t 60 -az || true").filtered, false);
  });

  it("sleeps before the first reading and between readings", () => {
    assert.deepEqual([readCommand("sleep 2 && nstat -az").sleepBefore, readCommand("sleep 2 && nstat -az").sleepsBetween], [2, []]);
    assert.deepEqual([readCommand("netstat -s; sleep 0.5; netstat -s").sleepBefore, readCommand("netstat -s; sleep 0.5; netstat -s").sleepsBetween], [0, [0.5]]);
    assert.deepEqual(readCommand("nstat -az; sleep 5; sleep 5; nstat -az; sleep 2; nstat -az").sleepsBetween, [10, 2]);
    assert.equal(readCommand("sleep forever").sleepBefore, 0);
  });

  it("the /proc/sys values bare numbers below stand for", () => {
    assert.deepEqual(readCommand("cat /proc/sys/net/netfilter/nf_conntrack_{count,max}").values, ["net.netfilter.nf_conntrack_count", "net.netfilter.nf_conntrack_max"]);
    assert.deepEqual(readCommand("conntrack -C; cat /proc/sys/net/ipv4/conf/eth0.100/rp_filter").values, ["net.netfilter.nf_conntrack_count", "net.ipv4.conf.eth0/100.rp_filter"]);
    assert.deepEqual(readCommand("cat /proc/net/snmp").values, []);
  });
});
