/** Reading ip_local_port_range and ip_local_reserved_ports values. */
import { parseInts, parseKernelInt } from "../catalogue/values";
import type { Assignment } from "../sysctl/parse";

export interface PortRange {
  readonly low: number;
  readonly high: number;
}

/** `LOW HIGH` with LOW ≤ HIGH; invalid-value reports anything else. */
export function portRangeOf(a: Assignment): PortRange | undefined {
  const [low, high, ...rest] = parseInts(a.value.text) ?? [];
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
