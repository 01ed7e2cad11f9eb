/**
 * Every count is exact: the text path (line parser → counts), the byte path (scanner + line parser) and an
 * independent count (reference-analysis.ts: Maps, every key kept) give the same Analysis, whatever the input,
 * the chunking, and however often the host log is compacted; on generated listings with far more distinct
 * remote hosts than any table of the old design kept.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeText, createByteAnalyzer, type AnalyzeOptions } from "../../../core/analysis/analyze";
import type { Analysis } from "../../../core/analysis/types";
import { seeded } from "../../support/seeded";
import { withLogLimit } from "../../support/scanner";
import { fixture, fixtureFiles } from "../netstat/fixtures";
import { netstatListing, utf8 } from "../netstat/netstat-lines";
import { referenceAnalysis, type ReferenceOptions } from "./reference-analysis";
import { HEADER, listing, row } from "./listing";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The independent count of these bytes (decoded as the CLI does: UTF-8, a BOM dropped). */
function expected(bytes: Uint8Array, options: ReferenceOptions = {}): string {
  return JSON.stringify(referenceAnalysis(new TextDecoder().decode(bytes), options));
}

function viaCuts(bytes: Uint8Array, cuts: number[], options: AnalyzeOptions = {}): Analysis {
  const a = createByteAnalyzer({ ...options, decode: (b) => decoder.decode(b) });
  let at = 0;
  for (const c of [...cuts].sort((x, y) => x - y)) {
    a.push(bytes.slice(at, c));
    at = c;
  }
  a.push(bytes.slice(at));
  return a.end();
}

function viaBytes(bytes: Uint8Array, options: AnalyzeOptions = {}, chunk = 65536): Analysis {
  const cuts: number[] = [];
  for (let i = chunk; i < bytes.length; i += chunk) cuts.push(i);
  return viaCuts(bytes, cuts, options);
}

const FILES = fixtureFiles();
const ALL = FILES.map((f) => fixture(f)).join("");

/**
 * A proxy's listing: clients from `hosts` distinct addresses (v4 and v6) to its services, upstream connections
 * from ephemeral ports to a few app servers, the odd line another tool's; seeded.
 */
