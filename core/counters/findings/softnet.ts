/** softnet-drops: a per-CPU input backlog overflowed, or the receive softirq keeps running out of budget (/proc/net/softnet_stat). */
import { thousands } from "../../text/numbers";
import { describe, perSecond, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, now, READ_TWICE, readingMeasure, settingEvidence, severityOf, vetted, type CounterCheck } from "./common";

/** Whether the window shows the softirq cut short often enough to matter (time_squeeze). */
function squeezing(m: Measure | undefined): boolean {
  const r = m?.recent;
  if (r == null || r.value === 0) return false;
  return r.seconds !== null ? r.value / r.seconds >= T.softnetSqueezeRate : r.value >= T.softnetSqueezes;
}

export const softnetDrops: CounterCheck = (c) => {
  const sn = c.softnet;
  if (sn === null) return undefined;
  const dropped = readingMeasure(sn, "dropped");
  const squeeze = readingMeasure(sn, "time_squeeze");
  const flow = readingMeasure(sn, "flow_limit_count");
  const drops = dropped !== undefined && dropped.value > 0;
  const squeezes = squeezing(squeeze);
  if (!drops && !squeezes) return undefined;
  const shown = (label: string, m: Measure | undefined) => (m !== undefined ? [{ label, value: describe(m) }] : []);
  const queued = sn.totals.backlog_len;
  const squeezeTitle = () => {
    const r = squeeze?.recent as { value: number; seconds: number | null };
    return `The receive softirq ran out of budget ${thousands(r.value)} times ${r.seconds !== null ? `in ${thousands(r.seconds)} s (${perSecond(r.value, r.seconds)})` : "between the readings"}`;
  };
  return {
    id: "softnet-drops",
    // Squeezes alone are the kernel coping with load: information.
    severity: drops ? severityOf(dropped, T.softnetDropTotal, T.softnetDropRate) : "information",
    title: drops ? `${now(dropped) ? "Per-CPU input backlogs are overflowing" : "A per-CPU input backlog overflowed"}: ${thousands(now(dropped) ? (dropped.recent?.value ?? 0) : dropped.value)} packets dropped` : squeezeTitle(),
    explanation:
      "Each CPU has an input backlog, a queue of received packets waiting for the network stack: packets steered to that CPU by RPS or RFS, and packets that veth pairs, tunnels, loopback and drivers without NAPI pass on with netif_rx(). When it holds net.core.netdev_max_backlog packets (1000 by default), the next ones are dropped before any socket or firewall rule sees them and counted in the second column of /proc/net/softnet_stat (dropped; flow_limit_count, those the per-flow limit dropped, are among them): TCP senders send them again, UDP data is lost. Packets a NAPI driver hands straight to the stack do not pass through it; their drops show in the NIC's counters (ip -s link, ethtool -S). The receive softirq drains the queues in rounds of at most net.core.netdev_budget packets (300 by default) and net.core.netdev_budget_usecs; time_squeeze counts the rounds that ended with packets left. The file is the host's, the same in every network namespace, and each CPU's counts are 32 bits that wrap around." +
      coverage(drops ? dropped : (squeeze as Measure), READ_TWICE.softnet),
    evidence: [
      ...shown("Packets dropped at a full backlog (dropped)", dropped),
      ...(flow !== undefined && flow.value > 0 ? shown("Of them by the per-flow limit (flow_limit_count)", flow) : []),
      ...shown("Rounds cut short (time_squeeze)", squeeze),
      { label: "CPUs", value: thousands(sn.cpus) },
      ...(queued !== undefined && queued > 0 ? [{ label: "Packets in the backlogs now (backlog_len)", value: thousands(queued) }] : []),
      ...settingEvidence(c, ["net.core.netdev_max_backlog", "net.core.netdev_budget", "net.core.netdev_budget_usecs"]),
    ],
    actions: [...(drops ? vetted("softnet-backlog", c) : []), ...(squeezes ? vetted("softnet-budget", c) : [])],
  };
};
