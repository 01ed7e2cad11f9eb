import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

const T = "net.ipv4.neigh.default.gc_thresh";

describe("neigh-gc-order", () => {
  const cases: [string, Spot[]][] = [
    // raised gc_thresh1 and gc_thresh2 for a big subnet, but left gc_thresh3 at its default 1024
    [`${T}1 = 4096\n${T}2 = 8192`, [[1, 36, 40, "warning"]]],
    [`${T}3 = 256`, [[0, 36, 39, "warning"]]],
    [`${T}1 = 1024\n${T}2 = 512\n${T}3 = 2048`, [[0, 36, 40, "warning"]]],
    // near misses: in order, each raised alone within the defaults' order
    [`${T}1 = 1024\n${T}2 = 4096\n${T}3 = 8192`, []],
    [`${T}3 = 8192`, []],
    [`${T}1 = 256`, []],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("neigh-gc-order", text)), expected));

  it("says what breaks, with the values, and links the other line", () => {
    const [f] = findingsOf("neigh-gc-order", `${T}2 = 8192\n${T}3 = 4096`);
    assert.match(f?.message ?? "", /gc_thresh2 \(8192\) is not below gc_thresh3 \(4096\).*neighbor table overflow!/);
    assert.deepEqual(f?.related?.map((r) => r.range.start.line), [1]);
  });

  it("compares with the values other files of the set leave, and reports where the pair is set", () => {
    const set = [
      ["h/etc/sysctl.d/10-neigh.conf", `${T}3 = 2048`],
      ["h/etc/sysctl.d/90-mine.conf", `${T}2 = 4096`],
    ] as const;
    assert.equal(findingsInSet("neigh-gc-order", set, 0).length, 1);
    assert.equal(findingsInSet("neigh-gc-order", set, 1).length, 1);
    const apart = [
      ["h/etc/sysctl.d/10-neigh.conf", `${T}1 = 256`],
      ["h/etc/sysctl.d/90-mine.conf", `${T}2 = 4096`],
    ] as const;
    assert.equal(findingsInSet("neigh-gc-order", apart, 0).length, 0);
    assert.equal(findingsInSet("neigh-gc-order", apart, 1).length, 1);
  });
});
