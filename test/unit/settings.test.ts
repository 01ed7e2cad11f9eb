import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RULES } from "../../core/rules/registry";
import { DEFAULT_SETTINGS, targetKernel, validateSettings } from "../../server/settings";

const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8"));
const props = pkg.contributes.configuration.properties;

describe("settings", () => {
  it("package.json defaults match the server's, key by key", () => {
    assert.equal(props["socketDoctor.kernelVersion"].default, DEFAULT_SETTINGS.kernelVersion);
    assert.deepEqual(props["socketDoctor.rules"].default, DEFAULT_SETTINGS.rules);
  });

  it("package.json lists every rule code with its description, and no other", () => {
    const listed = props["socketDoctor.rules"].properties as Record<string, { description: string }>;
    assert.deepEqual(Object.keys(listed).sort(), RULES.map((r) => r.code).sort());
    for (const r of RULES) assert.equal(listed[r.code]?.description, r.description);
  });

  it("accepts good values and maps info to information", () => {
    const v = validateSettings({ kernelVersion: "5.15", rules: { "duplicate-key": "info", "removed-key": "off" } });
    assert.deepEqual(v.problems, []);
    assert.deepEqual(v.settings, { kernelVersion: "5.15", rules: { "duplicate-key": "information", "removed-key": "off" } });
  });

  it("reports bad values and falls back to defaults for them", () => {
    const v = validateSettings({ kernelVersion: "latest", rules: { "no-such-rule": "error", "duplicate-key": "loud" } });
    assert.equal(v.problems.length, 3);
    assert.deepEqual(v.settings, DEFAULT_SETTINGS);
    assert.deepEqual(validateSettings(null).settings, DEFAULT_SETTINGS);
  });

  it("targets the setting, else the running kernel, else the newest known", () => {
    assert.equal(targetKernel({ kernelVersion: "5.4", rules: {} }, "6.18.44-x", "6.18"), "5.4");
    assert.equal(targetKernel(DEFAULT_SETTINGS, "6.1.0-13-amd64", "6.18"), "6.1");
    assert.equal(targetKernel(DEFAULT_SETTINGS, undefined, "6.18"), "6.18");
  });
});
