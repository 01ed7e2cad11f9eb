import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { complete } from "../../core/language/complete";
import { withCursor } from "../support/cursor";
import { fixtureCatalogue } from "../support/fixture-catalogue";

function completeAt(marked: string, interfaces: string[] = []) {
  const { text, pos } = withCursor(marked);
  return complete(text.split("\n")[pos.line] ?? "", pos, { catalogue: fixtureCatalogue, interfaces });
}
const labels = (marked: string, interfaces?: string[]) => completeAt(marked, interfaces).map((c) => c.label);

describe("key completion, segment by segment", () => {
  it("offers the top-level families", () => assert.deepEqual(labels("|"), ["net"]));
  it("offers the next segment after a dot", () => assert.deepEqual(labels("net.|"), ["core", "ipv4", "netfilter"]));
  it("offers keys and branches under net.ipv4", () => {
    const l = labels("net.ipv4.|");
    for (const k of ["tcp_fin_timeout", "conf", "neigh"]) assert.ok(l.includes(k), k);
    assert.ok(!l.includes("netfilter"), "the only net.ipv4.netfilter key is removed");
  });
  it("never offers removed keys", () => {
    assert.ok(!labels("net.ipv4.tcp_|").includes("tcp_tw_recycle"));
  });
  it("replaces only the partial segment", () => {
    const items = completeAt("net.ipv4.tcp_f|");
    const fin = items.find((i) => i.label === "tcp_fin_timeout");
    assert.deepEqual(fin?.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } });
    assert.equal(fin?.kind, "key");
    assert.equal(fin?.insertText, "tcp_fin_timeout = ");
    assert.equal(fin?.retrigger, true);
    assert.match(fin?.documentation ?? "", /FIN_WAIT2/);
  });
  it("inserts only the name when the line already has `=`", () => {
    const fin = completeAt("net.ipv4.tcp_f| = 30").find((i) => i.label === "tcp_fin_timeout");
    assert.equal(fin?.insertText, "tcp_fin_timeout");
  });
  it("continues a branch with the separator the user writes", () => {
    assert.equal(completeAt("net.|").find((i) => i.label === "ipv4")?.insertText, "ipv4.");
    assert.equal(completeAt("net/|").find((i) => i.label === "ipv4")?.insertText, "ipv4/");
  });
  it("offers all, default and live interfaces for conf; default but not all for neigh", () => {
    assert.deepEqual(labels("net.ipv4.conf.|", ["eth0"]), ["all", "default", "eth0"]);
    assert.deepEqual(labels("net.ipv4.neigh.|", ["eth0"]), ["default", "eth0"]);
  });
  it("completes template leaves for any interface", () => {
    assert.deepEqual(labels("net.ipv4.conf.br-lan.|"), ["accept_source_route", "rp_filter"]);
  });
  it("works after the leading dash", () => assert.ok(labels("-net.ipv4.tcp_|").includes("tcp_sack")));
  it("marks no-op keys deprecated", () => {
    assert.equal(completeAt("net.ipv4.tcp_|").find((i) => i.label === "tcp_low_latency")?.deprecated, true);
  });
  it("offers nothing in comments or after white space inside a key", () => {
    assert.deepEqual(labels("# net.|"), []);
    assert.deepEqual(labels("net. ipv4.|"), []);
  });
});

describe("value completion", () => {
  it("offers enum values with their meanings, marking the default", () => {
    const items = completeAt("net.ipv4.tcp_tw_reuse = |");
    assert.deepEqual(items.map((i) => i.label), ["0", "1", "2"]);
    assert.equal(items[2]?.detail, "loopback only (default)");
  });
  it("offers 0 and 1 for booleans", () => assert.deepEqual(labels("net.ipv4.tcp_sack = |"), ["0", "1"]));
  it("offers the default for other types and replaces what is typed", () => {
    const items = completeAt("net.ipv4.tcp_rmem = 40|");
    assert.deepEqual(items.map((i) => i.label), ["4096 131072 6291456"]);
    assert.deepEqual(items[0]?.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 22 } });
  });
  it("offers nothing for unknown or read-only keys", () => {
    assert.deepEqual(labels("net.ipv4.nope = |"), []);
    assert.deepEqual(labels("net.ipv4.tcp_available_congestion_control = |"), []);
  });
});
