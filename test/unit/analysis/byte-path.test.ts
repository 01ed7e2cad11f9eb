/**
 * The byte-level path (createByteAnalyzer: fast netstat rows, the string parser for everything else) and the
 * two-thread reading (a first part, then a second part read apart and joined: createSecondPart + endWith)
 * must give exactly the Analysis the original string path gave (reference-analysis.ts), whatever the
 * input, the chunking, the split point and the caps on distinct keys.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeText, createByteAnalyzer, type ByteAnalyzeOptions } from "../../../core/analysis/analyze";
import { createSecondPart } from "../../../core/analysis/second-part";
import type { Analysis } from "../../../core/analysis/types";
import { fixture, fixtureFiles } from "../netstat/fixtures";
import { netstatListing, utf8 } from "../netstat/netstat-lines";
import { referenceAnalysis, type ReferenceOptions } from "./reference-analysis";
import { HEADER, listing, row } from "./listing";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const decode = (b: Uint8Array) => decoder.decode(b);

type Options = Omit<ByteAnalyzeOptions, "decode">;

/** What the original path makes of these bytes (decoded as the CLI did: UTF-8, a BOM dropped). */
function expected(bytes: Uint8Array, options: ReferenceOptions = {}): string {
  return JSON.stringify(referenceAnalysis(new TextDecoder().decode(bytes), options));
}

function push(a: { push(b: Uint8Array): void }, bytes: Uint8Array, from: number, to: number, chunk: number): void {
  for (let i = from; i < to; i += chunk) a.push(bytes.slice(i, Math.min(to, i + chunk)));
}

function viaBytes(bytes: Uint8Array, options: Options = {}, chunk = 65536): Analysis {
  const a = createByteAnalyzer({ ...options, decode });
  push(a, bytes, 0, bytes.length, chunk);
  return a.end();
}

function viaCuts(bytes: Uint8Array, cuts: number[], options: Options = {}): Analysis {
  const a = createByteAnalyzer({ ...options, decode });
  let at = 0;
  for (const c of [...cuts].sort((x, y) => x - y)) {
    a.push(bytes.slice(at, c));
    at = c;
  }
  a.push(bytes.slice(at));
  return a.end();
}

/** Reads `bytes` in two parts split at `at` (a line start), as analyze-file.ts does with two threads. */
function viaTwoParts(bytes: Uint8Array, at: number, options: Options = {}, chunk = 4096): { analysis: Analysis; joined: boolean } {
  const first = createByteAnalyzer({ ...options, decode });
  push(first, bytes, 0, at, chunk);
  const reader = createSecondPart({ ...options, decode });
  push(reader, bytes, at, bytes.length, chunk);
  const second = structuredClone(reader.end());
  let pos = at;
  if (second.syncOffset >= 0) {
    push(first, bytes, at, at + second.syncOffset, chunk);
    pos = at + second.syncOffset;
    const joined = first.endWith(second);
    if (joined) return { analysis: joined, joined: true };
  }
  push(first, bytes, pos, bytes.length, chunk);
  return { analysis: first.end(), joined: false };
}

/** Offsets just after each "\n" (line starts), and 0. */
function lineStarts(bytes: Uint8Array): number[] {
  const out = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && i + 1 < bytes.length) out.push(i + 1);
  return out;
}

const FILES = fixtureFiles();
const ALL = FILES.map((f) => fixture(f)).join("");

