import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("read-only-key", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_available_congestion_control = cubic", [[0, 0, 41, "error"]]],
    ["net.ipv4.tcp_congestion_control = cubic", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("read-only-key", text)), expected));
  }

  it("removes the line", () => {
    const text = "a.b = 1\nnet.ipv4.tcp_available_congestion_control = cubic\nc.d = 2";
    const [f] = findingsOf("read-only-key", text);
    assert.equal(applyFix(text, f!.fixes![0]!), "a.b = 1\nc.d = 2");
  });
});
