/** Reading ip_local_port_range and ip_local_reserved_ports values. */
import { parseKernelInt } from "../catalogue/values";
import type { Assignment } from "../sysctl/parse";
import { intsOf } from "./context-values";
import type { RuleContext } from "./types";

export interface PortRange {
  readonly low: number;
  readonly high: number;
}

/** `LOW HIGH` as the kernel applies it, with LOW ≤ HIGH; invalid-value reports anything else. */
export function portRangeOf(ctx: RuleContext, a: Assignment): PortRange | undefined {
  const [low, high, ...rest] = intsOf(ctx, a) ?? [];
  return low !== undefined && high !== undefined && rest.length === 0 && low <= high ? { low, high } : undefined;
}

/** `8080,9000-9100` → a membership test; unreadable items are ignored (invalid-value reports them). */
export function reservedPorts(text: string | undefined): (port: number) => boolean {
  const ranges: PortRange[] = [];
  for (const item of (text ?? "").split(",")) {
    const [a, b = a] = item.trim().split("-").map((s) => parseKernelInt(s.trim()));
    if (a !== undefined && b !== undefined) ranges.push({ low: a, high: b });
  }
  return (port) => ranges.some((r) => port >= r.low && port <= r.high);
}

/** `9100-9000,8080,8081` → `8080-8081,9000-9100`: a port list as the kernel prints it back, sorted and merged. */
export function normalizePortList(text: string): string {
  const ranges: PortRange[] = [];
  for (const item of text.split(",")) {
    if (item.trim() === "") continue;
    const [a, b = a] = item.trim().split("-").map((s) => parseKernelInt(s.trim()));
    if (a === undefined || b === undefined) return text;
    ranges.push({ low: Math.min(a, b), high: Math.max(a, b) });
  }
  const merged: PortRange[] = [];
  for (const r of ranges.sort((x, y) => x.low - y.low)) {
    const last = merged.at(-1);
    if (last && r.low <= last.high + 1) merged[merged.length - 1] = { low: last.low, high: Math.max(last.high, r.high) };
    else merged.push(r);
  }
  return merged.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(",");
}
