import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { documentSymbols } from "../../core/language/symbols";
import { parseSysctl } from "../../core/sysctl/parse";

describe("document symbols", () => {
  it("lists each assignment with its value, skipping comments and errors", () => {
    const s = documentSymbols(parseSysctl("# c\nnet/ipv4/tcp_sack = 1\nbroken\n-net.ipv4.tcp_dsack=0"));
    assert.deepEqual(s.map((x) => [x.name, x.detail, x.range.start.line, x.selectionRange.start.character]), [
      ["net.ipv4.tcp_sack", "1", 1, 0],
      ["net.ipv4.tcp_dsack", "0", 3, 1],
    ]);
  });
  it("shortens very long values", () => {
    const [s] = documentSymbols(parseSysctl(`a.b = ${"x".repeat(200)}`));
    assert.equal(s?.detail.length, 80);
  });
});
