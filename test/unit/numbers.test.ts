import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { percent, percentText, thousands } from "../../core/text/numbers";

test("thousands writes whole numbers as toLocaleString('en-US') does", () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 })), (n) => {
      assert.equal(thousands(n), n.toLocaleString("en-US"));
    }),
  );
});

test("thousands groups and rounds to three decimals", () => {
  assert.equal(thousands(0), "0");
  assert.equal(thousands(999), "999");
  assert.equal(thousands(1000), "1,000");
  assert.equal(thousands(28232), "28,232");
  assert.equal(thousands(-1234567), "-1,234,567");
  assert.equal(thousands(1234.5678), "1,234.568");
  assert.equal(thousands(0.25), "0.25");
  assert.equal(thousands(999.9996), "1,000");
  assert.equal(thousands(1e21), "1,000,000,000,000,000,000,000");
  // A negative number that rounds to zero is "0", not "-0".
  assert.equal(thousands(-0.0001), "0");
  assert.equal(thousands(Number.NaN), "NaN");
  assert.equal(thousands(Infinity), "∞");
});

test("percent rounds, but never to all or nothing unless it is", () => {
  assert.equal(percent(262000, 262144), ">99%");
  assert.equal(percent(262000, 262144, 1), "99.9%");
  assert.equal(percent(262143, 262144, 1), ">99.9%");
  assert.equal(percent(262144, 262144, 1), "100.0%");
  assert.equal(percent(262144, 262144), "100%");
  assert.equal(percent(1, 262144, 1), "<0.1%");
  assert.equal(percent(1, 1000), "<1%");
  assert.equal(percent(5, 1000), "1%");
  assert.equal(percent(0, 1000, 1), "0.0%");
  assert.equal(percent(3, 0), "0%");
  assert.equal(percent(32, 32), "100%");
  assert.equal(percent(1, 3), "33%");
  // Over the whole (a count past its limit): never shown as exactly 100% either.
  assert.equal(percent(100_001, 100_000), ">100%");
  assert.equal(percent(101, 100), "101%");
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 2 }), (part, whole, decimals) => {
      const text = percent(part, whole, decimals);
      const shown = Number(text.replace(/[<>%]/g, ""));
      if (shown === 100 && !text.startsWith(">")) assert.equal(part, whole, text);
      if (shown === 0 && !text.startsWith("<")) assert.equal(part, 0, text);
    }),
  );
});

test("percentText gives a decimal where whole percents say too little", () => {
  assert.equal(percentText(262000, 262144), "99.9%");
  assert.equal(percentText(95, 100), "95%");
  assert.equal(percentText(989, 1000), "99%");
  assert.equal(percentText(5, 1000), "0.5%");
  assert.equal(percentText(1, 10_000_000), "<0.1%");
  assert.equal(percentText(32, 32), "100%");
});
