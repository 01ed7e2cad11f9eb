/**
 * Limits the kernel's sysctl handlers enforce in code rather than with min and max (Constraint): powers of two
 * (proc_do_sync_ports, flow_limit_table_len_sysctl), ordered pairs (proc_do_sync_threshold), and limits against
 * another key at the moment of the write (proc_sctp_do_rto_min/max, sched_rt_handler, the uclamp handler,
 * perf_event_max_sample_rate_handler, ipv4_local_port_range and ipv4_privileged_ports).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import { findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

const real = { catalogue: shippedCatalogue() };
const at = (text: string): Spot[] => spots(findingsOf("invalid-value", text, real));
const message = (text: string): string => findingsOf("invalid-value", text, real)[0]?.message ?? "";

describe("limits a key's own handler sets", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.vs.sync_ports = 3", [[0, 25, 26, "error"]]],
    ["net.ipv4.vs.sync_threshold = 50 3", [[0, 29, 33, "error"]]],
    ["net.core.flow_limit_table_len = 1000", [[0, 32, 36, "error"]]],
    ["net.core.rps_sock_flow_entries = 30000", [[0, 33, 38, "warning"]]],
    ["net.sctp.plpmtud_probe_interval = 100", [[0, 34, 37, "error"]]],
    ["net.ipv6.conf.eth0.mtu = 1000", [[0, 25, 29, "error"]]],
    // near misses
    ["net.ipv4.vs.sync_ports = 4", []],
    ["net.ipv4.vs.sync_threshold = 3 50", []],
    ["net.ipv4.vs.sync_threshold = 50 0", []],
    ["net.core.flow_limit_table_len = 8192", []],
    ["net.core.rps_sock_flow_entries = 32768", []],
    ["net.core.rps_sock_flow_entries = 0", []],
    ["net.sctp.plpmtud_probe_interval = 0", []],
    ["net.sctp.plpmtud_probe_interval = 5000", []],
    ["net.ipv6.conf.eth0.mtu = 9000", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(at(text), expected));

  it("says why, in the kernel's terms", () => {
    assert.equal(message("net.ipv4.vs.sync_ports = 3"), "net.ipv4.vs.sync_ports takes a power of two (1, 2, 4, 8, ...), so the kernel rejects 3.");
    assert.equal(message("net.ipv4.vs.sync_threshold = 50 3"), 'net.ipv4.vs.sync_threshold needs its first number below its second (unless the second is 0), so the kernel rejects "50 3".');
    assert.equal(message("net.core.rps_sock_flow_entries = 30000"), "net.core.rps_sock_flow_entries is rounded up to a power of two: the kernel applies 32768, not 30000.");
    // The upper bound is the interface's own MTU: named, never a made-up number.
    assert.equal(message("net.ipv6.conf.eth0.mtu = 1000"), "net.ipv6.conf.eth0.mtu accepts at least 1280 and at most the interface's device MTU, so the kernel rejects 1000.");
  });
});

describe("limits against another key, at the moment of the write", () => {
  const cases: [string, Spot[]][] = [
    ["net.sctp.rto_min = 70000", [[0, 19, 24, "error"]]],
    ["net.sctp.rto_min = 70000\nnet.sctp.rto_max = 120000", [[0, 19, 24, "error"]]],
    ["net.sctp.pf_retrans = 10\nnet.sctp.ps_retrans = 5", [[1, 22, 23, "error"]]],
    ["kernel.sched_util_clamp_max = 512", [[0, 30, 33, "error"]]],
    ["kernel.sched_rt_runtime_us = 2000000", [[0, 29, 36, "error"]]],
    ["kernel.perf_cpu_time_max_percent = 0\nkernel.perf_event_max_sample_rate = 1000", [[1, 36, 40, "error"]]],
    // near misses: the other key is set first, or the limit holds
    ["net.sctp.rto_max = 120000\nnet.sctp.rto_min = 70000", []],
    ["net.sctp.rto_min = 500", []],
    ["kernel.sched_util_clamp_min = 0\nkernel.sched_util_clamp_max = 512", []],
    ["kernel.sched_rt_runtime_us = -1", []],
    ["kernel.perf_cpu_time_max_percent = 25\nkernel.perf_event_max_sample_rate = 1000", []],
    ["kernel.perf_event_max_sample_rate = 1000\nkernel.perf_cpu_time_max_percent = 0", []],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(at(text), expected));

  it("names the other key's value and where it comes from, and says when the order is the problem", () => {
    assert.equal(message("net.sctp.rto_min = 70000"), "net.sctp.rto_min (70000) cannot be above net.sctp.rto_max (60000, its default), so the kernel rejects the write and keeps the current value.");
    assert.match(message("net.sctp.rto_min = 70000\nnet.sctp.rto_max = 120000"), /net\.sctp\.rto_max only becomes 120000 on line 2, after this line: set it first\.$/);
    assert.match(message("kernel.perf_cpu_time_max_percent = 0\nkernel.perf_event_max_sample_rate = 1000"), /^The kernel refuses every write of kernel\.perf_event_max_sample_rate while kernel\.perf_cpu_time_max_percent is 0 \(set on line 1\)\.$/);
  });

  it("follows the order sysctl --system applies the files in", () => {
    const set = [
      ["etc/sysctl.d/10-sctp.conf", "net.sctp.rto_max = 120000"],
      ["etc/sysctl.d/20-sctp.conf", "net.sctp.rto_min = 70000"],
    ] as const;
    assert.deepEqual(findingsInSet("invalid-value", set, 1, real), []);
    const reversed = [set[1], set[0]] as const;
    const [f] = findingsInSet("invalid-value", reversed, 0, real);
    assert.match(f?.message ?? "", /only becomes 120000 on etc\/sysctl\.d\/10-sctp\.conf line 1, after this line/);
  });
});
