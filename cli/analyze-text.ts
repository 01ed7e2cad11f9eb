/** The terminal report of `socket-doctor analyze`: a histogram, the top breakdowns, the findings. */
import { MAX_KEY } from "../core/analysis/keys";
import type { Analysis } from "../core/analysis/types";
import { TCP_STATES } from "../core/netstat/types";
import { visibleBidi } from "../core/text/bidi";
import { percent, thousands } from "../core/text/numbers";
import { endpoint } from "../core/text/endpoint";
import { wrapWords } from "../core/text/wrap";
import { kernelText } from "./counters-text";
import { escapeControls, type Paint } from "./output";

const BAR = 40;

function wrap(text: string, width: number, indent: string): string {
  return wrapWords(text, width)
    .map((l) => indent + l)
    .join("\n");
}

const SEVERITY_STYLE = { error: "red", warning: "yellow", information: "cyan" } as const;

/** The report for a terminal: every line escaped (escapeControls), severities painted. */
export function reportText(a: Analysis, paint: Paint): string {
  const lines: string[] = [];
  const out = { push: (...text: string[]) => lines.push(...text.map(escapeControls)) };
  out.push(`${thousands(a.total)} TCP sockets in ${thousands(a.lines)} lines (${a.format})${a.unparsed ? `; ${thousands(a.unparsed)} lines not read` : ""}`, "");
  const max = Math.max(1, ...TCP_STATES.map((s) => a.states[s]));
  for (const s of TCP_STATES) {
    const n = a.states[s];
    if (n === 0) continue;
    out.push(`  ${s.padEnd(12)}${thousands(n).padStart(11)} ${percent(n, a.total, 1).padStart(6)}  ${"█".repeat(Math.max(1, Math.round((n / max) * BAR)))}`);
  }
  const b = a.breakdowns;
  const top = (title: string, rows: readonly { label: string; total: number }[]) => {
    if (rows.length === 0) return;
    out.push("", title);
    for (const r of rows.slice(0, 5)) out.push(`  ${visibleBidi(r.label).padEnd(40)}${thousands(r.total).padStart(11)}`);
  };
  top("Top local ports", b.localPorts.map((r) => ({ label: `${r.port}${r.listening ? " (listening)" : ""}`, total: r.total })));
  if (b.outgoing.total > 0) out.push(`  ${"outgoing, from ephemeral ports".padEnd(40)}${thousands(b.outgoing.total).padStart(11)}`);
  top("Top remote hosts", b.remoteHosts.map((r) => ({ label: r.host, total: r.total })));
  top("Top remote endpoints (outgoing)", b.remoteEndpoints.map((r) => ({ label: endpoint(r.host, r.port), total: r.total })));
  top("Top processes", b.processes.map((r) => ({ label: r.process, total: r.total })));
  if (b.truncated > 0) out.push("", `${thousands(b.truncated)} sockets had an address or process name over ${MAX_KEY} characters, counted under its first ${MAX_KEY}: their rows may join several names.`);
  const d = a.portPressure.destinations[0];
  if (d) {
    const r = a.portPressure.range;
    const reserved = r.reserved > 0 ? `, ${thousands(r.reserved)} reserved` : "";
    out.push("", `Local port range ${r.low}-${r.high} (${thousands(r.size)} ports${reserved}, ${a.portPressure.rangeSource}); busiest destination ${visibleBidi(d.localAddress)} -> ${visibleBidi(endpoint(d.remoteAddress, d.remotePort))} holds ${thousands(d.held)} (${percent(d.held, r.size)})`);
  }
  out.push(...kernelText(a));
  out.push("", a.findings.length ? "Findings" : "No findings.");
  for (const f of a.findings) {
    lines.push("", `  [${paint(SEVERITY_STYLE[f.severity], f.severity)}] ${escapeControls(f.title)}`);
    out.push(wrap(f.explanation, 96, "    "));
    for (const e of f.evidence) out.push(`    - ${e.label}: ${e.value}`);
    for (const act of f.actions) {
      if (act.kind === "advice") out.push(wrap(`→ ${act.text}`, 96, "    "));
      else {
        out.push(`    → vetted settings (${act.title}):`);
        for (const s of act.settings) out.push(`        ${s.key} = ${s.value}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}
