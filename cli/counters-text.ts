/** The kernel's figures in the terminal report (analyze-text.ts): how they were sampled, the counters that matter, usage against limits. */
import { gaugeText, notableCounters, samplingText, softnetText } from "../core/counters/summary";
import type { KernelSections } from "../core/counters/types";
import { endpoint } from "../core/text/endpoint";
import { thousands } from "../core/text/numbers";

/** Counters shown: the ones that are not 0, and at least this many. */
const SHOWN = 8;

export function kernelText(k: KernelSections): string[] {
  if (k.kernelFormats.length === 0) return [];
  const out = ["", `Kernel counters (${k.kernelFormats.join(", ")})${k.sampling ? `: ${samplingText(k.sampling)}` : ""}`];
  if (k.softnet) out.push(`  ${softnetText(k.softnet)}`);
  const rows = notableCounters(k);
  const shown = rows.filter((r, i) => r.value > 0 || i < SHOWN);
  for (const r of shown) {
    const change = r.change !== null ? `${r.change > 0 ? `+${thousands(r.change)}` : "0"}`.padStart(10) : "";
    out.push(`  ${r.name.padEnd(30)}${thousands(r.value).padStart(14)}${change}  ${r.meaning}`);
  }
  for (const g of k.gauges) out.push(`  ${g.label.padEnd(30)}${gaugeText(g)} (${g.setting})`);
  const top = k.conntrack?.listing?.destinations[0];
  if (top) out.push(`  ${"busiest conntrack destination".padEnd(30)}${top.protocol} ${top.port !== null ? endpoint(top.address, top.port) : top.address}: ${thousands(top.entries)} entries`);
  return out;
}
