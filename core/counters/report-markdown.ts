/** The kernel's figures in the Markdown report (core/analysis/report-markdown.ts): counters, usage against limits, conntrack. */
import { endpoint } from "../text/endpoint";
import { thousands } from "../text/numbers";
import { gaugeText, notableCounters, samplingText, softnetText } from "./summary";
import type { KernelSections } from "./types";

/** The section's lines; none when the input had no figures of the kernel's. `cell` escapes pasted text for a table. */
export function kernelMarkdown(k: KernelSections, cell: (s: string) => string): string[] {
  if (k.kernelFormats.length === 0) return [];
  const out = ["## Kernel counters", "", `Read from ${k.kernelFormats.map((f) => `\`${f}\``).join(", ")}.${k.sampling ? ` ${samplingText(k.sampling)}.` : ""}${k.softnet ? ` ${softnetText(k.softnet)}.` : ""}`, ""];
  const rows = notableCounters(k);
  if (rows.length > 0) {
    const moving = rows.some((r) => r.change !== null);
    out.push(moving ? "| Counter | Value | Change | Meaning |" : "| Counter | Value | Meaning |", moving ? "|---|---:|---:|---|" : "|---|---:|---|");
    for (const r of rows) out.push(`| ${r.name} | ${thousands(r.value)} |${moving ? ` ${r.change ? `+${thousands(r.change)}` : "0"} |` : ""} ${r.meaning} |`);
    out.push("");
  }
  if (k.gauges.length > 0) {
    out.push("| Usage | Now | Limit |", "|---|---|---|");
    for (const g of k.gauges) out.push(`| ${g.label} | ${gaugeText(g)} | \`${g.setting}\` |`);
    out.push("");
  }
  const listing = k.conntrack?.listing;
  if (listing) {
    out.push(`Connection-tracking listing: ${thousands(listing.entries)} entries (${thousands(listing.assured)} assured, ${thousands(listing.unreplied)} unreplied).`, "");
    out.push("| Destination | Entries |", "|---|---:|");
    for (const d of listing.destinations.slice(0, 10)) out.push(`| ${cell(`${d.protocol} ${d.port !== null ? endpoint(d.address, d.port) : d.address}`)} | ${thousands(d.entries)} |`);
    out.push("");
  }
  return out;
}
