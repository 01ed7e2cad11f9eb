/**
 * BusyBox `netstat -tn`, `-tan`, `-tanp` (networking/netstat.c). Its rows have net-tools' columns
 * ("%s   %6lu %6lu %-23s %-23s %-12s" then at most 20 characters of "PID/argv0"), with these
 * differences: the protocol is "tcp" for IPv6 sockets too (it reads /proc/net/tcp6 through the same
 * printer), there are no `-o` timers or `-e` columns, and its header ends "State       " plus
 * "PID/Program name    " with `-p`. BusyBox also warns "netstat: showing only processes with your
 * user ID" on stderr, which pastes often include. The header is otherwise the same as net-tools', so
 * a BusyBox listing is told apart by a `busybox` command line above it or by a "tcp" row carrying an
 * IPv6 address (see detect.ts).
 */
import { readNetstatLine } from "./linux-netstat";
import { trimEnd } from "./scan";
import type { LineResult } from "./types";

export function readBusyboxNetstatLine(s: string, start: number, end: number): LineResult {
  return readNetstatLine(s, start, end, "busybox-netstat");
}

export function parseBusyboxNetstatLine(line: string): LineResult {
  return readBusyboxNetstatLine(line, 0, trimEnd(line, 0, line.length));
}
