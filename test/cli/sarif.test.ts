import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { RULES } from "../../core/rules/registry";
import { ROOT, runCli } from "../support/run-cli";

const schema = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "sarif", "sarif-schema-2.1.0.json"), "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; help: { text: string; markdown: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

function sarif(args: string[], input?: string): { status: number | null; log: SarifLog; stdout: string } {
  const r = runCli(["lint", "--format", "sarif", ...args], input);
  const log = JSON.parse(r.stdout) as SarifLog;
  assert.ok(validate(log), ajv.errorsText(validate.errors));
  return { status: r.status, log, stdout: r.stdout };
}

const dir = mkdtempSync(join(tmpdir(), "sd-sarif-"));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("socket-doctor lint --format sarif", () => {
  it("validates against the SARIF 2.1.0 schema, with one rule object per rule code", () => {
    const { log } = sarif([file("dirty.conf", "net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_sack = 1\nnet.ipv4.tcp_sack = 1\n")]);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.code));
    for (const [i, r] of rules.entries()) {
      const rule = RULES[i]!;
      assert.equal(r.shortDescription.text, rule.description);
      assert.ok(r.fullDescription.text.length > r.shortDescription.text.length / 2, r.id);
      assert.doesNotMatch(r.fullDescription.text, /Default:/);
      assert.equal(r.defaultConfiguration.level, { error: "error", warning: "warning", information: "note", hint: "note" }[rule.defaultSeverity]);
      assert.match(r.help.markdown, new RegExp(`Default: ${rule.defaultSeverity}`));
      assert.match(r.name, /^[A-Z][A-Za-z]+$/);
    }
  });

  it("gives each result its rule, level and exact region", () => {
    const p = file("regions.conf", "# x\nnet.ipv4.tcp_tw_recycle = 1\n  net.ipv4.tcp_sack = x\n");
    const { log, status } = sarif([p]);
    assert.equal(status, 1);
    const results = log.runs[0]?.results ?? [];
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(
      results.map((r) => [r.ruleId, rules[r.ruleIndex]?.id, r.level, r.locations[0]?.physicalLocation.region]),
      [
        ["removed-key", "removed-key", "error", { startLine: 2, startColumn: 1, endLine: 2, endColumn: 24 }],
        ["invalid-value", "invalid-value", "error", { startLine: 3, startColumn: 23, endLine: 3, endColumn: 24 }],
      ],
    );
    assert.equal(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, `file://${p}`);
  });

  it("keeps relative paths relative (code scanning resolves them from the repository), encoded as URIs", () => {
    const p = file("with space.conf", "net.ipv4.tcp_tw_recycle = 1\n");
    const r = runCli(["lint", "--format", "sarif", relative(ROOT, p)]);
    const uri = (JSON.parse(r.stdout) as SarifLog).runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
    assert.equal(uri, relative(ROOT, p).replace(" ", "%20"));
  });

  it("is valid with no results, and reports unreadable inputs in the invocation", () => {
    const clean = sarif([file("clean.conf", "# nothing set\n")]);
    assert.equal(clean.status, 0);
    assert.deepEqual(clean.log.runs[0]?.results, []);
    assert.equal(clean.log.runs[0]?.invocations[0]?.executionSuccessful, true);
    const missing = sarif([join(dir, "missing.conf")]);
    assert.equal(missing.status, 2);
    assert.equal(missing.log.runs[0]?.invocations[0]?.executionSuccessful, false);
    assert.match(missing.log.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.message.text ?? "", /missing\.conf: no such file/);
  });

  it("names standard input file:///dev/stdin, never a relative URI that could be a file of the repository", () => {
    const { log } = sarif(["-"], "net.ipv4.tcp_tw_recycle = 1\n");
    const location = log.runs[0]?.results[0]?.locations[0]?.physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: "file:///dev/stdin", description: { text: "standard input" } });
    assert.deepEqual(location?.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 24 });
  });

  it("escapes C1 control characters from the input, still valid JSON with the same text", () => {
    const { log, stdout } = sarif(["-"], "net.ipv4.tcp_fin_timout\u009b31m = 1\n");
    assert.doesNotMatch(stdout, /\u009b/);
    assert.match(log.runs[0]?.results[0]?.message.text ?? "", /\u009b31m/);
  });
});
