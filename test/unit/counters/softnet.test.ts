/** /proc/net/softnet_stat: its formats, readings and their changes, and the softnet-drops finding at its thresholds. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { reportPrometheus } from "../../../core/analysis/report-prometheus";
import { notableCounters } from "../../../core/counters/summary";
import { COUNTER_THRESHOLDS as T } from "../../../core/counters/thresholds";
import { analyse, finding, FIXTURES, ids } from "./support";

interface Cpu {
  processed?: number;
  dropped?: number;
  squeeze?: number;
  rps?: number;
  flow?: number;
  backlog?: number;
}

/** One CPU's row as the kernel prints it with `columns` columns (15 on 6.12, 13 on 5.10 to 6.1, 11 before). */
function row(cpu: number, f: Cpu = {}, columns = 15): string {
  const v = [f.processed ?? 1000, f.dropped ?? 0, f.squeeze ?? 0, 0, 0, 0, 0, 0, 0, f.rps ?? 0, f.flow ?? 0, f.backlog ?? 0, cpu, f.backlog ?? 0, 0];
  return v.slice(0, columns).map((x) => x.toString(16).padStart(8, "0")).join(" ") + "\n";
}

/** The file: a row per CPU. */
const file = (cpus: readonly Cpu[], columns = 15) => cpus.map((c, i) => row(i, c, columns)).join("");

/** Two readings `seconds` apart, as `cat; sleep; cat` prints them (null: no sleep in the paste). */
function twice(before: readonly Cpu[], after: readonly Cpu[], seconds: number | null): string {
  const command = seconds === null ? "$ cat /proc/net/softnet_stat /proc/net/softnet_stat\n" : `$ cat /proc/net/softnet_stat; sleep ${seconds}; cat /proc/net/softnet_stat\n`;
  return command + file(before) + file(after);
}

const severityOf = (text: string) => finding(analyse(text), "softnet-drops").severity;
const has = (text: string) => analyse(text).findings.some((f) => f.id === "softnet-drops");
const profilesOf = (text: string) => finding(analyse(text), "softnet-drops").actions.flatMap((a) => (a.kind === "settings" ? [a.profile] : []));

