/**
 * Properties over generated input: nothing crashes the parser, every line is accounted for, every
 * record is well formed, and how the text is cut into chunks never changes the result.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { createSocketParser, parseSockets } from "../../../core/netstat/parse";
import { FORMAT_NAMES, TCP_STATES, type FormatName, type ParseSummary, type SocketRecord } from "../../../core/netstat/types";
import { fixture, fixtureFiles } from "./fixtures";

function pushPieces(text: string, cuts: number[], format?: FormatName): { records: SocketRecord[]; summary: ParseSummary } {
  const records: SocketRecord[] = [];
  const parser = createSocketParser({ format, onRecord: (r) => records.push(r) });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(at, cut));
    at = cut;
  }
  parser.push(text.slice(at));
  return { records, summary: parser.end() };
}

function checkWellFormed(text: string, format?: FormatName): void {
  const { records, summary } = parseSockets(text, { format });
  assert.equal(summary.lines, summary.records + summary.skipped + summary.unparsed);
  assert.equal(summary.records, records.length);
  assert.ok(summary.unparsedExamples.length <= 5 && summary.unparsedExamples.length <= summary.unparsed);
  for (const e of summary.unparsedExamples) {
    assert.ok(e.text.length <= 200 && e.line >= 1 && e.line <= summary.lines);
  }
  assert.equal(new Set(summary.formats).size, summary.formats.length);
  for (const r of records) {
    assert.ok(r.family === "ipv4" || r.family === "ipv6");
    assert.ok(TCP_STATES.includes(r.state));
    assert.ok(FORMAT_NAMES.includes(r.format));
    assert.ok(summary.formats.includes(r.format));
    assert.ok(Number.isInteger(r.localPort) && r.localPort >= 0 && r.localPort <= 65535);
    assert.ok(r.remotePort === null || (Number.isInteger(r.remotePort) && r.remotePort >= 0 && r.remotePort <= 65535));
    assert.equal(typeof r.localAddress, "string");
    assert.equal(typeof r.remoteAddress, "string");
    if (r.pid !== undefined) assert.ok(Number.isInteger(r.pid) && r.pid >= 0);
  }
}

/** Lines that look like listings often enough to reach deep code paths, and like garbage otherwise. */
const LINES = fixtureFiles().flatMap((f) => fixture(f).split(/\r?\n/).slice(0, 12));
const listingish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LINES),
      fc.constantFrom(...LINES).chain((l) => fc.nat(l.length).map((n) => l.slice(0, n) + l.slice(n + 1))),
      fc.string({ unit: fc.constantFrom(..."tcp6TCPUDP ESTAB:[]%.*0123456789abcdefABCDEF:_-()\t\r/\"=,".split("")), maxLength: 90 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("$ ss -tan state time-wait", "Recv-Q Send-Q Local Address:Port  Peer Address:Port", "Active UNIX domain sockets", "  Proto  Local Address", " [nginx.exe]", "\t cubic", ""),
    ),
    { maxLength: 40 },
  )
  .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol)));

describe("properties", () => {
  it("random text never throws and keeps every line accounted for", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => checkWellFormed(text)), { numRuns: 300 });
  });

  it("binary-ish input (bytes read as Latin-1) never throws", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => checkWellFormed(String.fromCharCode(...bytes))),
      { numRuns: 300 },
    );
  });

  it("listing-like input never throws, under every forced format too", () => {
    fc.assert(
      fc.property(listingish, fc.option(fc.constantFrom(...FORMAT_NAMES), { nil: undefined }), (text, format) => checkWellFormed(text, format)),
      { numRuns: 400 },
    );
  });

  it("random chunking of a real capture gives the unchunked result", () => {
    const files = fixtureFiles();
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (file, fractions) => {
        const text = fixture(file);
        const cuts = fractions.map((f) => Math.floor(f * text.length));
        assert.deepEqual(pushPieces(text, cuts), parseSockets(text));
      }),
      { numRuns: 150 },
    );
  });

  it("random chunking of listing-like input gives the unchunked result", () => {
    fc.assert(
      fc.property(listingish, fc.array(fc.nat(), { maxLength: 10 }), (text, raw) => {
        const cuts = raw.map((n) => (text.length === 0 ? 0 : n % (text.length + 1)));
        assert.deepEqual(pushPieces(text, cuts), parseSockets(text));
      }),
      { numRuns: 300 },
    );
  });
});
