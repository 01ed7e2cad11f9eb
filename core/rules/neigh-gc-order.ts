import { assignmentsHere, finalInt } from "./context-values";
import type { Assignment } from "../sysctl/parse";
import type { Finding, Rule } from "./types";

/** The neighbour tables with garbage-collection thresholds: ARP (IPv4) and neighbour discovery (IPv6). */
const TABLES = ["net.ipv4.neigh.default.", "net.ipv6.neigh.default."];

/**
 * The kernel reads gc_thresh1 < gc_thresh2 < gc_thresh3 (net/core/neighbour.c): the periodic collector skips
 * a table holding fewer than gc_thresh1 entries; a new entry past gc_thresh2 (at most every 5 seconds) or at
 * gc_thresh3 first runs a forced collection that frees entries down to gc_thresh2; at gc_thresh3 an entry that
 * cannot be made room for is refused ("neighbor table overflow!").
 */
function problems(t1: number, t2: number, t3: number): { keys: [string, string]; message: string }[] {
  const order = "Keep gc_thresh1 < gc_thresh2 < gc_thresh3 (the defaults are 128, 512 and 1024).";
  const found: { keys: [string, string]; message: string }[] = [];
  if (t2 >= t3) {
    found.push({
      keys: ["gc_thresh2", "gc_thresh3"],
      message: `gc_thresh2 (${t2}) is not below gc_thresh3 (${t3}): when the table reaches ${t3} entries, forced garbage collection aims for gc_thresh2, which the table is already under, so it stops after the first unused entry it looks at; when that one was used in the last 5 seconds the new neighbour is refused ("neighbor table overflow!") although stale entries remain. ${order}`,
    });
  }
  if (t1 >= t2) {
    found.push({
      keys: ["gc_thresh1", "gc_thresh2"],
      message: `gc_thresh1 (${t1}) is not below gc_thresh2 (${t2}): the periodic collector leaves the table alone below ${t1} entries, so stale and failed entries under that are only removed by forced collection when new entries arrive past ${t2}. ${order}`,
    });
  }
  // Implied when both pairs above are out of order; its own story when only one is.
  if (t1 >= t3 && found.length < 2) {
    found.push({
      keys: ["gc_thresh1", "gc_thresh3"],
      message: `gc_thresh1 (${t1}) is not below gc_thresh3 (${t3}): new entries past gc_thresh3 are refused or force a collection first, so the table hardly ever holds the ${t1} entries below which the periodic collector skips it; stale entries then go only when new ones force a collection. ${order}`,
    });
  }
  return found;
}

export const neighGcOrder: Rule = {
  code: "neigh-gc-order",
  defaultSeverity: "warning",
  description: "Neighbour table thresholds gc_thresh1, gc_thresh2, gc_thresh3 that are not in increasing order, so garbage collection does not work as they suggest.",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const table of TABLES) {
      const mine = new Map<string, Assignment | undefined>(["gc_thresh1", "gc_thresh2", "gc_thresh3"].map((k) => [k, assignmentsHere(ctx, table + k).at(-1)]));
      if ([...mine.values()].every((a) => a === undefined)) continue;
      const [t1, t2, t3] = ["gc_thresh1", "gc_thresh2", "gc_thresh3"].map((k) => finalInt(ctx, table + k));
      if (t1 === undefined || t2 === undefined || t3 === undefined) continue;
      // Every pair out of order, each reported on this document's line of the pair; nothing when other files set both.
      for (const found of problems(t1, t2, t3)) {
        const [first, ...rest] = found.keys.flatMap((k) => mine.get(k) ?? []);
        if (!first) continue;
        out.push({
          code: this.code,
          severity: this.defaultSeverity,
          range: first.value.range,
          message: found.message,
          related: rest.map((a) => ({ range: a.range, message: `${a.key.name.slice(table.length)} is set here` })),
        });
      }
    }
    return out;
  },
};
