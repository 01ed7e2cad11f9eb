import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsOf, spots, type Spot } from "../../support/lint";

describe("syntax-error", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_sack 1", [[0, 0, 19, "error"]]],
    ["  = 1", [[0, 2, 3, "error"]]],
    ["net.ipv4 tcp_sack = 1", [[0, 0, 17, "error"]]],
    // near misses
    ["net.ipv4.tcp_sack = 1", []],
    ["# no equals in a comment", []],
    ["; nor here", []],
    ["-net.ipv4.conf.*.rp_filter", []],
    ["", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("syntax-error", text)), expected));
  }
});