describe("/proc/net/softnet_stat", () => {
  it("this machine's file read twice, 5 s apart (the golden capture)", () => {
    const a = analyse(readFileSync(join(FIXTURES, "softnet-stat.txt"), "utf8"));
    assert.equal(a.unparsed, 0);
    assert.deepEqual(a.kernelFormats, ["/proc/net/softnet_stat"]);
    assert.deepEqual(a.softnet, {
      cpus: 2,
      columns: 15,
      totals: { processed: 0x000a645d + 0x00112921, dropped: 0, time_squeeze: 1, received_rps: 0, flow_limit_count: 0, backlog_len: 0, input_qlen: 0, process_qlen: 0 },
      readings: 2,
      reset: false,
      changes: { processed: 0, dropped: 0, time_squeeze: 0, received_rps: 0, flow_limit_count: 0 },
      seconds: 5,
    });
    // One squeeze since boot and no drop: nothing to report.
    assert.deepEqual(ids(a), []);
  });

  it("reads every kernel's columns: 10 before 3.11, 11 before 5.10, 13 before 6.12, 15 since", () => {
    const totals = (columns: number) => Object.keys(analyse(file([{ dropped: 3 }, { dropped: 4 }], columns)).softnet?.totals ?? {});
    assert.deepEqual(totals(10), ["processed", "dropped", "time_squeeze", "received_rps"]);
    assert.deepEqual(totals(11), ["processed", "dropped", "time_squeeze", "received_rps", "flow_limit_count"]);
    assert.deepEqual(totals(13), ["processed", "dropped", "time_squeeze", "received_rps", "flow_limit_count", "backlog_len"]);
    assert.deepEqual(totals(15), ["processed", "dropped", "time_squeeze", "received_rps", "flow_limit_count", "backlog_len", "input_qlen", "process_qlen"]);
    for (const columns of [10, 11, 13, 15]) assert.equal(analyse(file([{ dropped: 3 }, { dropped: 4 }], columns)).softnet?.totals.dropped, 7);
    // Twelve or fourteen columns are no kernel's: not the file.
    assert.equal(analyse(file([{}], 12)).softnet, null);
    assert.equal(analyse(file([{}], 14)).softnet, null);
  });

  it("a CPU number seen again begins the next reading; without CPU numbers a command line separates them", () => {
    assert.equal(analyse(twice([{}, {}], [{}, {}], 5)).softnet?.readings, 2);
    const old = `$ cat /proc/net/softnet_stat\n${file([{ dropped: 1 }, {}], 11)}$ sleep 3\n$ cat /proc/net/softnet_stat\n${file([{ dropped: 4 }, {}], 11)}`;
    const s = analyse(old).softnet;
    assert.deepEqual([s?.readings, s?.cpus, s?.changes.dropped, s?.seconds], [2, 2, 3, 3]);
  });

  it("a change is taken per CPU modulo 2^32: the kernel prints 32-bit counts that wrap", () => {
    const s = analyse(twice([{ processed: 0xffffff00 }, { processed: 10 }], [{ processed: 0x100 }, { processed: 30 }], 10)).softnet;
    assert.equal(s?.changes.processed, 0x200 + 20);
    assert.equal(s?.totals.processed, 0x100 + 30);
  });

  it("a count that went down by more than a wrap begins the series again: a reboot or another host, never billions of drops", () => {
    const reset = analyse(twice([{ dropped: 100, processed: 900_000 }], [{ dropped: 5, processed: 1000 }], 5)).softnet;
    assert.deepEqual([reset?.reset, reset?.changes, reset?.seconds, reset?.totals.dropped], [true, {}, null, 5]);
    assert.equal(severityOf(twice([{ dropped: 100, processed: 900_000 }], [{ dropped: 5, processed: 1000 }], 5)), "information");
    // Three readings, the second after a reboot: the changes and the interval are those after it.
    const three = `$ cat /proc/net/softnet_stat; sleep 5; cat /proc/net/softnet_stat; sleep 7; cat /proc/net/softnet_stat\n${file([{ dropped: 100 }])}${file([{ dropped: 5 }])}${file([{ dropped: 25 }])}`;
    const s = analyse(three).softnet;
    assert.deepEqual([s?.readings, s?.reset, s?.changes.dropped, s?.seconds], [3, true, 20, 7]);
    // Other columns (another kernel's file) are no series either.
    const other = analyse(`$ cat /proc/net/softnet_stat; sleep 5; cat /proc/net/softnet_stat\n${file([{ dropped: 1 }], 13)}${file([{ dropped: 9 }])}`).softnet;
    assert.deepEqual([other?.reset, other?.changes], [true, {}]);
    assert.deepEqual(notableCounters(analyse(three)).find((r) => r.name === "softnet_stat dropped")?.change, 20);
    assert.equal(notableCounters(analyse(`$ cat /proc/net/softnet_stat; sleep 5; cat /proc/net/softnet_stat\n${file([{ dropped: 100 }])}${file([{ dropped: 5 }])}`)).find((r) => r.name === "softnet_stat dropped")?.change, null);
  });

  it("an interval is known only when every reading between the first and the last has its sleep", () => {
    // A third reading on a line of its own, with no sleep before it: the time from the first is unknown.
    const gap = `$ cat /proc/net/softnet_stat; sleep 5; cat /proc/net/softnet_stat\n${file([{}])}${file([{ dropped: 50 }])}$ cat /proc/net/softnet_stat\n${file([{ dropped: 100 }])}`;
    assert.deepEqual([analyse(gap).softnet?.readings, analyse(gap).softnet?.seconds], [3, null]);
    assert.equal(severityOf(gap), "warning");
    // A loop prints its sleep once: three readings, the time between the first and the last unknown.
    const loop = `$ for i in 1 2 3; do cat /proc/net/softnet_stat; sleep 5; done\n${file([{}])}${file([{ dropped: 20 }])}${file([{ dropped: 40 }])}`;
    assert.deepEqual([analyse(loop).softnet?.readings, analyse(loop).softnet?.seconds], [3, null]);
    // Each stretch of sleep on one line goes before its own reading.
    const line = `$ cat /proc/net/softnet_stat; sleep 5; cat /proc/net/softnet_stat; sleep 7; cat /proc/net/softnet_stat\n${file([{}])}${file([{}])}${file([{}])}`;
    assert.equal(analyse(line).softnet?.seconds, 12);
    // Rounds of two formats: each round's readings share its time.
    const nstat = (n: number) => `#kernel\nTcpExtListenOverflows ${n} 0.0\n`;
    const rounds = analyse(`$ nstat -az; cat /proc/net/softnet_stat; sleep 5; nstat -az; cat /proc/net/softnet_stat; sleep 7; nstat -az; cat /proc/net/softnet_stat\n${nstat(1)}${file([{}])}${nstat(2)}${file([{}])}${nstat(3)}${file([{}])}`);
    assert.deepEqual([rounds.sampling?.seconds, rounds.softnet?.seconds], [12, 12]);
  });

  it("a row of only decimal digits is softnet_stat's, not the value of a /proc/sys file named after it", () => {
    const decimal = file([{ processed: 0x112921 }, { processed: 0x112921 }]);
    assert.match(decimal, /^[\d ]+\n[\d ]+\n$/);
    const a = analyse(`$ cat /proc/sys/net/core/netdev_budget /proc/net/softnet_stat /proc/sys/net/core/netdev_max_backlog\n300\n${decimal}1000\n`);
    assert.deepEqual([a.unparsed, a.softnet?.cpus, a.sysctls], [0, 2, { "net.core.netdev_budget": "300", "net.core.netdev_max_backlog": "1000" }]);
  });

  it("a damaged row is counted as unread; the file after conntrack's statistics is still read", () => {
    const damaged = analyse(`${row(0)}${row(1).slice(0, -10)}\n${row(2)}`);
    assert.deepEqual([damaged.unparsed, damaged.softnet?.cpus], [1, 2]);
    const header = "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";
    const ct = "00000010  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000005 00000000 00000000  00000000 00000000 00000000 00000000\n";
    const a = analyse(`$ cat /proc/net/stat/nf_conntrack /proc/net/softnet_stat\n${header}${ct}${file([{ dropped: 2 }])}`);
    assert.deepEqual([a.unparsed, a.conntrack?.stats?.drop, a.softnet?.totals.dropped], [0, 5, 2]);
  });

  it("the reports list its counters with their meanings, and Prometheus has them", () => {
    const a = analyse(twice([{ dropped: 5 }], [{ dropped: 9 }], 10));
    const rows = notableCounters(a).filter((r) => r.name.startsWith("softnet_stat "));
    assert.deepEqual(rows.slice(0, 2).map((r) => `${r.name} ${r.value} ${r.change}`), ["softnet_stat dropped 9 4", "softnet_stat processed 1000 0"]);
    assert.match(reportPrometheus(a), /^socket_doctor_softnet_total\{name="dropped"\} 9$/m);
  });
});