describe("byte path == string path == the original analysis", () => {
  it("every fixture, in chunks of any size", () => {
    for (const file of FILES) {
      const text = fixture(file);
      const bytes = utf8(text);
      const want = expected(bytes);
      assert.equal(JSON.stringify(analyzeText(text)), want, file);
      for (const chunk of [1, 2, 3, 7, 61, 4096, bytes.length + 1]) assert.equal(JSON.stringify(viaBytes(bytes, {}, chunk)), want, `${file} in chunks of ${chunk}`);
    }
  });

  it("every fixture with tiny caps on distinct keys", () => {
    for (const file of [...FILES, "all"]) {
      const bytes = utf8(file === "all" ? ALL : fixture(file));
      for (const maxKeys of [1, 2, 5, 50]) assert.equal(JSON.stringify(viaBytes(bytes, { maxKeys }, 509)), expected(bytes, { maxKeys }), `${file} maxKeys ${maxKeys}`);
    }
  });

  it("every fixture under a forced format and another port range", () => {
    for (const file of FILES) {
      const bytes = utf8(fixture(file));
      for (const format of ["linux-netstat", "busybox-netstat", "ss"] as const) {
        const options = { format, portRange: { low: 1024, high: 65535 }, rangeSource: "--port-range" };
        assert.equal(JSON.stringify(viaBytes(bytes, options, 333)), expected(bytes, options), `${file} as ${format}`);
      }
    }
  });

  it("generated listings, cut anywhere, any cap", () => {
    fc.assert(
      fc.property(netstatListing, fc.array(fc.nat(), { maxLength: 8 }), fc.option(fc.constantFrom(1, 2, 3, 10), { nil: undefined }), (text, raw, maxKeys) => {
        const bytes = utf8(text);
        const cuts = raw.map((n) => n % (bytes.length + 1));
        const options = maxKeys === undefined ? {} : { maxKeys };
        assert.equal(JSON.stringify(viaCuts(bytes, cuts, options)), expected(bytes, options));
      }),
      { numRuns: 400 },
    );
  });

  it("a netstat -p block read in batches (the fast path refuses its rows) gives way to plain rows and back", () => {
    const withPids = fixture("linux-netstat/netstat-antp.txt");
    const plain = listing(40, (i) => row(`10.0.0.5:${42000 + i}`, `10.0.1.${i % 4}:8080`, i % 3 ? "TIME_WAIT" : "ESTABLISHED"));
    const bytes = utf8(withPids + plain + withPids + plain);
    const want = expected(bytes);
    for (const chunk of [7, 4096, bytes.length + 1]) assert.equal(JSON.stringify(viaBytes(bytes, {}, chunk)), want, `chunks of ${chunk}`);
  });

  it("a short line is never read together with the row after it", () => {
    // The fast path jumps to fixed columns; a line that ends before them must not borrow the next line's.
    const next = row("10.0.0.5:40001", "10.0.1.10:8080", "ESTABLISHED");
    const shorts = [
      "tcp ",
      "tcp6 ",
      "tcp        0      0 ",
      "tcp        0      0 10.0.0.5:1 ",
      "tcp        0      0 10.0.0.5:1               ",
      "tcp        0      0 10.0.0.5:1              10.0.1.10:8080 ",
      "tcp        0      0 10.0.0.5:1              10.0.1.10:8080          ",
      "tcp        0",
      "tcp   0",
    ];
    for (const short of shorts) {
      for (let pad = 0; pad < 30; pad++) {
        const text = `${HEADER}\n${next}\n${short}${" ".repeat(pad)}\n${" ".repeat(pad % 7)}${next}\n${next}\n`;
        const bytes = utf8(text);
        assert.equal(JSON.stringify(viaBytes(bytes)), expected(bytes), JSON.stringify(text));
      }
    }
    // Next lines whose bytes fall on the columns the short line's reading would look at.
    for (const text of [
      "tcp \n      0      0 10.0.0.5:40001          10.0.1.10:8080          ESTABLISHED\n",
      "tcp        0      0 10.0.0.5:1 \n               10.0.1.10:8080          ESTABLISHED\n",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:80 \n         ESTABLISHED\n",
      "tcp        0      0 10.0.0.5:40001          10.0.1.10:80 \n    TIME_WAIT\n",
    ]) {
      const bytes = utf8(`${HEADER}\n${next}\n${text}`);
      assert.equal(JSON.stringify(viaBytes(bytes)), expected(bytes), JSON.stringify(text));
    }
  });

  it("an address written the same on both sides of a socket (::1 to ::1) is one key", () => {
    // Outgoing loopback connections: the local and remote addresses are the same text, read by the fast
    // path (tcp6 rows), by the string parser (ss rows), and both ways in one listing.
    const rows = (n: number) => listing(n, (i) => row(`::1:${40000 + i}`, `::1:${5432 + (i % 2)}`, i % 3 === 0 ? "ESTABLISHED" : "TIME_WAIT", "tcp6"));
    const ss = ["State  Recv-Q Send-Q Local Address:Port Peer Address:Port", ...Array.from({ length: 30 }, (_, i) => `TIME-WAIT 0 0 [::1]:${41000 + i} [::1]:5432`)].join("\n") + "\n";
    for (const text of [rows(50), ss, rows(20) + ss + rows(20), ss + rows(30)]) {
      const bytes = utf8(text);
      assert.equal(JSON.stringify(viaBytes(bytes, {}, 100)), expected(bytes));
      assert.equal(JSON.stringify(analyzeText(text)), expected(bytes));
      for (const at of lineStarts(bytes)) assert.equal(JSON.stringify(viaTwoParts(bytes, at, {}, 100).analysis), expected(bytes));
    }
  });

  it("bytes that are not UTF-8, and NUL bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), (bytes, cut) => {
        const c = bytes.length === 0 ? 0 : cut % bytes.length;
        assert.equal(JSON.stringify(viaCuts(bytes, [c])), expected(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe("two parts joined == one reading == the original analysis", () => {
  it("every fixture, and all of them in one paste, split at every line", () => {
    let joined = 0;
    let splits = 0;
    for (const file of [...FILES, "all"]) {
      const bytes = utf8(file === "all" ? ALL : fixture(file));
      const want = expected(bytes);
      const starts = lineStarts(bytes);
      // Every line of each fixture; every 7th of the concatenation (3,400 lines).
      for (let i = 0; i < starts.length; i += file === "all" ? 7 : 1) {
        const r = viaTwoParts(bytes, starts[i] as number);
        assert.equal(JSON.stringify(r.analysis), want, `${file} split at byte ${starts[i]}`);
        splits++;
        if (r.joined) joined++;
      }
    }
    // Most splits join (the others are read on by the first part, still exactly).
    assert.ok(joined > splits / 2, `${joined} of ${splits} joined`);
  });

  it("generated listings split anywhere, with any cap", () => {
    fc.assert(
      fc.property(netstatListing, fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.constantFrom(1, 2, 3, 10), { nil: undefined }), (text, where, maxKeys) => {
        const bytes = utf8(text);
        const starts = lineStarts(bytes);
        const at = starts[Math.floor(where * starts.length)] ?? 0;
        const options = maxKeys === undefined ? {} : { maxKeys };
        assert.equal(JSON.stringify(viaTwoParts(bytes, at, options, 97).analysis), expected(bytes, options));
      }),
      { numRuns: 400 },
    );
  });

  it("a proxy's listing whose tables fill up in both parts joins exactly", () => {
    // Clients from many addresses and ports (endpoints beyond the cap on both sides), upstream
    // connections from ephemeral ports (port pressure), IPv6 clients (interned addresses).
    const text = listing(30_000, (i) => {
      if (i % 5 === 0) return row(`10.0.0.5:${32768 + (i % 20000)}`, `10.0.1.${10 + (i % 7)}:8080`, ["TIME_WAIT", "ESTABLISHED"][i % 2] as string);
      if (i % 7 === 0) return row("2001:db8::5:443", `2001:db8:1::${(i * 7919) % 4099}:${1024 + (i % 50000)}`, "ESTABLISHED", "tcp6");
      return row("10.0.0.5:443", `198.51.${(i * 31) % 256}.${(i * 17) % 256}:${1024 + ((i * 7919) % 60000)}`, ["ESTABLISHED", "SYN_RECV", "CLOSE_WAIT"][i % 3] as string);
    });
    const bytes = utf8(text);
    const starts = lineStarts(bytes);
    for (const maxKeys of [300, 5000, undefined]) {
      const options = maxKeys === undefined ? {} : { maxKeys };
      const want = expected(bytes, options);
      for (const f of [0.1, 0.5, 0.9]) {
        const r = viaTwoParts(bytes, starts[Math.floor(f * starts.length)] as number, options, 65536);
        assert.equal(JSON.stringify(r.analysis), want, `maxKeys ${maxKeys} split at ${f}`);
        assert.ok(r.joined, `maxKeys ${maxKeys} split at ${f} joined`);
      }
    }
  });

  it("a second part that syncs on another tool's row and then meets a netstat block", () => {
    // The second part's first lines are read by the string parser in batches; the fast path must start
    // exactly at the netstat block, whichever line of a batch it is on.
    const ss = ["State  Recv-Q Send-Q Local Address:Port Peer Address:Port", ...Array.from({ length: 6 }, (_, i) => `ESTAB 0 0 10.0.0.5:${443 + i} 198.51.100.${i}:50000`)];
    const netstat = listing(12, (i) => row(`10.0.0.5:${41000 + i}`, `10.0.1.${i % 3}:8080`, i % 2 ? "TIME_WAIT" : "ESTABLISHED")).trimEnd().split("\n");
    const text = [...ss, ...netstat, ...ss, ...netstat].join("\n") + "\n";
    const bytes = utf8(text);
    for (const at of lineStarts(bytes)) assert.equal(JSON.stringify(viaTwoParts(bytes, at, {}, 1 << 16).analysis), expected(bytes), `split at ${at}`);
  });

  it("declines to join when the parser is in another state at the sync point, and reads on", () => {
    // `ss ... state time-wait` gives the State-less rows below it their state: a second part that starts
    // among those rows cannot know it.
    const text = ["$ ss -tan state time-wait", "Recv-Q Send-Q Local Address:Port  Peer Address:Port", ...Array.from({ length: 40 }, (_, i) => `0      0          127.0.0.1:${45000 + i}    127.0.0.1:47311`)].join("\n") + "\n";
    const bytes = utf8(text);
    const r = viaTwoParts(bytes, lineStarts(bytes)[20] as number);
    assert.equal(r.joined, false);
    assert.equal(JSON.stringify(r.analysis), expected(bytes));
  });

  it("declines to join when the destination caps would be reached, and reads on", () => {
    // Four destinations fill the table in the first part; the second part brings a fifth local address.
    const text = listing(40, (i) => row(`10.0.0.${i < 25 ? i % 4 : 9}:${40000 + i}`, "10.0.1.1:8080", "TIME_WAIT"));
    const bytes = utf8(text);
    const r = viaTwoParts(bytes, lineStarts(bytes)[30] as number, { maxKeys: 4 });
    assert.equal(r.joined, false);
    assert.equal(JSON.stringify(r.analysis), expected(bytes, { maxKeys: 4 }));
  });
});
