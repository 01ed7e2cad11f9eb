import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("syncookies-off", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_syncookies = 0", [[0, 26, 27, "warning"]]],
    ["net.ipv4.tcp_syncookies = 1", []],
    ["net.ipv4.tcp_syncookies = 2", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("syncookies-off", text)), expected));
  it("turns them back on", () => {
    const [f] = findingsOf("syncookies-off", "net.ipv4.tcp_syncookies = 0");
    assert.equal(applyFix("net.ipv4.tcp_syncookies = 0", f!.fixes![0]!), "net.ipv4.tcp_syncookies = 1");
  });
});
