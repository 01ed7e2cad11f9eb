import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("limit-lowered", () => {
  const cases: [string, string, Spot[]][] = [
    ["net.core.somaxconn = 1024", "6.18", [[0, 21, 25, "warning"]]],
    ["net.core.rmem_max = 1048576", "6.18", [[0, 20, 27, "warning"]]],
    ["net.core.wmem_max = 327679", "6.18", [[0, 20, 26, "warning"]]],
    // on older kernels the defaults were smaller: the same lines raise the limit there
    ["net.core.somaxconn = 1024", "5.3", []],
    ["net.core.rmem_max = 1048576", "6.12", []],
    ["net.core.rmem_max = 200000", "6.12", [[0, 20, 26, "warning"]]],
    // near misses: at or above the default
    ["net.core.somaxconn = 4096", "6.18", []],
    ["net.core.somaxconn = 65535", "6.18", []],
    ["net.core.wmem_max = 16777216", "6.18", []],
  ];
  for (const [text, kernel, expected] of cases) {
    it(`${text} on ${kernel}`, () => assert.deepEqual(spots(findingsOf("limit-lowered", text, { kernel })), expected));
  }

  it("names the default, the release that raised it and what the lower value cuts", () => {
    const message = findingsOf("limit-lowered", "net.core.somaxconn = 1024")[0]?.message ?? "";
    assert.match(message, /default is 4096 since Linux 5\.4, and guides written when it was 128/);
    assert.match(message, /every listen\(\) backlog to 1024/);
    assert.match(findingsOf("limit-lowered", "net.core.rmem_max = 200000", { kernel: "6.12" })[0]?.message ?? "", /default on Linux 6\.12 is 212992/);
  });

  it("sets the default", () => {
    const text = "net.core.rmem_max = 1048576";
    assert.equal(applyFix(text, findingsOf("limit-lowered", text)[0]!.fixes![0]!), "net.core.rmem_max = 4194304");
  });
});