function proxyListing(lines: number, hosts: number, seed: number): string {
  const rand = seeded(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const states = ["ESTABLISHED", "TIME_WAIT", "CLOSE_WAIT", "FIN_WAIT2", "SYN_RECV", "LAST_ACK", "SYN_SENT"];
  const out = [HEADER, row("0.0.0.0:443", "0.0.0.0:*", "LISTEN"), row("0.0.0.0:33000", "0.0.0.0:*", "LISTEN")];
  for (let i = 0; i < lines; i++) {
    const state = states[int(states.length)] as string;
    const h = int(hosts);
    const r = rand();
    if (r < 0.3) out.push(row(`10.0.0.${1 + int(2)}:${32768 + int(28000)}`, `10.0.1.${int(30)}:${8080 + int(2)}`, state));
    else if (r < 0.35) out.push(row(`10.0.0.5:33000`, `10.9.${h >> 8}.${h & 255}:${1024 + int(60000)}`, state));
    else if (r < 0.45) out.push(row("2001:db8::5:443", `2001:db8:1::${h.toString(16)}:${1024 + int(60000)}`, state, "tcp6"));
    else if (r < 0.46) out.push(`tcp        0      0 10.0.0.5:443            10.8.0.${h & 255}:${1024 + int(60000)}         ${state}        ${1000 + (h % 7)}/nginx: worker`);
    else out.push(row("10.0.0.5:443", `198.${51 + (h >> 16)}.${(h >> 8) & 255}.${h & 255}:${1024 + int(60000)}`, state));
  }
  return out.join("\n") + "\n";
}

describe("exact counts: text path == byte path == an independent count", () => {
  it("every fixture, in chunks of any size", () => {
    for (const file of FILES) {
      const text = fixture(file);
      const bytes = utf8(text);
      const want = expected(bytes);
      assert.equal(JSON.stringify(analyzeText(text)), want, file);
      for (const chunk of [1, 2, 3, 7, 61, 4096, bytes.length + 1]) assert.equal(JSON.stringify(viaBytes(bytes, {}, chunk)), want, `${file} in chunks of ${chunk}`);
    }
  });

  it("every fixture under a forced format and another port range", () => {
    for (const file of [...FILES, "all"]) {
      const bytes = utf8(file === "all" ? ALL : fixture(file));
      for (const format of ["linux-netstat", "busybox-netstat", "ss"] as const) {
        const options = { format, portRange: { low: 1024, high: 65535 }, reservedPorts: [{ low: 8080, high: 8090 }, { low: 40000, high: 40100 }], rangeSource: "--port-range" };
        assert.equal(JSON.stringify(viaBytes(bytes, options, 333)), expected(bytes, options), `${file} as ${format}`);
      }
    }
  });

  it("generated listings, cut anywhere, the host log compacted often", () => {
    fc.assert(
      fc.property(netstatListing, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(1, 2, 7, 1 << 21), (text, raw, limit) => {
        const bytes = utf8(text);
        const cuts = raw.map((n) => n % (bytes.length + 1));
        withLogLimit(limit, () => {
          assert.equal(JSON.stringify(viaCuts(bytes, cuts)), expected(bytes));
          assert.equal(JSON.stringify(analyzeText(text)), JSON.stringify(referenceAnalysis(text)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("listings with far more distinct hosts than rows: the top hosts, local ports and destinations", () => {
    // 120,000 distinct client hosts (beyond the old 100,000-key cap), compacted every 10,007 sockets.
    const text = proxyListing(400_000, 120_000, 11);
    const bytes = utf8(text);
    const want = referenceAnalysis(text);
    withLogLimit(10_007, () => {
      for (const got of [viaBytes(bytes, {}, 1 << 20), analyzeText(text)]) {
        assert.deepEqual(got.breakdowns, want.breakdowns);
        assert.deepEqual(got.portPressure, want.portPressure);
        assert.deepEqual(got, want);
      }
    });
    assert.equal(want.breakdowns.remoteHosts.length, 20);
  });

  it("listings whose piles raise every finding: the rows the findings name, counted over every row", () => {
    // Piles above the thresholds, from many hosts and ports, some rows with processes and queued listeners.
    const troubled = (seed: number): string => {
      const rand = seeded(seed);
      const int = (n: number) => Math.floor(rand() * n);
      const states = ["SYN_RECV", "CLOSE_WAIT", "FIN_WAIT1", "LAST_ACK", "FIN_WAIT2", "SYN_SENT", "TIME_WAIT", "ESTABLISHED"];
      const out = [HEADER, "tcp        9      0 0.0.0.0:8080            0.0.0.0:*               LISTEN     ", row("127.0.0.1:9000", "0.0.0.0:*", "LISTEN")];
      for (let i = 0; i < 6000; i++) {
        const state = states[int(states.length)] as string;
        const r = rand();
        if (r < 0.3) out.push(row(`10.0.0.5:${32768 + int(28000)}`, `10.0.1.${int(12)}:${8080 + int(3)}`, state));
        else if (r < 0.35) out.push(row(`127.0.0.1:${33000 + int(20000)}`, `127.0.0.1:${int(2) ? 9000 : 8080}`, "SYN_SENT"));
        else if (r < 0.4) out.push(row(`10.0.0.5:${20000 + int(300)}`, `10.0.2.${int(4)}:443`, state));
        else if (r < 0.45) out.push(`tcp        0      0 10.0.0.5:443            10.8.0.${int(40)}:${1024 + int(60000)}         ${state}        ${1000 + int(5)}/java`);
        else out.push(row(`10.0.0.5:${int(2) ? 443 : 8080}`, `198.51.${int(3)}.${int(200)}:${1024 + int(60000)}`, state));
      }
      return out.join("\n") + "\n";
    };
    for (const seed of [1, 2, 3]) {
      const text = troubled(seed);
      const bytes = utf8(text);
      const want = expected(bytes);
      const ids = new Set((JSON.parse(want) as Analysis).findings.map((f) => f.id));
      for (const id of ["accept-queue-full", "syn-recv-pile", "close-wait-leak", "unacknowledged-fin", "fin-wait2-pile", "syn-sent-pile", "port-range-mismatch"]) assert.ok(ids.has(id), `${id} (seed ${seed})`);
      withLogLimit(997, () => {
        assert.equal(JSON.stringify(viaBytes(bytes, {}, 4096)), want);
        assert.equal(JSON.stringify(analyzeText(text)), want);
      });
    }
  });

  it("the clients a CLOSE_WAIT finding names: every inbound row of 60,000 hosts, their outgoing sockets apart", () => {
    const rand = seeded(7);
    const int = (n: number) => Math.floor(rand() * n);
    /** Inbound CLOSE_WAIT sockets per client host, counted here as the rows are made. */
    const expectedClients = new Map<string, number>();
    const rows: string[] = [];
    const inbound = (host: string, state: string) => {
      const v6 = host.includes(":");
      rows.push(row(v6 ? "2001:db8::5:443" : "10.0.0.5:443", `${host}:${1024 + int(60000)}`, state, v6 ? "tcp6" : "tcp"));
      if (state === "CLOSE_WAIT") expectedClients.set(host, (expectedClients.get(host) ?? 0) + 1);
    };
    for (let h = 0; h < 60_000; h++) {
      const host = h % 4 === 0 ? `2001:db8:1::${h.toString(16)}` : `10.9.${h >> 8}.${h & 255}`;
      for (let k = 1 + int(3); k > 0; k--) inbound(host, ["CLOSE_WAIT", "ESTABLISHED", "TIME_WAIT"][int(3)] as string);
    }
    for (const [host, n] of [["10.9.250.1", 700], ["2001:db8:2::beef", 650], ["10.9.250.2", 600], ["10.9.250.3", 500]] as const) for (let k = 0; k < n; k++) inbound(host, "CLOSE_WAIT");
    // This host's own connections to one of its clients: more CLOSE_WAIT sockets than any client has.
    for (let k = 0; k < 2000; k++) rows.push(row(`10.0.0.5:${32768 + k}`, "10.9.250.3:6379", "CLOSE_WAIT"));
    for (let i = rows.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [rows[i], rows[j]] = [rows[j] as string, rows[i] as string];
    }
    const text = [HEADER, ...rows].join("\n") + "\n";
    const leading = [...expectedClients].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const value = `${leading.map(([h, n]) => `${h} (${n})`).join(", ")}, and ${(expectedClients.size - 3).toLocaleString("en-US")} other hosts`;
    assert.equal(value.slice(0, value.indexOf(", and")), "10.9.250.1 (700), 2001:db8:2::beef (650), 10.9.250.2 (600)");
    const bytes = utf8(text);
    const want = referenceAnalysis(text);
    withLogLimit(10_007, () => {
      for (const got of [viaBytes(bytes, {}, 1 << 20), analyzeText(text)]) {
        const f = got.findings.find((x) => x.id === "close-wait-leak");
        assert.equal(f?.evidence.find((e) => e.label === "Clients that closed")?.value, value);
        assert.deepEqual(got, want);
      }
    });
  });

  it("a netstat -p block (the scanner refuses its rows) gives way to plain rows and back", () => {
    const withPids = fixture("linux-netstat/netstat-antp.txt");
    const plain = listing(40, (i) => row(`10.0.0.5:${42000 + i}`, `10.0.1.${i % 4}:8080`, i % 3 ? "TIME_WAIT" : "ESTABLISHED"));
    const bytes = utf8(withPids + plain + withPids + plain);
    const want = expected(bytes);
    for (const chunk of [7, 4096, bytes.length + 1]) assert.equal(JSON.stringify(viaBytes(bytes, {}, chunk)), want, `chunks of ${chunk}`);
  });

  it("a short line is never read together with the row after it", () => {
    // The scanner jumps to fixed columns; a line that ends before them must not borrow the next line's.
    const next = row("10.0.0.5:40001", "10.0.1.10:8080", "ESTABLISHED");
    const shorts = ["tcp ", "tcp6 ", "tcp        0      0 ", "tcp        0      0 10.0.0.5:1 ", "tcp        0      0 10.0.0.5:1              10.0.1.10:8080 ", "tcp        0", "tcp   0"];
    for (const short of shorts) {
      for (let pad = 0; pad < 30; pad++) {
        const text = `${HEADER}\n${next}\n${short}${" ".repeat(pad)}\n${" ".repeat(pad % 7)}${next}\n${next}\n`;
        const bytes = utf8(text);
        assert.equal(JSON.stringify(viaBytes(bytes)), expected(bytes), JSON.stringify(text));
      }
    }
  });

  it("an address written the same on both sides of a socket (::1 to ::1) is one key", () => {
    const rows = (n: number) => listing(n, (i) => row(`::1:${40000 + i}`, `::1:${5432 + (i % 2)}`, i % 3 === 0 ? "ESTABLISHED" : "TIME_WAIT", "tcp6"));
    const ss = ["State  Recv-Q Send-Q Local Address:Port Peer Address:Port", ...Array.from({ length: 30 }, (_, i) => `TIME-WAIT 0 0 [::1]:${41000 + i} [::1]:5432`)].join("\n") + "\n";
    for (const text of [rows(50), ss, rows(20) + ss + rows(20), ss + rows(30)]) {
      const bytes = utf8(text);
      assert.equal(JSON.stringify(viaBytes(bytes, {}, 100)), expected(bytes));
      assert.equal(JSON.stringify(analyzeText(text)), expected(bytes));
    }
  });

  it("bytes that are not UTF-8, NUL bytes, lines longer than a chunk", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), (bytes, cut) => {
        const c = bytes.length === 0 ? 0 : cut % bytes.length;
        assert.equal(JSON.stringify(viaCuts(bytes, [c])), expected(bytes));
      }),
      { numRuns: 300 },
    );
    // Byte-order marks and line ends at the very start, arriving a byte at a time.
    const plain = row("10.0.0.5:1", "10.0.0.6:2", "ESTABLISHED");
    for (const head of [[], [0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]) {
      for (const rest of ["", "\n", "\n\n", plain, `${plain}\n`]) {
        const bytes = new Uint8Array([...head, ...utf8(rest)]);
        for (const chunk of [1, 2, 3, 64]) assert.equal(JSON.stringify(viaBytes(bytes, {}, chunk)), expected(bytes), `${JSON.stringify([head, rest])} in chunks of ${chunk}`);
      }
    }
    const long = `${row("10.0.0.5:40001", "10.0.1.10:8080", "ESTABLISHED")}\n${"x".repeat(3 << 20)}\n${row("10.0.0.5:40002", "10.0.1.10:8080", "TIME_WAIT")}\n`;
    for (const chunk of [65536, 1 << 20, 5 << 20]) assert.equal(JSON.stringify(viaBytes(utf8(long), {}, chunk)), expected(utf8(long)), `chunks of ${chunk}`);
  });
});
