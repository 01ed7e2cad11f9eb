import "../../support/scanner";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeText } from "../../../core/analysis/analyze";
import { escapeLabelValue, METRICS, reportPrometheus } from "../../../core/analysis/report-prometheus";
import { MEANINGS } from "../../../core/counters/summary";
import { nstat } from "../counters/support";
import { listing, row } from "./listing";

/** The samples of one family, as `labels value` lines (or just the value). */
function samples(text: string, name: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
    .map((l) => l.slice(name.length).trim());
}

/** Socket totals and the limits they are measured against, as a paste holds them. */
const LIMITS = [
  "$ cat /proc/net/sockstat",
  "sockets: used 290",
  "TCP: inuse 27 orphan 1000 tw 16384 alloc 41 mem 300000",
  "$ sysctl net.ipv4.tcp_max_tw_buckets net.ipv4.tcp_max_orphans net.ipv4.tcp_mem net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max",
  "net.ipv4.tcp_max_tw_buckets = 32768",
  "net.ipv4.tcp_max_orphans = 4000",
  "net.ipv4.tcp_mem = 100000 200000 400000",
  "net.netfilter.nf_conntrack_count = 9",
  "net.netfilter.nf_conntrack_max = 10",
  "",
].join("\n");

describe("reportPrometheus", () => {
  const a = analyzeText(listing(4, (i) => row(`10.0.0.5:${40000 + i}`, "10.0.1.10:8080", "TIME_WAIT")), { portRange: { low: 40000, high: 40007 } });

  it("writes HELP and TYPE for every family of the table, then its samples", () => {
    const text = reportPrometheus(a);
    for (const m of METRICS) assert.ok(text.includes(`# HELP ${m.name} ${m.help}\n# TYPE ${m.name} ${m.type}\n`), m.name);
    assert.match(text, /^socket_doctor_tcp_sockets\{state="TIME_WAIT"\} 4$/m);
    assert.match(text, /^socket_doctor_destination_local_port_usage_ratio\{local_address="10\.0\.0\.5",remote_address="10\.0\.1\.10",remote_port="8080"\} 0\.5$/m);
    assert.ok(text.endsWith("\n"));
  });

  it("renders a family that the table gains, fed from the analysis", () => {
    const extra = { name: "socket_doctor_test_total_sockets", help: "All sockets.", type: "gauge" as const, samples: () => [{ value: a.total }] };
    assert.equal(reportPrometheus(a, [extra]), "# HELP socket_doctor_test_total_sockets All sockets.\n# TYPE socket_doctor_test_total_sockets gauge\nsocket_doctor_test_total_sockets 4\n");
  });

  it("measures TIME_WAIT, orphans, TCP memory and conntrack against their limits", () => {
    const text = reportPrometheus(analyzeText(LIMITS));
    assert.deepEqual(samples(text, "socket_doctor_tcp_time_wait_buckets_usage_ratio"), ["0.5"]);
    assert.deepEqual(samples(text, "socket_doctor_tcp_orphans_usage_ratio"), ["0.25"]);
    assert.deepEqual(samples(text, "socket_doctor_tcp_memory_usage_ratio"), ["0.75"]);
    assert.deepEqual(samples(text, "socket_doctor_tcp_memory_pressure_usage_ratio"), ["1.5"]);
    assert.deepEqual(samples(text, "socket_doctor_conntrack_usage_ratio"), ["0.9"]);
  });

  it("writes no ratio without its limit, or against a limit of 0", () => {
    const text = reportPrometheus(a);
    const zero = reportPrometheus(analyzeText(LIMITS.replace("tcp_max_tw_buckets = 32768", "tcp_max_tw_buckets = 0")));
    for (const name of ["socket_doctor_tcp_time_wait_buckets_usage_ratio", "socket_doctor_tcp_orphans_usage_ratio", "socket_doctor_tcp_memory_usage_ratio", "socket_doctor_tcp_memory_pressure_usage_ratio", "socket_doctor_conntrack_usage_ratio"]) {
      assert.deepEqual(samples(text, name), [], name);
    }
    assert.deepEqual(samples(zero, "socket_doctor_tcp_time_wait_buckets_usage_ratio"), []);
    assert.deepEqual(samples(zero, "socket_doctor_conntrack_usage_ratio"), ["0.9"]);
  });

  it("exports the explained counters as totals, and nothing from nstat's increments", () => {
    const counters = { TcpExtListenOverflows: 111, TcpExtTCPTimeWaitOverflow: 0, TcpExtTCPOrigDataSent: 5 };
    const totals = samples(reportPrometheus(analyzeText(nstat(counters, "nstat -az"))), "socket_doctor_kernel_snmp_total");
    assert.deepEqual(totals, ['{name="TcpExtListenOverflows"} 111', '{name="TcpExtTCPTimeWaitOverflow"} 0']);
    assert.ok(MEANINGS.some((m) => m.name === "TcpExtListenOverflows") && !MEANINGS.some((m) => m.name === "TcpExtTCPOrigDataSent"));
    assert.deepEqual(samples(reportPrometheus(analyzeText(nstat(counters, "nstat"))), "socket_doctor_kernel_snmp_total"), []);
    // nstat's output without its command line: totals or increments, so neither.
    assert.deepEqual(samples(reportPrometheus(analyzeText(nstat(counters).split("\n").slice(1).join("\n"))), "socket_doctor_kernel_snmp_total"), []);
  });

  it("escapes label values as the exposition format wants, and replaces other control characters", () => {
    assert.equal(escapeLabelValue('a"b\\c\nd'), 'a\\"b\\\\c\\nd');
    assert.equal(escapeLabelValue("x\x1b[31m\u009by"), "x\uFFFD[31m\uFFFDy");
  });
});
