/** Tokenizes sample lines with the shipped TextMate grammar, using the same engine VS Code uses. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from "vscode-textmate";

const ROOT = join(__dirname, "..", "..", "..");
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(join(ROOT, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(join(ROOT, "syntaxes", "sysctl.tmLanguage.json"), "utf8"), "sysctl.tmLanguage.json"),
  });
  grammar = (await registry.loadGrammar("source.sysctl")) as IGrammar;
});

/** `[text, innermost scope]` for each token, without the root scope. */
function tokens(line: string): [string, string][] {
  return grammar
    .tokenizeLine(line, INITIAL)
    .tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1] as string] as [string, string])
    .filter(([text]) => text.trim() !== "");
}

describe("sysctl TextMate grammar", () => {
  it("colours # and ; comments", () => {
    assert.deepEqual(tokens("# a comment"), [["#", "punctuation.definition.comment.sysctl"], [" a comment", "comment.line.sysctl"]]);
    assert.deepEqual(tokens("  ; another"), [[";", "punctuation.definition.comment.sysctl"], [" another", "comment.line.sysctl"]]);
  });

  it("splits keys into names and separators, and marks = and numbers", () => {
    assert.deepEqual(tokens("net.ipv4.tcp_fin_timeout = 30"), [
      ["net", "variable.other.property.sysctl"],
      [".", "punctuation.separator.key.sysctl"],
      ["ipv4", "variable.other.property.sysctl"],
      [".", "punctuation.separator.key.sysctl"],
      ["tcp_fin_timeout", "variable.other.property.sysctl"],
      ["=", "keyword.operator.assignment.sysctl"],
      ["30", "constant.numeric.sysctl"],
    ]);
  });

  it("reads slash separators, the ignore-failure dash and globs", () => {
    assert.deepEqual(tokens("-net/ipv4/conf/*/rp_filter=2"), [
      ["-", "keyword.operator.ignore-failure.sysctl"],
      ["net", "variable.other.property.sysctl"],
      ["/", "punctuation.separator.key.sysctl"],
      ["ipv4", "variable.other.property.sysctl"],
      ["/", "punctuation.separator.key.sysctl"],
      ["conf", "variable.other.property.sysctl"],
      ["/", "punctuation.separator.key.sysctl"],
      ["*", "keyword.operator.glob.sysctl"],
      ["/", "punctuation.separator.key.sysctl"],
      ["rp_filter", "variable.other.property.sysctl"],
      ["=", "keyword.operator.assignment.sysctl"],
      ["2", "constant.numeric.sysctl"],
    ]);
  });

  it("marks a bare -pattern exclusion", () => {
    assert.deepEqual(tokens("-net.ipv4.conf.lo.rp_filter")[0], ["-", "keyword.operator.exclude.sysctl"]);
  });

  it("colours every number of a vector and words as text", () => {
    assert.deepEqual(tokens("net.ipv4.ip_local_port_range = 32768 60999").slice(-2), [
      ["32768", "constant.numeric.sysctl"],
      ["60999", "constant.numeric.sysctl"],
    ]);
    assert.deepEqual(tokens("net.ipv4.tcp_congestion_control = bbr").slice(-1), [["bbr", "string.unquoted.value.sysctl"]]);
    assert.deepEqual(tokens("net.ipv4.ip_local_reserved_ports = 8080,9000").slice(-3), [
      ["8080", "constant.numeric.sysctl"],
      [",", "punctuation.separator.value.sysctl"],
      ["9000", "constant.numeric.sysctl"],
    ]);
  });

  it("scopes key names as variables, which common themes colour as names (Light+ paints CSS property names pure red)", () => {
    const keys = tokens("net.ipv4.conf.eth0.rp_filter = 1").filter(([text]) => /^\w+$/.test(text) && text !== "1");
    assert.equal(keys.length, 5);
    for (const [text, scope] of keys) assert.ok(scope.startsWith("variable.other.") && !scope.includes("property-name"), `${text}: ${scope}`);
  });

  it("does not treat # inside a value as a comment (sysctl has none there)", () => {
    assert.ok(tokens("a.b = 1 # x").every(([, scope]) => !scope.startsWith("comment")));
  });
});
