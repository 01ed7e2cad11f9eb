import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli } from "../support/run-cli";

const FIELDS = ["key", "known", "type", "default", "unit", "scope", "readOnly", "requires", "status", "since", "removedIn", "replacement", "min", "max", "values", "summary", "docUrl"];

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

  it("gives the default of the instance named, and what a key needs", () => {
    const r = runCli(["explain", "--json", "net.ipv4.conf.all.accept_source_route", "net.ipv4.conf.eth0.accept_source_route", "kernel.sysrq", "vm.swappiness"]);
    const [all, eth0, sysrq, swappiness] = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(all?.default, "0");
    assert.equal(eth0?.default, "1");
    assert.deepEqual(sysrq?.requires, { config: "CONFIG_MAGIC_SYSRQ" });
    assert.equal(swappiness?.scope, "global");
    assert.equal(swappiness?.max, 200);
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
    assert.ok(json.length > 900, `only ${json.length} keys`);
    for (const family of ["net.ipv6.", "vm.", "kernel.", "fs.", "user.", "net.ipv4.vs.", "net.sctp."]) {
      assert.ok(json.some((k) => k.key.startsWith(family)), family);
    }
    assert.ok(json.some((k) => k.key === "net.ipv4.conf.<iface>.rp_filter"));
    assert.ok(json.every((k) => k.description.length > 0));
    const text = runCli(["keys"]).stdout.trim().split("\n");
    assert.equal(text.length, json.length);
  });
});
