import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
const shippedCatalogue = catalogue;
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("removed-key", () => {
  const cases: [string, string, Spot[]][] = [
    ["net.ipv4.tcp_tw_recycle = 1", "6.18", [[0, 0, 23, "error"]]],
    ["net.ipv4.tcp_tw_recycle = 1", "4.12", [[0, 0, 23, "error"]]],
    // near misses: an older target kernel still has the key
    ["net.ipv4.tcp_tw_recycle = 1", "4.11", []],
    ["net.ipv4.tcp_tw_recycle = 1", "3.10", []],
  ];
  for (const [text, kernel, expected] of cases) {
    it(`${text} on ${kernel}`, () => assert.deepEqual(spots(findingsOf("removed-key", text, { kernel })), expected));
  }

  it("removes the line when there is no replacement", () => {
    const text = "net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_sack = 1";
    const [f] = findingsOf("removed-key", text);
    const preferred = f?.fixes?.filter((x) => x.isPreferred) ?? [];
    assert.equal(preferred.length, 1);
    assert.equal(applyFix(text, preferred[0]!), "net.ipv4.tcp_sack = 1");
  });

  it("offers the alternative with its caveat, not as the preferred fix", () => {
    const [f] = findingsOf("removed-key", "net.ipv4.tcp_tw_recycle = 1", { catalogue: catalogue() });
    assert.match(f?.message ?? "", /outgoing connections/);
    const alt = f?.fixes?.find((x) => !x.isPreferred);
    assert.equal(applyFix("net.ipv4.tcp_tw_recycle = 1", alt!), "net.ipv4.tcp_tw_reuse = 1");
  });
});

describe("renamed-key", () => {
  const cases: [string, string, Spot[]][] = [
    ["net.ipv4.netfilter.ip_conntrack_max = 65536", "5.10", [[0, 0, 35, "error"]]],
    ["net.ipv4.netfilter.ip_conntrack_max = 65536", "4.3", []],
    ["net.netfilter.nf_conntrack_max = 65536", "6.18", []],
  ];
  for (const [text, kernel, expected] of cases) {
    it(`${text} on ${kernel}`, () => assert.deepEqual(spots(findingsOf("renamed-key", text, { kernel })), expected));
  }

  it("renames to the replacement, keeping the value", () => {
    const text = "net.ipv4.netfilter.ip_conntrack_max = 65536";
    const [f] = findingsOf("renamed-key", text);
    assert.match(f?.message ?? "", /net\.netfilter\.nf_conntrack_max/);
    const preferred = f?.fixes?.filter((x) => x.isPreferred) ?? [];
    assert.equal(preferred.length, 1);
    assert.equal(applyFix(text, preferred[0]!), "net.netfilter.nf_conntrack_max = 65536");
  });

  it("is not also reported as removed", () => {
    assert.deepEqual(findingsOf("removed-key", "net.ipv4.netfilter.ip_conntrack_max = 65536"), []);
  });

  it("reads as a sentence for every renamed key of the catalogue, and never renames to a key that only reports", () => {
    const real = shippedCatalogue();
    const renamed = real.entries.filter((e) => e.status === "removed" && e.replacement);
    assert.ok(renamed.length > 20);
    for (const e of renamed) {
      const text = `${e.key} = 1`;
      const [f] = findingsOf("renamed-key", text, { catalogue: real });
      const message = f?.message ?? "";
      assert.ok(message.startsWith(`${e.key} is the old name of ${e.replacement}, gone since Linux ${e.removedIn}, so writing it fails.`), message);
      assert.ok(!message.includes(e.summary) && !message.toLowerCase().includes(e.summary.toLowerCase().slice(0, 30)), `summary spliced in: ${message}`);
      const preferred = f?.fixes?.find((x) => x.isPreferred);
      const after = applyFix(text, preferred!);
      if (real.resolve(e.replacement!)?.entry.readOnly) assert.equal(after, "", `${e.key}: removes the line`);
      else assert.equal(after, `${e.replacement} = 1`);
    }
  });
});

describe("no-op-key", () => {
  const cases: [string, string, Spot[]][] = [
    ["net.ipv4.tcp_low_latency = 1", "6.18", [[0, 0, 24, "warning"]]],
    ["net.ipv4.tcp_low_latency = 1", "4.13", []],
    ["net.ipv4.tcp_sack = 1", "6.18", []],
  ];
  for (const [text, kernel, expected] of cases) {
    it(`${text} on ${kernel}`, () => assert.deepEqual(spots(findingsOf("no-op-key", text, { kernel })), expected));
  }

  it("fades the key and offers to remove the line", () => {
    const [f] = findingsOf("no-op-key", "net.ipv4.tcp_low_latency = 1");
    assert.deepEqual(f?.tags, ["unnecessary"]);
    assert.equal(f?.fixes?.[0]?.isPreferred, true);
  });
});

describe("key-too-new", () => {
  const cases: [string, string, Spot[]][] = [
    ["net.ipv4.tcp_migrate_req = 1", "5.10", [[0, 0, 24, "warning"]]],
    ["net.ipv4.tcp_migrate_req = 1", "5.14", []],
    ["net.ipv4.tcp_migrate_req = 1", "6.18", []],
    ["net.ipv4.tcp_sack = 1", "2.6", []],
  ];
  for (const [text, kernel, expected] of cases) {
    it(`${text} on ${kernel}`, () => assert.deepEqual(spots(findingsOf("key-too-new", text, { kernel })), expected));
  }
});

describe("severity overrides", () => {
  it("turns a rule off", () => {
    assert.equal(findingsOf("removed-key", "net.ipv4.tcp_tw_recycle = 1", { severities: { "removed-key": "off" } }).length, 0);
  });
  it("changes a rule's severity", () => {
    const [f] = findingsOf("duplicate-key", "a.b = 1\na.b = 2", { severities: { "duplicate-key": "error" } });
    assert.equal(f?.severity, "error");
  });
});
