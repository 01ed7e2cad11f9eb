import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBusyboxNetstatLine } from "../../../core/netstat/busybox-netstat";
import type { LineResult, SocketRecord } from "../../../core/netstat/types";

function rec(family: "ipv4" | "ipv6", local: string, localPort: number, remote: string, remotePort: number | null, state: SocketRecord["state"], extra: Partial<SocketRecord> = {}): SocketRecord {
  return { family, localAddress: local, localPort, remoteAddress: remote, remotePort, state, format: "busybox-netstat", ...extra };
}

/** Rows as BusyBox prints them: "%s   %6lu %6lu %-23s %-23s %-12s" then at most 20 characters of "PID/argv0". */
describe("parseBusyboxNetstatLine", () => {
  const cases: [string, string, LineResult][] = [
    ["-tan", "tcp        0      0 172.18.0.3:80           172.18.0.1:51240        ESTABLISHED ", rec("ipv4", "172.18.0.3", 80, "172.18.0.1", 51240, "ESTABLISHED")],
    ["IPv6 under tcp", "tcp        0      0 :::80                   :::*                    LISTEN      ", rec("ipv6", "::", 80, "::", null, "LISTEN")],
    ["IPv4-mapped", "tcp        0      0 ::ffff:172.18.0.3:80    ::ffff:172.18.0.1:51250 ESTABLISHED ", rec("ipv6", "::ffff:172.18.0.3", 80, "::ffff:172.18.0.1", 51250, "ESTABLISHED")],
    ["-W", "tcp        0      0 2001:db8::10:443                                    2001:db8::99:51000                                  TIME_WAIT   ", rec("ipv6", "2001:db8::10", 443, "2001:db8::99", 51000, "TIME_WAIT")],
    ["-tanp, cut at 20", "tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      1/nginx: master proc", rec("ipv4", "0.0.0.0", 8080, "0.0.0.0", null, "LISTEN", { pid: 1, process: "nginx: master proc" })],
    ["-tanp, another user's", "tcp        0      0 172.18.0.4:8080         172.18.0.1:40108        TIME_WAIT   -", rec("ipv4", "172.18.0.4", 8080, "172.18.0.1", 40108, "TIME_WAIT")],
    ["header", "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ", "skip"],
    ["udp", "udp        0      0 0.0.0.0:68              0.0.0.0:*                           ", "skip"],
    ["raw", "raw        0      0 :::58                   :::*                    58          ", "skip"],
    ["its notice", "netstat: showing only processes with your user ID", "unparsed"],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(parseBusyboxNetstatLine(line), expected));
});
