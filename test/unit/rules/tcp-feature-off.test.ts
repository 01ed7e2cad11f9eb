import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("tcp-feature-off", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_sack = 0", [[0, 20, 21, "warning"]]],
    ["net.ipv4.tcp_window_scaling = 0", [[0, 30, 31, "warning"]]],
    ["net.ipv4.tcp_timestamps = 0", [[0, 26, 27, "warning"]]],
    ["net.ipv4.tcp_timestamps = 0x0 # off", [[0, 26, 35, "warning"]]],
    // near misses: on, the other timestamp mode, a value the kernel refuses (invalid-value speaks)
    ["net.ipv4.tcp_sack = 1", []],
    ["net.ipv4.tcp_timestamps = 2", []],
    ["net.ipv4.tcp_window_scaling = 256", []],
    ["net.ipv4.tcp_sack = off", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("tcp-feature-off", text)), expected));

  it("says what each one breaks, with the kernel's numbers", () => {
    const message = (text: string) => findingsOf("tcp-feature-off", text)[0]?.message ?? "";
    assert.match(message("net.ipv4.tcp_window_scaling = 0"), /64 KiB per round trip \(about 5 Mbit\/s at 100 ms\)/);
    assert.match(message("net.ipv4.tcp_timestamps = 0"), /PAWS.*tcp_tw_reuse.*random timestamp offset/);
    assert.match(message("net.ipv4.tcp_sack = 0"), /one lost segment per round trip/);
  });

  it("turns the feature back on", () => {
    const text = "net.ipv4.tcp_timestamps = 0";
    assert.equal(applyFix(text, findingsOf("tcp-feature-off", text)[0]!.fixes![0]!), "net.ipv4.tcp_timestamps = 1");
  });

  it("speaks only for the line that wins", () => {
    assert.deepEqual(spots(findingsOf("tcp-feature-off", "net.ipv4.tcp_sack = 0\nnet.ipv4.tcp_sack = 0")), [[1, 20, 21, "warning"]]);
  });
});
