import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
import { findingsOf, spots, type Spot } from "../../support/lint";

describe("vector-order", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_rmem = 4096 87380 4096", [[0, 20, 35, "warning"]]],
    ["net.ipv4.tcp_rmem = 16777216 87380 16777216", [[0, 20, 43, "warning"]]],
    // near misses
    ["net.ipv4.tcp_rmem = 4096 87380 16777216", []],
    ["net.ipv4.tcp_rmem = 4096 4096 4096", []],
    ["net.ipv4.tcp_rmem = 4096 x 4096", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("vector-order", text)), expected));
});

describe("mem-in-pages", () => {
  const real = { catalogue: catalogue() };
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_mem = 16777216 16777216 16777216", [[0, 19, 45, "warning"]]],
    ["net.ipv4.tcp_mem = 4096 87380 16777216", [[0, 19, 38, "warning"]]],
    ["net.ipv4.udp_mem = 4096 65536 131072", [[0, 19, 36, "warning"]]],
    // near misses: page counts of a real host, and byte vectors where bytes belong
    ["net.ipv4.tcp_mem = 288393 384526 576786", []],
    ["net.ipv4.tcp_rmem = 4096 87380 16777216", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("mem-in-pages", text, real)), expected));
  it("says how much memory the value really means", () => {
    assert.match(findingsOf("mem-in-pages", "net.ipv4.tcp_mem = 16777216 16777216 16777216", real)[0]?.message ?? "", /16777216 pages is 64 GiB/);
  });
});
