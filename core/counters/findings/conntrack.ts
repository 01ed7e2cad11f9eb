/** conntrack-full: the connection-tracking table is (or was) full (count against max, drop, early_drop, insert_failed). */
import type { FindingSeverity } from "../../analysis/types";
import { endpoint } from "../../text/endpoint";
import { percentText, thousands } from "../../text/numbers";
import { describe, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import type { Conntrack } from "../types";
import { coverage, READ_TWICE, readingMeasure, sum, vetted, worst, type CounterCheck } from "./common";

/** A statistic as the findings weigh counters: summed over CPUs, and its change when read twice. */
function stat(ct: Conntrack, name: string): Measure | undefined {
  return readingMeasure({ totals: ct.stats, changes: ct.statChanges, readings: ct.statReadings, seconds: ct.statSeconds }, name);
}

export const conntrackFull: CounterCheck = (c) => {
  const ct = c.conntrack;
  if (ct === null) return undefined;
  const fill = ct.count !== null && ct.max !== null && ct.max > 0 ? ct.count / ct.max : undefined;
  const drop = stat(ct, "drop");
  const early = stat(ct, "early_drop");
  const failed = stat(ct, "insert_failed");
  const chain = stat(ct, "chaintoolong");
  const lost = sum([drop, early]);
  const full = fill !== undefined && fill >= T.conntrackWarning;
  const dropped = lost !== undefined && lost.value > 0;
  const failures = failed !== undefined && failed.value > 0;
  if (!full && !dropped && !failures) return undefined;
  const levels: FindingSeverity[] = [];
  if (full) levels.push(fill >= T.conntrackError ? "error" : "warning");
  // Flows dropped: a warning as a total, an error while it happens.
  if (dropped) levels.push(lost.recent === null ? "warning" : lost.recent.value > 0 ? "error" : "information");
  if (failures) levels.push(chain !== undefined && chain.value > 0 ? "warning" : "information");
  const shown = (label: string, m: Measure | undefined) => (m !== undefined && m.value > 0 ? [{ label, value: describe(m) }] : []);
  const listing = ct.listing;
  const topState = listing?.tcpStates[0];
  const topDestination = listing?.destinations[0];
  return {
    id: "conntrack-full",
    severity: worst(...levels),
    title: full
      ? `The connection-tracking table is ${percentText(ct.count as number, ct.max as number)} full${fill >= 1 ? ": new flows are dropped" : ""}`
      : dropped
        ? // early_drop only happens at a full table; drop also counts packets a tracker refused and lost races.
          early !== undefined && early.value > 0
          ? "The connection-tracking table was full: entries were evicted or new flows dropped"
          : "Connection tracking dropped packets: a full table, or packets it could not track"
        : "Connection-tracking entries could not be inserted",
    explanation:
      "Connection tracking keeps an entry per flow for NAT and stateful firewall rules (every Docker or Kubernetes node has it). At net.netfilter.nf_conntrack_max the kernel evicts an entry that has not seen traffic both ways yet (early_drop); when there is none near, it drops the new flow's packet (drop, \"nf_conntrack: table full, dropping packet\" in the kernel log) and clients see connections time out. insert_failed counts entries that could not be added: flows racing for the same tuple, or hash chains grown too long (chaintoolong), a sign that the hash table (nf_conntrack_buckets) is small for the number of entries. Entries last as long as their state's timeout: an established TCP flow 5 days (nf_conntrack_tcp_timeout_established), TIME_WAIT 2 minutes." +
      (dropped ? coverage(lost, READ_TWICE.conntrack) : ""),
    evidence: [
      ...(ct.count !== null ? [{ label: "Entries now (nf_conntrack_count)", value: ct.max !== null ? `${thousands(ct.count)} of ${thousands(ct.max)}` : thousands(ct.count) }] : []),
      ...shown("drop", drop),
      ...shown("early_drop", early),
      ...shown("insert_failed", failed),
      ...shown("chaintoolong", chain),
      ...(ct.buckets !== null ? [{ label: "net.netfilter.nf_conntrack_buckets", value: thousands(ct.buckets) }] : []),
      ...(topState !== undefined && listing !== null ? [{ label: "Most TCP entries are", value: `${topState.state} (${percentText(topState.entries, listing.entries)} of the listing)` }] : []),
      ...(topDestination !== undefined && listing !== null
        ? [{ label: "Busiest destination", value: `${topDestination.protocol} ${topDestination.port !== null ? endpoint(topDestination.address, topDestination.port) : topDestination.address} (${thousands(topDestination.entries)} entries)` }]
        : []),
    ],
    actions: vetted("conntrack-table", c),
  };
};
