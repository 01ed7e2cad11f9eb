import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseKernelInt, sameValue } from "../../core/catalogue/values";

describe("parseKernelInt", () => {
  const cases: [string, number | undefined][] = [
    ["0", 0],
    ["42", 42],
    ["-7", -7],
    ["+7", 7],
    ["0x1f", 31],
    ["0X1F", 31],
    ["", undefined],
    ["1.5", undefined],
    ["1e3", undefined],
    ["ten", undefined],
    ["1 2", undefined],
    ["0x", undefined],
    ["-0x10", -16],
    ["-", undefined],
    ["0x1g", undefined],
    ["007", 7],
    ["٣", undefined],
  ];
  for (const [text, n] of cases) it(JSON.stringify(text), () => assert.equal(parseKernelInt(text), n));

  it("reads what the grammar [+-]?(0x[0-9a-f]+|[0-9]+) describes, and nothing else", () => {
    const grammar = (text: string): number | undefined => {
      const m = /^([+-]?)(0x[0-9a-f]+|[0-9]+)$/i.exec(text);
      if (!m) return undefined;
      const body = m[2] as string;
      const n = /^0x/i.test(body) ? parseInt(body, 16) : Number(body);
      return m[1] === "-" ? -n : n;
    };
    const near = fc.string({ unit: fc.constantFrom("0", "1", "9", "x", "X", "a", "F", "g", "+", "-", " ", "."), maxLength: 8 });
    fc.assert(fc.property(fc.oneof(near, fc.string()), (text) => assert.equal(parseKernelInt(text), grammar(text))), { numRuns: 2000 });
  });
});

describe("sameValue", () => {
  it("compares numbers by value and other words as written, word by word", () => {
    assert.ok(sameValue("60", "0x3c"));
    assert.ok(sameValue("4096\t131072  6291456", " 4096 131072 6291456 "));
    assert.ok(sameValue("cubic", "cubic"));
    assert.ok(sameValue("0x10 reno", "16 reno"));
    assert.ok(!sameValue("1", "0"));
    assert.ok(!sameValue("4096 131072", "4096 131072 6291456"));
    assert.ok(!sameValue("cubic", "Cubic"));
  });
});
