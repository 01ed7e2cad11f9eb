import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("duplicate-key", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_sack = 1\nnet.ipv4.tcp_sack = 0", [[0, 0, 21, "warning"]]],
    ["net.ipv4.tcp_sack = 1\nnet/ipv4/tcp_sack = 0", [[0, 0, 21, "warning"]]],
    ["a.b = 1\na.b = 2\na.b = 3", [[0, 0, 7, "warning"], [1, 0, 7, "warning"]]],
    // near misses: different interfaces, globs, different keys
    ["net.ipv4.conf.eth0.rp_filter = 1\nnet.ipv4.conf.eth1.rp_filter = 1", []],
    ["net.ipv4.conf.*.rp_filter = 1\nnet.ipv4.conf.*.rp_filter = 2", []],
    ["net.ipv4.tcp_sack = 1\nnet.ipv4.tcp_dsack = 1", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("duplicate-key", text)), expected));
  }

  it("marks the dead line unnecessary, links the winner and deletes the dead line", () => {
    const text = "net.ipv4.tcp_sack = 1\n# keep\nnet.ipv4.tcp_sack = 0\n";
    const [f] = findingsOf("duplicate-key", text);
    assert.deepEqual(f?.tags, ["unnecessary"]);
    assert.equal(f?.related?.[0]?.range.start.line, 2);
    assert.match(f?.message ?? "", /line 3/);
    assert.equal(applyFix(text, f!.fixes![0]!), "# keep\nnet.ipv4.tcp_sack = 0\n");
  });
});
