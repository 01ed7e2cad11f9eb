/** Every shipped catalogue entry is checked for internal consistency: types, defaults, ranges, texts, links. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IFACE } from "../../core/catalogue/catalogue";
import { NUMBER, validInstance } from "../../core/catalogue/instances";
import { shippedCatalogue as catalogue } from "../../core/catalogue/shipped";
import { docUrl } from "../../core/catalogue/doc-url";
import type { KeyEntry } from "../../core/catalogue/types";
import { checkValue } from "../../core/catalogue/values";
import { compareKernel } from "../../core/catalogue/version";

const TYPES = ["boolean", "integer", "enum", "bitmask", "vector", "string", "port-range", "port-list"];
const UNITS = ["seconds", "milliseconds", "microseconds", "nanoseconds", "centiseconds", "jiffies", "bytes", "kilobytes", "pages", "packets", "segments", "sockets", "entries", "percent", "permille", "basis-points", "megabytes-per-second", "count"];
const SCOPES = ["netns", "global", "userns", "ipcns", "utsns", "pidns"];
const STATUSES = ["active", "deprecated", "no-op", "removed"];
const FIELDS = ["key", "type", "length", "default", "defaultNote", "instanceDefaults", "min", "max", "maxNote", "constraints", "maxLength", "names", "values", "unit", "scope", "readOnly", "requires", "combine", "coversIpv6", "counterpart", "status", "since", "removedIn", "replacement", "replacementValues", "alternative", "related", "summary", "description", "sources"];
const SOURCE_FIELDS = ["doc", "source", "default", "bounds", "history"];
const entries = catalogue().entries;

function each(name: string, check: (e: KeyEntry) => void): void {
  it(name, () => {
    const failures: string[] = [];
    for (const e of entries) {
      try {
        check(e);
      } catch (err) {
        failures.push(`${e.key}: ${(err as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

describe("catalogue consistency", () => {
  it("has every key once", () => {
    const keys = entries.map((e) => e.key);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
  });

  each("uses only known fields and words", (e) => {
    for (const f of Object.keys(e)) assert.ok(FIELDS.includes(f), `unknown field ${f}`);
    assert.ok(TYPES.includes(e.type), `type ${e.type}`);
    assert.ok(STATUSES.includes(e.status), `status ${e.status}`);
    assert.ok(SCOPES.includes(e.scope), `scope ${e.scope}`);
    for (const f of Object.keys(e.sources)) assert.ok(SOURCE_FIELDS.includes(f), `unknown sources field ${f}`);
    if (e.unit !== undefined) assert.ok(UNITS.includes(e.unit), `unit ${e.unit}`);
  });

  each("has well-formed key names", (e) => {
    assert.match(e.key, /^(net|fs|kernel|vm|user|abi|debug|dev|sunrpc|crypto|xen)\.[A-Za-z0-9_.<>/-]+$/);
    assert.ok(catalogue().covers(e.key), "outside the families the catalogue covers");
    if (e.key.includes(IFACE)) assert.match(e.key, /^net\.(ipv4\.(conf|neigh)|ipv6\.(conf|neigh)|mpls\.conf)\.<iface>\.[a-z0-9_]+$/);
    if (e.key.includes(NUMBER)) assert.match(e.key, /^net\.netfilter\.nf_log\.<n>$/);
  });

  each("has a summary and a description in our words", (e) => {
    assert.ok(e.summary.trim().length >= 10, "summary too short");
    assert.ok(e.summary.length <= 100, "summary too long");
    assert.ok(!e.summary.endsWith("."), "summary ends with a period");
    assert.ok(e.description.trim().length >= 80, "description too short");
    assert.ok(!/\n{3,}/.test(e.description), "stray blank lines");
  });

  /**
   * Keys whose value at boot is one the kernel refuses to be written back: one-way switches (0 shown, only 1
   * accepted), limits that can only go down from -1 (unlimited), "unset" markers.
   */
  const SHOWN_NOT_WRITABLE = new Set([
    "kernel.kexec_load_disabled",
    "kernel.kexec_load_limit_panic",
    "kernel.kexec_load_limit_reboot",
    "kernel.max_rcu_stall_to_panic",
    "kernel.modules_disabled",
    "kernel.msg_next_id",
    "vm.dirty_background_bytes",
    "vm.dirty_bytes",
  ]);

  each("has a default that the kernel would accept", (e) => {
    if (e.default === null) {
      assert.ok(e.defaultNote && e.defaultNote.length > 0, "null default without a defaultNote");
      return;
    }
    if (e.readOnly || e.status === "removed") return;
    const problem = checkValue(e, e.default);
    if (SHOWN_NOT_WRITABLE.has(e.key)) {
      assert.ok(problem?.rejected, "listed as refusing its own default, but the catalogue accepts it");
      return;
    }
    assert.equal(problem, undefined, `default ${JSON.stringify(e.default)}: ${problem?.message}`);
    for (const [instance, value] of Object.entries(e.instanceDefaults ?? {})) {
      assert.ok(validInstance(e.key, instance), `instanceDefaults for ${instance}, which the template does not take`);
      assert.equal(checkValue(e, value), undefined, `instance default ${instance} = ${value}`);
      assert.notEqual(value, e.default, `instance default ${instance} repeats the default`);
    }
  });

  each("says what a key needs when not every kernel has it", (e) => {
    if (!e.requires) return;
    const r = e.requires;
    assert.ok(r.module || r.config || r.note, "empty requires");
    if (r.config) assert.match(r.config, /^CONFIG_[A-Z0-9_]+( or CONFIG_[A-Z0-9_]+)*$/);
    if (r.module) assert.match(r.module, /^[a-z0-9_]+$/);
    if (e.maxLength !== undefined) assert.equal(e.type, "string", "maxLength on a non-string");
  });

  each("has consistent bounds and values", (e) => {
    if (e.min !== undefined && e.max !== undefined) assert.ok(e.min <= e.max, "min > max");
    if (e.type === "vector") assert.ok(e.length && e.length >= 2, "vector without length");
    else assert.equal(e.length, undefined, "length on a non-vector");
    if (e.type === "enum") assert.ok(e.values && e.values.length >= 2, "enum without values");
    if (e.type === "bitmask") assert.ok(e.values && e.values.length >= 1, "bitmask without bits");
    for (const v of e.values ?? []) assert.ok(v.meaning.trim().length > 0, `value ${v.value} without meaning`);
    const values = (e.values ?? []).map((v) => v.value);
    assert.equal(new Set(values).size, values.length, "duplicate values");
  });

  each("has a history that makes sense", (e) => {
    const version = /^\d+\.\d+$/;
    if (e.since) assert.match(e.since, version);
    if (e.removedIn) assert.match(e.removedIn, version);
    if (e.status === "removed") assert.ok(e.removedIn, "removed without removedIn");
    if (e.since && e.removedIn) assert.ok(compareKernel(e.since, e.removedIn) < 0, "removed before it appeared");
    if (e.replacement) assert.ok(catalogue().resolve(e.replacement), `replacement ${e.replacement} is not in the catalogue`);
    if (e.status === "no-op") assert.equal(e.replacement, undefined, "a key the kernel ignores names no replacement");
    if (e.replacementValues) assert.ok(e.status === "deprecated" && e.replacement, "replacementValues without a replacement that still differs");
    for (const v of Object.keys(e.replacementValues ?? {})) assert.equal(checkValue(e, v), undefined, `replacementValues maps ${v}, which the key rejects`);
  });

  each("has combine rules only where all and an interface combine", (e) => {
    if (e.combine !== undefined) {
      assert.match(e.key, /^net\.ipv[46]\.conf\.<iface>\./);
      assert.ok(["max", "or", "and", "interface", "propagate"].includes(e.combine), `combine ${e.combine}`);
    }
    if (e.alternative) {
      assert.ok(catalogue().resolve(e.alternative.key), `alternative ${e.alternative.key} is not in the catalogue`);
      assert.equal(checkValue(catalogue().resolve(e.alternative.key)!.entry, e.alternative.value), undefined);
      assert.ok(e.alternative.caveat.length > 20);
    }
  });

  /**
   * The TCP and UDP code in net/ipv4 (tcp*.c, udp.c) serves IPv6 sockets too, so every current net.ipv4.tcp_* and
   * udp_* key covers IPv6; the other shared keys were read off net/ipv6 and the headers both families use.
   */
  each("marks the keys IPv4 and IPv6 share, and only net.ipv4 ones", (e) => {
    if (e.coversIpv6) assert.match(e.key, /^net\.ipv4\./);
    if (e.status !== "removed" && /^net\.ipv4\.(tcp|udp)_/.test(e.key)) assert.equal(e.coversIpv6, true, "a TCP or UDP key that does not cover IPv6");
    if (e.coversIpv6) assert.equal(e.counterpart, undefined, "a shared key has no counterpart");
  });

  each("names counterparts of the other IP family that point back and, where equivalent, take the same values", (e) => {
    const cp = e.counterpart;
    if (!cp) return;
    const other = catalogue().resolve(cp.key)?.entry;
    assert.ok(other, `counterpart ${cp.key} is not in the catalogue`);
    assert.deepEqual([e.key.split(".")[1], other.key.split(".")[1]].sort(), ["ipv4", "ipv6"], "a counterpart is the other IP family's key");
    if (other.counterpart) assert.equal(catalogue().resolve(other.counterpart.key)?.entry, e, `${other.key} names another counterpart`);
    if (cp.differs !== undefined) {
      assert.ok(cp.differs.length > 30 && !cp.differs.endsWith("."), "differs reads as a clause");
      return;
    }
    assert.equal(other.type, e.type, "equivalent counterparts take the same kind of value");
    assert.equal(other.unit, e.unit, "equivalent counterparts count in the same unit");
  });

  each("sets handler limits on keys that exist, both ways round", (e) => {
    for (const c of e.constraints ?? []) {
      if (!("key" in c)) continue;
      const other = catalogue().resolve(c.key)?.entry;
      assert.ok(other, `limit against ${c.key}, which is not in the catalogue`);
      if (c.kind === "refused-while") continue;
      // Both handlers check the pair: the other key's writes are held to this one's value the other way round.
      const back = other.constraints?.find((o) => "key" in o && o.key === e.key);
      assert.equal(back?.kind, c.kind === "at-most" ? "at-least" : "at-most", `${c.key} lacks the limit back`);
    }
    if (e.maxNote !== undefined) assert.equal(e.max, undefined, "maxNote stands for a max the kernel takes from the system");
  });

  each("lists the names a text key takes, the default among them", (e) => {
    if (!e.names) return;
    assert.equal(e.type, "string", "names on a key that takes no text");
    assert.ok(e.names.known.length > 0 && e.names.known.every((n) => /^[a-z0-9_]+$/.test(n)), "names are kernel ids");
    if (e.default !== null) for (const w of e.default.split(" ")) assert.ok(e.names.known.includes(w), `default ${w} is not among the names`);
  });

  each("links related keys that exist", (e) => {
    for (const r of e.related ?? []) {
      assert.ok(catalogue().resolve(r.replace(IFACE, "eth0").replace(NUMBER, "2")) || catalogue().resolve(r), `related ${r} is unknown`);
      assert.notEqual(r, e.key, "related to itself");
    }
  });

  each("says where its facts came from, with well-formed doc links", (e) => {
    const s = e.sources;
    assert.ok(s.doc || s.source, "no source at all");
    if (s.doc) {
      assert.match(s.doc, /^[a-z0-9_/-]+\.rst#[^#]+$/, `doc ${s.doc}`);
      assert.match(docUrl(e) ?? "", /^https:\/\/www\.kernel\.org\/doc\/html\/v6\.18\/[a-z0-9_/-]+\.html#[a-z0-9-]+$/);
    }
    if (e.status !== "removed") assert.ok(s.source, "no kernel source reference");
  });
});
