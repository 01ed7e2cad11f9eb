/**
 * The two sysctls that say which local ports a host's outgoing connections take, as /proc/sys prints them:
 * net.ipv4.ip_local_port_range ("32768\t60999") and net.ipv4.ip_local_reserved_ports ("8080,9000-9100", or
 * an empty line).
 */
import type { PortRange } from "./types";

const isPort = (n: number) => Number.isInteger(n) && n >= 0 && n <= 65535;

/** "LOW HIGH" (any blanks between), or undefined when it is not two ports in order. */
export function parseLocalPortRange(text: string): PortRange | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2 || !parts.every((p) => /^\d{1,5}$/.test(p))) return undefined;
  const [low, high] = parts.map(Number) as [number, number];
  return isPort(low) && isPort(high) && low <= high ? { low, high } : undefined;
}

/** "P,P-Q,...", or undefined when a part is not a port or an ordered range of ports. */
export function parseReservedPorts(text: string): PortRange[] | undefined {
  const t = text.trim();
  if (t === "") return [];
  const out: PortRange[] = [];
  for (const part of t.split(",")) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part.trim());
    if (!m) return undefined;
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (!isPort(low) || !isPort(high) || low > high) return undefined;
    out.push({ low, high });
  }
  return out;
}
