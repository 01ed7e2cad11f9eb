/**
 * Golden files: each listing in test/fixtures/netstat/<format>/ has its expected result next to it.
 * The linux-netstat, ss and proc-net-tcp listings are real captures from a loopback load (see
 * differential.test.ts); the other platforms' are written to their tools' exact column formats.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSocketParser, parseSockets } from "../../../core/netstat/parse";
import { TCP_STATES, type SocketRecord } from "../../../core/netstat/types";
import { countStates, fixture, fixtureFiles } from "./fixtures";

interface Expected {
  formats: string[];
  states: Record<string, number>;
  records: number;
  unparsed: number;
  sample: SocketRecord[];
}

describe("golden fixtures", () => {
  const files = fixtureFiles();

  it("cover every format", () => {
    const dirs = new Set(files.map((f) => f.split("/")[0]));
    for (const d of ["linux-netstat", "ss", "proc-net-tcp", "busybox-netstat", "bsd-netstat", "windows-netstat", "mixed"]) assert.ok(dirs.has(d), d);
  });

  for (const file of files) {
    it(file, () => {
      const expected = JSON.parse(fixture(file.replace(/\.txt$/, ".expected.json"))) as Expected;
      const { records, summary } = parseSockets(fixture(file));
      assert.deepEqual(summary.formats, expected.formats);
      assert.deepEqual(countStates(records), expected.states);
      assert.equal(summary.records, expected.records);
      assert.equal(summary.unparsed, expected.unparsed);
      assert.deepEqual(records.slice(0, 3), expected.sample);
      assert.equal(summary.lines, summary.records + summary.skipped + summary.unparsed);
      // The expected states are in display order, which the analyser relies on too.
      assert.deepEqual(Object.keys(expected.states), TCP_STATES.filter((s) => s in expected.states));
    });
  }

  it("stream the same in 64 KiB chunks as in one piece", () => {
    for (const file of files) {
      const text = fixture(file);
      const streamed: SocketRecord[] = [];
      const parser = createSocketParser({ onRecord: (r) => streamed.push(r) });
      for (let i = 0; i < text.length; i += 65536) parser.push(text.slice(i, i + 65536));
      const summary = parser.end();
      const whole = parseSockets(text);
      assert.deepEqual(streamed, whole.records, file);
      assert.deepEqual(summary, whole.summary, file);
    }
  });
});
