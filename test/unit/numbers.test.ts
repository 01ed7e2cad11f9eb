import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { thousands } from "../../core/text/numbers";

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
