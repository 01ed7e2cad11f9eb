import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

const T = "net.ipv4.neigh.default.gc_thresh";

describe("neigh-gc-order", () => {
  const cases: [string, Spot[]][] = [
    // raised gc_thresh1 and gc_thresh2 for a big subnet, but left gc_thresh3 at its default 1024: both are above it
    [`${T}1 = 4096\n${T}2 = 8192`, [[0, 36, 40, "warning"], [1, 36, 40, "warning"]]],
    // every pair out of order: each reported
    [`${T}1 = 2048\n${T}2 = 1024\n${T}3 = 512`, [[0, 36, 40, "warning"], [1, 36, 40, "warning"]]],
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

  it("reports every pair out of order, each with its own story", () => {
    const messages = findingsOf("neigh-gc-order", `${T}1 = 2048\n${T}2 = 1024\n${T}3 = 512`).map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0] ?? "", /^gc_thresh1 \(2048\) is not below gc_thresh2 \(1024\)/);
    assert.match(messages[1] ?? "", /^gc_thresh2 \(1024\) is not below gc_thresh3 \(512\)/);
    const [high] = findingsOf("neigh-gc-order", `${T}1 = 4096\n${T}2 = 8192`);
    assert.match(high?.message ?? "", /^gc_thresh1 \(4096\) is not below gc_thresh3 \(1024\): .*periodic collector skips it/);
  });

  it("one line, one story: a gc_thresh3 at its default in an out-of-order triple is not called redundant", () => {
    const text = `${T}2 = 2048\n${T}3 = 1024`;
    assert.deepEqual(findingsOf("redundant-default", text), []);
    assert.equal(findingsOf("neigh-gc-order", text)[0]?.related?.[0]?.range.start.line, 1);
    // In order, the same line is redundant.
    assert.deepEqual(findingsOf("redundant-default", `${T}2 = 1000\n${T}3 = 1024`).map((f) => f.range.start.line), [1]);
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
