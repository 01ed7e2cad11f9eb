import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
const shippedCatalogue = catalogue;
import { checkValue } from "../../../core/catalogue/values";
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

  const real = { catalogue: shippedCatalogue() };
  it("names the user's own key, says what differs, and converts only where exact", () => {
    const cases: [string, RegExp, string | undefined][] = [
      ["net.ipv4.neigh.eth0.unres_qlen = 101", /^net\.ipv4\.neigh\.eth0\.unres_qlen still works, but it is deprecated: net\.ipv4\.neigh\.eth0\.unres_qlen_bytes replaces it and counts bytes, not packets, so the value does not carry over as it is\.$/, undefined],
      ["net.ipv6.neigh.eth1.base_reachable_time = 30", /base_reachable_time_ms replaces it and counts milliseconds, not seconds: 30 here is 30000 there\.$/, "net.ipv6.neigh.eth1.base_reachable_time_ms = 30000"],
      ["net.ipv6.neigh.default.retrans_time = 250", /counts milliseconds, not jiffies \(kernel ticks, whose length depends on CONFIG_HZ\)/, undefined],
      ["net.mptcp.pm_type = 1", /net\.mptcp\.path_manager replaces it and takes kernel or userspace where this one takes 0 or 1: 1 here is userspace there\.$/, "net.mptcp.path_manager = userspace"],
    ];
    for (const [text, message, fixed] of cases) {
      const [f] = findingsOf("no-op-key", text, real);
      assert.match(f?.message ?? "", message);
      assert.equal(f?.severity, "information");
      assert.deepEqual(f?.fixes?.map((x) => applyFix(text, x)), fixed ? [fixed] : []);
    }
  });

  it("reads as a sentence for every deprecated key of the catalogue, and never removes a line that still works", () => {
    const deprecated = real.catalogue.entries.filter((e) => e.status === "deprecated");
    assert.ok(deprecated.length >= 5);
    for (const e of deprecated) {
      const key = e.key.replace("<iface>", "eth0");
      const text = `${key} = ${e.default ?? "1"}`;
      const [f] = findingsOf("no-op-key", text, real);
      const message = f?.message ?? "";
      assert.ok(message.startsWith(`${key} still works, but it is deprecated`), message);
      assert.ok(message.endsWith(".") && !/[<>]/.test(message), `not a sentence: ${message}`);
      assert.ok(!message.toLowerCase().includes(e.summary.toLowerCase().slice(0, 30)), `summary spliced in: ${message}`);
      if (e.replacement) assert.ok(message.includes(e.replacement.replace("<iface>", "eth0")), message);
      for (const fix of f?.fixes ?? []) {
        const after = applyFix(text, fix);
        assert.notEqual(after.trim(), "", `${key}: a fix drops a setting that still works`);
        const [written, value] = after.split(" = ") as [string, string];
        assert.equal(written, e.replacement?.replace("<iface>", "eth0"));
        assert.equal(checkValue(real.catalogue.resolve(written)!.entry, value), undefined, after);
      }
    }
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
