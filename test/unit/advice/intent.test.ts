import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { intentPhrase, rangeSize, valueFor } from "../../../core/advice/intent";
import type { Intent, VettedSetting } from "../../../core/advice/types";

const setting = (intent: Intent, value: string): VettedSetting => ({ key: "k", value, intent, why: "", tradeoff: "" });

describe("valueFor: what to write so a key meets a setting (undefined: it already does)", () => {
  const cases: [Intent, string, string | undefined, string | undefined][] = [
    ["exactly", "1", "1", undefined],
    ["exactly", "1", "0x1", undefined],
    ["exactly", "1", "2", "1"],
    ["exactly", "1", undefined, "1"],
    ["at-least", "16384", "1000", "16384"],
    ["at-least", "16384", "65536", undefined],
    ["at-least", "16384", "16384", undefined],
    ["at-least", "16384", "0x10000", undefined],
    ["at-least", "16384", "lots", "16384"],
    ["at-least", "16384", "1000 # trailing comment", "16384"],
    ["at-least", "16384", undefined, "16384"],
    ["at-least", "4096 131072 6291456", "8192 87380 16777216", "8192 131072 16777216"],
    ["at-least", "4096 131072 6291456", "4096 87380", "4096 131072 6291456"],
    ["at-most", "2", "5", "2"],
    ["at-most", "2", "1", undefined],
    ["at-most", "600", "7200", "600"],
    ["cover", "32768 65535", "32768 60999", "32768 65535"],
    ["cover", "32768 65535", "1024 65000", "1024 65535"],
    ["cover", "32768 65535", "1024 65535", undefined],
    ["cover", "32768 65535", "40000 50001", "32768 65535"],
    // The widening keeps ends of different parity by giving up a port it added, never one the file had.
    ["cover", "32768 65535", "1025 60000", "1025 65534"],
    ["cover", "32768 65535", "1025 65534", undefined],
    ["cover", "32769 60000", "40000 60999", "32770 60999"],
    ["cover", "32768 65535", "60999 32768", "32768 65535"],
    ["cover", "32768 65535", "1024", "32768 65535"],
  ];
  for (const [intent, value, current, expected] of cases) {
    it(`${intent} ${value}, file has ${JSON.stringify(current)} → ${JSON.stringify(expected)}`, () => assert.equal(valueFor(setting(intent, value), current), expected));
  }

  const int = fc.integer({ min: 0, max: 1 << 20 });
  it("at-least never lowers, at-most never raises, and both are idempotent", () => {
    fc.assert(
      fc.property(int, int, (have, want) => {
        const up = valueFor(setting("at-least", String(want)), String(have));
        const down = valueFor(setting("at-most", String(want)), String(have));
        assert.equal(up === undefined ? have : Number(up), Math.max(have, want));
        assert.equal(down === undefined ? have : Number(down), Math.min(have, want));
        if (up !== undefined) assert.equal(valueFor(setting("at-least", String(want)), up), undefined);
      }),
    );
  });

  const port = fc.integer({ min: 1024, max: 65535 });
  it("cover never narrows the file's range, covers the vetted one but for a port of parity, and is idempotent", () => {
    fc.assert(
      fc.property(port, port, port, port, (a, b, c, d) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        const [lo, hi] = [Math.min(c, d), Math.max(c, d)];
        const s = setting("cover", `${lo} ${hi}`);
        const out = valueFor(s, `${from} ${to}`);
        const [low, high] = out === undefined ? [from, to] : (out.split(" ").map(Number) as [number, number]);
        assert.ok(low <= from && high >= to, `${out} keeps ${from} ${to}`);
        assert.ok(low <= lo + 1 && high >= hi - 1, `${out} covers ${lo} ${hi} but for one port`);
        if (out !== undefined) assert.equal(valueFor(s, out), undefined);
      }),
    );
  });
});

describe("intentPhrase and rangeSize", () => {
  it("phrase how a value meets a setting", () => {
    assert.equal(intentPhrase(setting("at-least", "16384")), "at least 16384");
    assert.equal(intentPhrase(setting("cover", "32768 65535")), "covers 32768 65535");
    assert.equal(intentPhrase(setting("exactly", "1")), "1");
  });

  it("count a range's values", () => {
    assert.equal(rangeSize("32768 60999"), 28232);
    assert.equal(rangeSize("1024 65000"), 63977);
    assert.equal(rangeSize("5 4"), undefined);
    assert.equal(rangeSize(undefined), undefined);
  });
});
