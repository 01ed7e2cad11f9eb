/**
 * This machine's local port range and reserved ports, read from /proc/sys (never by running a command), for
 * `analyze --live` and the editor's live capture.
 */
import { readFileSync } from "node:fs";
import type { AnalyzeOptions } from "../core/analysis/analyze";
import { parseLocalPortRange, parseReservedPorts } from "../core/analysis/port-settings";

const RANGE = "/proc/sys/net/ipv4/ip_local_port_range";
const RESERVED = "/proc/sys/net/ipv4/ip_local_reserved_ports";

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The options that read a live capture with this machine's ports; the kernel default where they cannot be read. */
export function livePortOptions(): AnalyzeOptions {
  const range = parseLocalPortRange(read(RANGE) ?? "");
  if (range === undefined) return { rangeSource: "the kernel default: this machine's net.ipv4.ip_local_port_range could not be read" };
  const reserved = parseReservedPorts(read(RESERVED) ?? "");
  return {
    portRange: range,
    ...(reserved !== undefined && reserved.length > 0 ? { reservedPorts: reserved } : {}),
    rangeSource: reserved === undefined ? "this machine's net.ipv4.ip_local_port_range; its reserved ports could not be read" : "this machine's net.ipv4.ip_local_port_range",
  };
}
