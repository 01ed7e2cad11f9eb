import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

describe("tw-reuse-needs-timestamps", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_timestamps = 0\nnet.ipv4.tcp_tw_reuse = 1", [[1, 24, 25, "warning"]]],
    ["net.ipv4.tcp_tw_reuse = 2\nnet.ipv4.tcp_timestamps = 0", [[0, 24, 25, "warning"]]],
    // near misses
    ["net.ipv4.tcp_timestamps = 1\nnet.ipv4.tcp_tw_reuse = 1", []],
    ["net.ipv4.tcp_tw_reuse = 1", []],
    ["net.ipv4.tcp_timestamps = 0\nnet.ipv4.tcp_tw_reuse = 0", []],
    ["net.ipv4.tcp_timestamps = 0\nnet.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 1", []],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("tw-reuse-needs-timestamps", text)), expected));

  it("sees tcp_timestamps = 0 in another file of the set and links it", () => {
    const set = [
      ["file:///etc/sysctl.d/10-old.conf", "net.ipv4.tcp_timestamps = 0"],
      ["file:///etc/sysctl.d/20-proxy.conf", "net.ipv4.tcp_tw_reuse = 1"],
    ] as const;
    const [f] = findingsInSet("tw-reuse-needs-timestamps", set, 1);
    assert.equal(f?.related?.[0]?.uri, "file:///etc/sysctl.d/10-old.conf");
  });
});
