/**
 * Golden results: each scenario's captures pasted together as an SRE would (the listing, the counters, the
 * socket totals, the limits, conntrack's figures) and what the analysis makes of them, against the scenario's
 * expected.json.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Analysis } from "../../../core/analysis/types";
import { analyse, FIXTURES, ids, paste, scenarios } from "./support";

/** What is pinned: enough to show each part was read and weighed, no message text. */
export function summary(a: Analysis) {
  return {
    lines: a.lines,
    unparsed: a.unparsed,
    sockets: a.total,
    counters: Object.keys(a.counters).length,
    formats: a.kernelFormats,
    sampling: a.sampling && { snapshots: a.sampling.snapshots, basis: a.sampling.basis, seconds: a.sampling.seconds },
    tcp: a.sockstat?.tcp ?? null,
    conntrack: a.conntrack && { count: a.conntrack.count, max: a.conntrack.max, drop: a.conntrack.stats?.drop ?? null, early_drop: a.conntrack.stats?.early_drop ?? null, listed: a.conntrack.listing?.entries ?? null },
    gauges: a.gauges.map((g) => `${g.id} ${g.used}/${g.limit}`),
    findings: ids(a),
  };
}

describe("golden counter scenarios", () => {
  for (const scenario of scenarios()) {
    it(scenario, () => {
      const expected: unknown = JSON.parse(readFileSync(join(FIXTURES, scenario, "expected.json"), "utf8"));
      const a = analyse(paste(scenario));
      assert.deepEqual(summary(a), expected);
      assert.equal(a.unparsed, 0);
    });
  }
});
