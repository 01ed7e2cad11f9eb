/** Text keys that name something a module registers: a qdisc, a congestion control algorithm, an MPTCP path manager. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

const real = { catalogue: shippedCatalogue() };

describe("names the kernel registers", () => {
  const cases: [string, Spot[]][] = [
    ["net.core.default_qdisc = notaqdisc", [[0, 25, 34, "warning"]]],
    ["net.core.default_qdisc = fq_codell", [[0, 25, 34, "warning"]]],
    ["net.ipv4.tcp_congestion_control = tcp_bbr", [[0, 34, 41, "warning"]]],
    ["net.ipv4.tcp_allowed_congestion_control = reno cubic bbr2", [[0, 42, 57, "warning"]]],
    ["net.mptcp.path_manager = kernle", [[0, 25, 31, "warning"]]],
    // near misses: names 6.18 registers
    ["net.core.default_qdisc = fq_codel", []],
    ["net.core.default_qdisc = dualpi2", []],
    ["net.ipv4.tcp_congestion_control = bbr", []],
    ["net.ipv4.tcp_allowed_congestion_control = reno cubic bbr", []],
    ["net.mptcp.path_manager = userspace", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("invalid-value", text, real)), expected));

  it("says a module may still provide the name, and offers the closest one without preferring it", () => {
    const text = "net.core.default_qdisc = fq_codell";
    const [f] = findingsOf("invalid-value", text, real);
    assert.equal(f?.message, 'net.core.default_qdisc names "fq_codell", which is no queueing discipline of Linux 6.18: unless a module or a BPF program registers one by that name, the kernel refuses the write (ENOENT). Did you mean fq_codel?');
    assert.equal(f?.voidsLine, undefined);
    assert.deepEqual(f?.fixes?.map((x) => [applyFix(text, x), x.isPreferred]), [["net.core.default_qdisc = fq_codel", false]]);
  });

  it("tells a module's name from the algorithm's", () => {
    const [f] = findingsOf("invalid-value", "net.ipv4.tcp_congestion_control = tcp_bbr", real);
    assert.match(f?.message ?? "", /tcp_bbr is the name of the module; the congestion control algorithm is called bbr\. Did you mean bbr\?$/);
    const [list] = findingsOf("invalid-value", "net.ipv4.tcp_allowed_congestion_control = reno cubic bbr2", real);
    assert.equal(applyFix("net.ipv4.tcp_allowed_congestion_control = reno cubic bbr2", list!.fixes![0]!), "net.ipv4.tcp_allowed_congestion_control = reno cubic bbr");
  });
});
