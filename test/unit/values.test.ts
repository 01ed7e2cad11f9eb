import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseKernelInt } from "../../core/catalogue/values";

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
  ];
  for (const [text, n] of cases) it(JSON.stringify(text), () => assert.equal(parseKernelInt(text), n));
});
