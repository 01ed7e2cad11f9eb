/**
 * Inputs shaped to make the cost grow faster than the input: every key distinct and 20 KB long. They must
 * complete with every key cut to its bounded form, counted exactly otherwise, and say so (not timed: the
 * benchmark times the gigabyte versions).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeText, createByteAnalyzer } from "../../../core/analysis/analyze";
import { CUT_MARK, MAX_KEY } from "../../../core/analysis/keys";
import { reportMarkdown } from "../../../core/analysis/report-markdown";
import { hostileListing } from "../../support/hostile";
import "../../support/scanner";
import { utf8 } from "../netstat/netstat-lines";
import { referenceAnalysis } from "./reference-analysis";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

describe("hostile inputs", () => {
  for (const shape of ["processes", "hosts"] as const) {
    it(`2,000 ${shape} of 20 KB each`, () => {
      const text = hostileListing(shape, 2000, 20_000);
      const bytes = utf8(text);
      const a = createByteAnalyzer({ decode: (b) => decoder.decode(b) });
      for (let i = 0; i < bytes.length; i += 1 << 20) a.push(bytes.subarray(i, i + (1 << 20)));
      const viaBytes = a.end();
      assert.deepEqual(viaBytes, analyzeText(text));
      assert.deepEqual(viaBytes, referenceAnalysis(text));
      assert.equal(viaBytes.total, 2000);
      assert.equal(viaBytes.breakdowns.truncated, 2000);
      const keys = shape === "processes" ? viaBytes.breakdowns.processes.map((r) => r.process) : viaBytes.breakdowns.remoteHosts.map((r) => r.host);
      assert.equal(keys.length, 20);
      for (const k of keys) {
        assert.ok(k.length <= MAX_KEY + 10, `${k.length} characters`);
        assert.ok(k.endsWith(CUT_MARK));
      }
      assert.match(reportMarkdown(viaBytes), /2,000 sockets had an address or process name over 200 characters/);
    });
  }
});
