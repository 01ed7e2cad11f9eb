/**
 * Properties over generated pastes of counter output, mangled: nothing crashes, every line is counted once,
 * and neither how the text is cut into chunks nor the path (text or bytes) changes the result.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeText, createAnalyzer, createByteAnalyzer } from "../../../core/analysis/analyze";
import type { Analysis } from "../../../core/analysis/types";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { capture, FIXTURES, hasCapture, scenarios } from "./support";

/** Lines of every capture, headers and prompts included. */
const LINES = scenarios().flatMap((s) =>
  ["nstat", "nstat-json-pretty", "netstat-s", "proc-net-snmp", "sockstat", "ss-s", "sysctl", "conntrack-stat", "conntrack-S", "conntrack-L", "listing", "two-snapshots"]
    .filter((f) => hasCapture(s, f))
    .flatMap((f) => capture(s, f).split("\n").slice(0, 60)),
).concat(readFileSync(join(FIXTURES, "softnet-stat.txt"), "utf8").split("\n"));
const EXTRA = ["$ sleep 3", "$ nstat -n; sleep 2; nstat", "$ cat /proc/sys/net/netfilter/nf_conntrack_{count,max}", "262144", "{", '    "kernel": {', "}", "entries  drop", "cpu=0 drop=x", "Total: ", "TCP: inuse", "#kernel", "TcpExt:", "TcpExt: 1 2"];

/** A line, maybe damaged: cut short, a digit or letter changed, junk added. */
const line = fc.tuple(fc.constantFrom(...LINES, ...EXTRA), fc.nat(), fc.constantFrom("none", "cut", "digit", "junk", "crlf")).map(([l, n, how]) => {
  const at = l.length === 0 ? 0 : n % l.length;
  switch (how) {
    case "cut":
      return l.slice(0, at);
    case "digit":
      return l.slice(0, at) + String(n % 10) + l.slice(at + 1);
    case "junk":
      return l.slice(0, at) + " ÿ=:{ " + l.slice(at);
    case "crlf":
      return `${l}\r`;
    default:
      return l;
  }
});

const paste = fc.array(line, { maxLength: 80 }).map((ls) => ls.join("\n"));

function inChunks(text: string, cuts: number[]): Analysis {
  const a = createAnalyzer();
  let at = 0;
  for (const c of [...cuts].sort((x, y) => x - y)) {
    a.push(text.slice(at, c));
    at = c;
  }
  a.push(text.slice(at));
  return a.end();
}

function viaBytes(text: string, chunk: number): Analysis {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const a = createByteAnalyzer({ decode: (b) => decoder.decode(b) });
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunk) a.push(bytes.slice(i, i + chunk));
  return a.end();
}

describe("counter pastes, generated and mangled", () => {
  it("never crash and count every line once", () => {
    fc.assert(
      fc.property(paste, (text) => {
        const a = analyzeText(text);
        const lines = text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
        assert.equal(a.lines, lines);
        assert.ok(a.unparsed <= a.lines && a.unparsedExamples.length <= Math.min(5, a.unparsed));
        for (const v of [...Object.values(a.counters), ...Object.values(a.softnet?.totals ?? {}), ...Object.values(a.softnet?.changes ?? {})]) assert.ok(Number.isFinite(v) && v >= 0);
        JSON.stringify(a);
      }),
      { numRuns: 300 },
    );
  });

  it("give the same analysis whatever the chunks, as text or as bytes", () => {
    fc.assert(
      fc.property(paste, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 97 }), (text, cuts, chunk) => {
        const want = JSON.stringify(analyzeText(text));
        assert.equal(JSON.stringify(inChunks(text, cuts.map((c) => c % (text.length + 1)))), want);
        assert.equal(JSON.stringify(viaBytes(text, chunk)), want);
      }),
      { numRuns: 150 },
    );
  });
});
