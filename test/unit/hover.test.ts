import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hover } from "../../core/language/hover";
import { parseSysctl } from "../../core/sysctl/parse";
import { withCursor } from "../support/cursor";
import { fixtureCatalogue } from "../support/fixture-catalogue";

function hoverAt(marked: string, liveValue?: (name: string) => string | undefined) {
  const { text, pos } = withCursor(marked);
  return hover(parseSysctl(text), pos, { catalogue: fixtureCatalogue, ...(liveValue ? { liveValue } : {}) });
}

describe("hover", () => {
  it("documents the key under the cursor", () => {
    const h = hoverAt("net.ipv4.tcp_|fin_timeout = 30");
    assert.ok(h);
    assert.match(h.markdown, /\*\*`net\.ipv4\.tcp_fin_timeout`\*\*/);
    assert.match(h.markdown, /How long an orphaned socket waits in FIN_WAIT2/);
    assert.match(h.markdown, /\*\*Default:\*\* `60`/);
    assert.match(h.markdown, /\*\*Unit:\*\* seconds/);
    assert.match(h.markdown, /Not TIME_WAIT\./);
    assert.match(h.markdown, /\(https:\/\/www\.kernel\.org\/doc\/html\/v6\.18\/networking\/ip-sysctl\.html#tcp-variables\)/);
    assert.deepEqual(h.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } });
  });

  it("works on the value too, and at either end of the key", () => {
    assert.ok(hoverAt("net.ipv4.tcp_fin_timeout = 3|0"));
    assert.ok(hoverAt("|net.ipv4.tcp_fin_timeout = 30"));
    assert.ok(hoverAt("net.ipv4.tcp_fin_timeout| = 30"));
  });

  it("names the user's interface for template keys and lists enum values", () => {
    const h = hoverAt("net.ipv4.conf.eth0.rp_|filter = 1");
    assert.match(h?.markdown ?? "", /\*\*`net\.ipv4\.conf\.eth0\.rp_filter`\*\*/);
    assert.match(h?.markdown ?? "", /\| `2` \| loose \|/);
  });

  it("shows the live value and says when it differs from the file and the default", () => {
    const h = hoverAt("net.ipv4.tcp_|fin_timeout = 30", (n) => (n === "net.ipv4.tcp_fin_timeout" ? "45" : undefined));
    assert.match(h?.markdown ?? "", /\*\*Live value:\*\* `45` \(differs from this file, differs from the default\)/);
    const same = hoverAt("net.ipv4.tcp_|fin_timeout = 60", () => "60");
    assert.match(same?.markdown ?? "", /\*\*Live value:\*\* `60`\n/);
  });

  it("describes glob patterns and known families", () => {
    assert.match(hoverAt("net.ipv4.conf.*.rp_|filter = 1")?.markdown ?? "", /net\.ipv4\.conf\.<iface>\.rp_filter/);
    assert.match(hoverAt("dev.raid.speed_limit_|min = 1000")?.markdown ?? "", /does not describe this key/);
  });

  it("has nothing to say about comments, blank space, unknown keys and the equals sign", () => {
    assert.equal(hoverAt("# net.ipv4.tcp_|fin_timeout"), null);
    assert.equal(hoverAt("net.ipv4.no_|such = 1"), null);
    assert.equal(hoverAt("net.ipv4.tcp_fin_timeout =| 30"), null);
    assert.equal(hoverAt("a.b = 1\n|"), null);
  });
});
