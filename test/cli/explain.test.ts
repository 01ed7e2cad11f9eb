import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli } from "../support/run-cli";

const FIELDS = ["key", "known", "type", "default", "unit", "status", "since", "removedIn", "replacement", "min", "max", "values", "summary", "docUrl"];

describe("socket-doctor explain", () => {
  it("prints one JSON array in argument order with every field", () => {
    const r = runCli(["explain", "--json", "net.ipv4.tcp_tw_reuse", "net.ipv4.conf.eth7.rp_filter", "net.ipv4.tcp_tw_recycle"]);
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(rows.map((x) => x.key), ["net.ipv4.tcp_tw_reuse", "net.ipv4.conf.eth7.rp_filter", "net.ipv4.tcp_tw_recycle"]);
    for (const row of rows) assert.deepEqual(Object.keys(row), FIELDS);
    const [reuse, rp, recycle] = rows;
    assert.equal(reuse?.default, "2");
    assert.deepEqual((reuse?.values as { value: string }[]).map((v) => v.value), ["0", "1", "2"]);
    assert.equal(rp?.known, true);
    assert.equal(recycle?.status, "removed");
    assert.equal(recycle?.removedIn, "4.12");
  });

  it("marks unknown keys and exits 1", () => {
    const r = runCli(["explain", "--json", "net.ipv4.nope"]);
    assert.equal(r.status, 1);
    const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(row?.known, false);
    assert.equal(row?.type, null);
  });

  it("explains in plain text with the sources and a did-you-mean", () => {
    const r = runCli(["explain", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_fin_timout"]);
    assert.match(r.stdout, /^net\.ipv4\.tcp_fin_timeout\n/);
    assert.match(r.stdout, /Sources:/);
    assert.match(r.stdout, /Did you mean net\.ipv4\.tcp_fin_timeout/);
  });
});

describe("socket-doctor keys", () => {
  it("lists the whole catalogue as JSON and as text", () => {
    const json = JSON.parse(runCli(["keys", "--json"]).stdout) as { key: string; description: string }[];
    assert.ok(json.length > 250, `only ${json.length} keys`);
    assert.ok(json.some((k) => k.key === "net.ipv4.conf.<iface>.rp_filter"));
    assert.ok(json.every((k) => k.description.length > 0));
    const text = runCli(["keys"]).stdout.trim().split("\n");
    assert.equal(text.length, json.length);
  });
});
