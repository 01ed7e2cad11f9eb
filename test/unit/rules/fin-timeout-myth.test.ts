import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsOf, spots, type Spot } from "../../support/lint";

describe("fin-timeout-myth", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_fin_timeout = 15", [[0, 27, 29, "information"]]],
    ["net.ipv4.tcp_fin_timeout = 0", [[0, 27, 28, "information"]]],
    // near misses: the default, raised, unreadable
    ["net.ipv4.tcp_fin_timeout = 60", []],
    ["net.ipv4.tcp_fin_timeout = 120", []],
    ["net.ipv4.tcp_fin_timeout = soon", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("fin-timeout-myth", text)), expected));
  it("tells the truth about TIME_WAIT", () => assert.match(findingsOf("fin-timeout-myth", "net.ipv4.tcp_fin_timeout = 15")[0]?.message ?? "", /fixed 60 seconds/));
});