describe("softnet-drops", () => {
  it("drops as totals: information below the threshold, a warning from it", () => {
    assert.equal(has(file([{}, {}])), false);
    assert.equal(severityOf(file([{ dropped: T.softnetDropTotal - 1 }])), "information");
    assert.equal(severityOf(file([{ dropped: T.softnetDropTotal - 10 }, { dropped: 10 }])), "warning");
  });

  it("drops in a window: an error from the rate, a warning below it or with no interval, information when they stopped", () => {
    const d = (n: number) => [{ dropped: 100 + n }, { dropped: 0 }];
    assert.equal(severityOf(twice(d(0), d(10 * T.softnetDropRate), 10)), "error");
    assert.equal(severityOf(twice(d(0), d(9 * T.softnetDropRate), 10)), "warning");
    assert.equal(severityOf(twice(d(0), d(50), null)), "warning");
    assert.equal(severityOf(twice(d(0), d(0), 10)), "information");
    assert.match(finding(analyse(twice(d(0), d(30), 10)), "softnet-drops").title, /^Per-CPU input backlogs are overflowing: 30 packets dropped$/);
  });

  it("time_squeeze growing in a window is information with the budget settings; as a total it says nothing", () => {
    const s = (n: number) => [{ squeeze: 50 + n }];
    assert.equal(has(file(s(5000))), false);
    assert.equal(has(twice(s(0), s(10 * T.softnetSqueezeRate - 1), 10)), false);
    assert.equal(severityOf(twice(s(0), s(10 * T.softnetSqueezeRate), 10)), "information");
    assert.deepEqual(profilesOf(twice(s(0), s(10 * T.softnetSqueezeRate), 10)), ["softnet-budget"]);
    assert.equal(has(twice(s(0), s(T.softnetSqueezes - 1), null)), false);
    assert.equal(has(twice(s(0), s(T.softnetSqueezes), null)), true);
    assert.match(finding(analyse(twice(s(0), s(40), 10)), "softnet-drops").title, /ran out of budget 40 times in 10 s \(4\/s\)$/);
  });

  it("offers the backlog settings for drops, unless netdev_max_backlog is already past them, and the budget ones too while squeezes grow", () => {
    const drops = file([{ dropped: 5000 }]);
    assert.deepEqual(profilesOf(drops), ["softnet-backlog"]);
    assert.deepEqual(profilesOf(`${drops}net.core.netdev_max_backlog = 16384\n`), []);
    assert.deepEqual(profilesOf(twice([{ dropped: 0, squeeze: 0 }], [{ dropped: 40, squeeze: 40 }], 10)), ["softnet-backlog", "softnet-budget"]);
    const f = finding(analyse(`${drops}net.core.netdev_max_backlog = 1000\n`), "softnet-drops");
    assert.deepEqual(f.evidence.find((e) => e.label === "net.core.netdev_max_backlog")?.value, "1000");
  });

  it("tells how to read softnet_stat twice, and that way gives a window when pasted", () => {
    const f = finding(analyse(file([{ dropped: 5000 }])), "softnet-drops");
    assert.doesNotMatch(f.explanation, /nstat/);
    const command = /`(cat \/proc\/net\/softnet_stat; sleep 10; cat \/proc\/net\/softnet_stat)`/.exec(f.explanation)?.[1];
    assert.ok(command);
    const s = analyse(`$ ${command}\n${file([{ dropped: 5000 }])}${file([{ dropped: 5100 }])}`).softnet;
    assert.deepEqual([s?.readings, s?.changes.dropped, s?.seconds], [2, 100, 10]);
  });
});
