/** The analysis as a Markdown report: the CLI's --markdown and the panel's "Copy report as Markdown". */
import { kernelMarkdown } from "../counters/report-markdown";
import { TCP_STATES } from "../netstat/types";
import { MAX_KEY } from "./keys";
import type { Action, Analysis } from "./types";
import { percent, thousands } from "../text/numbers";
import { visibleBidi } from "../text/bidi";
import { endpoint } from "../text/endpoint";

const pct = (n: number, total: number) => percent(n, total, 1);

/** Pasted text goes into table cells and code spans: keep it from breaking the Markdown or reordering it. */
function cell(s: string): string {
  return visibleBidi(s.replace(/[\\|`*_[\]<>]/g, "\\$&").replace(/\r?\n/g, " "));
}

function action(a: Action): string {
  if (a.kind === "advice") return `- ${a.text}`;
  const lines = a.settings.map((s) => `# ${s.why}\n${s.key} = ${s.value}`).join("\n");
  return `- Vetted settings (${a.title}):\n\n  \`\`\`ini\n${lines.replace(/^/gm, "  ")}\n  \`\`\``;
}

export function reportMarkdown(a: Analysis): string {
  const out: string[] = [];
  out.push(`# Socket Doctor report`, "");
  out.push(`${thousands(a.total)} TCP sockets in ${thousands(a.lines)} lines (${a.format}).${a.unparsed ? ` ${thousands(a.unparsed)} lines could not be read.` : ""}`, "");
  out.push("## TCP states", "", "| State | Count | Share |", "|---|---:|---:|");
  for (const s of TCP_STATES) if (a.states[s] > 0) out.push(`| ${s} | ${thousands(a.states[s])} | ${pct(a.states[s], a.total)} |`);
  out.push("");
  if (a.findings.length > 0) {
    out.push("## Findings", "");
    for (const f of a.findings) {
      out.push(`### ${f.severity.toUpperCase()}: ${cell(f.title)}`, "", f.explanation, "");
      for (const e of f.evidence) out.push(`- **${cell(e.label)}:** ${cell(e.value)}`);
      if (f.evidence.length > 0) out.push("");
      if (f.actions.length > 0) out.push("What to do:", "", ...f.actions.map(action), "");
    }
  }
  out.push(...kernelMarkdown(a, cell));
  const dests = a.portPressure.destinations.slice(0, 10);
  if (dests.length > 0) {
    const r = a.portPressure.range;
    out.push("## Local port use per destination", "", `Local port range ${r.low}–${r.high} (${thousands(r.size)} ports${r.reserved > 0 ? `, ${thousands(r.reserved)} of them reserved` : ""}, ${a.portPressure.rangeSource}).`, "");
    out.push("| From | To | Ports held | Share | TIME_WAIT |", "|---|---|---:|---:|---:|");
    for (const d of dests) out.push(`| ${cell(d.localAddress)} | ${cell(endpoint(d.remoteAddress, d.remotePort))} | ${thousands(d.held)} | ${pct(d.held, r.available)} | ${thousands(d.timeWait)} |`);
    out.push("");
  }
  const b = a.breakdowns;
  /** The top 10 rows, then the `after` rows. */
  const table = (title: string, head: string, rows: readonly { key: string; total: number }[], after: readonly { key: string; total: number }[] = []) => {
    if (rows.length + after.length === 0) return;
    out.push(`## ${title}`, "", `| ${head} | Sockets |`, "|---|---:|", ...[...rows.slice(0, 10), ...after].map((r) => `| ${cell(r.key)} | ${thousands(r.total)} |`), "");
  };
  if (b.truncated > 0) out.push(`${thousands(b.truncated)} sockets had an address or process name over ${MAX_KEY} characters and were counted under its first ${MAX_KEY}: the rows below may join several names.`, "");
  const outgoing = b.outgoing.total > 0 ? [{ key: "outgoing, from ephemeral ports", total: b.outgoing.total }] : [];
  table("Local ports", "Port", b.localPorts.map((r) => ({ key: `${r.port}${r.listening ? " (listening)" : ""}`, total: r.total })), outgoing);
  table("Remote hosts", "Host", b.remoteHosts.map((r) => ({ key: r.host, total: r.total })));
  table("Remote endpoints (outgoing)", "Endpoint", b.remoteEndpoints.map((r) => ({ key: endpoint(r.host, r.port), total: r.total })));
  table("Processes", "Process", b.processes.map((r) => ({ key: r.process, total: r.total })));
  return out.join("\n").trimEnd() + "\n";
}
