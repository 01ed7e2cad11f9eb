import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsOf, spots, type Spot } from "../../support/lint";

describe("keepalive-scope", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_keepalive_time = 600", [[0, 0, 27, "information"]]],
    ["net.ipv4.tcp_sack = 1", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("keepalive-scope", text)), expected));
  it("reports once per file, linking the other timers", () => {
    const f = findingsOf("keepalive-scope", "net.ipv4.tcp_keepalive_time = 600\nnet.ipv4.tcp_keepalive_intvl = 60\nnet.ipv4.tcp_keepalive_probes = 5");
    assert.equal(f.length, 1);
    assert.equal(f[0]?.related?.length, 2);
    assert.match(f[0]?.message ?? "", /SO_KEEPALIVE/);
  });
});
