import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseLinuxNetstatLine } from "../../../core/netstat/linux-netstat";
import type { LineResult, SocketRecord } from "../../../core/netstat/types";

/** A record of this format with the fields every row has; extras on top. */
function rec(family: "ipv4" | "ipv6", local: string, localPort: number, remote: string, remotePort: number | null, state: SocketRecord["state"], extra: Partial<SocketRecord> = {}): SocketRecord {
  return { family, localAddress: local, localPort, remoteAddress: remote, remotePort, state, format: "linux-netstat", ...extra };
}

describe("parseLinuxNetstatLine", () => {
  const cases: [string, string, LineResult][] = [
    ["-ant IPv4", "tcp        0      0 127.0.0.1:47311         127.0.0.1:46350         CLOSE_WAIT ", rec("ipv4", "127.0.0.1", 47311, "127.0.0.1", 46350, "CLOSE_WAIT")],
    ["-ant listening", "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     ", rec("ipv4", "0.0.0.0", 22, "0.0.0.0", null, "LISTEN")],
    ["-ant tcp6 listening", "tcp6       0      0 :::22                   :::*                    LISTEN     ", rec("ipv6", "::", 22, "::", null, "LISTEN")],
    ["-ant tcp6 loopback", "tcp6       0      0 ::1:47311               ::1:36486               ESTABLISHED", rec("ipv6", "::1", 47311, "::1", 36486, "ESTABLISHED")],
    ["-ant IPv4-mapped", "tcp6       0      0 ::ffff:10.0.0.5:8080    ::ffff:10.0.0.9:51000   TIME_WAIT  ", rec("ipv6", "::ffff:10.0.0.5", 8080, "::ffff:10.0.0.9", 51000, "TIME_WAIT")],
    ["queues", "tcp      517     36 10.0.0.5:22             10.0.0.9:50122          ESTABLISHED", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED")],
    // Captured on Linux 6.18 (net-tools 2.10): a listener's Recv-Q is its accept queue; its Send-Q is not its backlog.
    ["a listener with connections waiting", "tcp        5      0 127.0.0.1:8080          0.0.0.0:*               LISTEN     ", rec("ipv4", "127.0.0.1", 8080, "0.0.0.0", null, "LISTEN", { acceptQueue: 5 })],
    ["a listener with loose spacing", "tcp   12   0 0.0.0.0:80  0.0.0.0:*  LISTEN  1234/nginx: master", rec("ipv4", "0.0.0.0", 80, "0.0.0.0", null, "LISTEN", { acceptQueue: 12, pid: 1234, process: "nginx: master" })],
    ["queues wider than the column", "tcp   2097152      0 10.0.0.5:80             10.0.0.9:50122          ESTABLISHED", rec("ipv4", "10.0.0.5", 80, "10.0.0.9", 50122, "ESTABLISHED")],
    ["-W long IPv6", "tcp6       0      0 2001:db8:85a3:8d3:1319:8a2e:370:7348:443 2001:db8:1::ab9:c0a8:102:51234 SYN_RECV   ", rec("ipv6", "2001:db8:85a3:8d3:1319:8a2e:370:7348", 443, "2001:db8:1::ab9:c0a8:102", 51234, "SYN_RECV")],
    ["-p", "tcp        0      0 127.0.0.1:47311         0.0.0.0:*               LISTEN      31064/node          ", rec("ipv4", "127.0.0.1", 47311, "0.0.0.0", null, "LISTEN", { pid: 31064, process: "node" })],
    ["-p name with spaces", "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1234/nginx: master  ", rec("ipv4", "0.0.0.0", 80, "0.0.0.0", null, "LISTEN", { pid: 1234, process: "nginx: master" })],
    ["-p unknown owner", "tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      -                   ", rec("ipv4", "0.0.0.0", 2024, "0.0.0.0", null, "LISTEN")],
    ["-o timewait", "tcp        0      0 127.0.0.1:45042         127.0.0.1:47311         TIME_WAIT   timewait (59.21/0/0)", rec("ipv4", "127.0.0.1", 45042, "127.0.0.1", 47311, "TIME_WAIT", { timer: "timewait (59.21/0/0)" })],
    ["-o keepalive", "tcp        0      0 10.0.0.5:22             10.0.0.9:50122          ESTABLISHED keepalive (7170.12/0/0)", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED", { timer: "keepalive (7170.12/0/0)" })],
    ["-o off", "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      off (0.00/0/0)", rec("ipv4", "0.0.0.0", 22, "0.0.0.0", null, "LISTEN", { timer: "off (0.00/0/0)" })],
    ["-o retransmitting", "tcp        0      1 10.0.0.5:51000          10.0.0.99:443           SYN_SENT    on (0.85/2/0)", rec("ipv4", "10.0.0.5", 51000, "10.0.0.99", 443, "SYN_SENT", { timer: "on (0.85/2/0)" })],
    ["-po", "tcp        0      0 127.0.0.1:47311         127.0.0.1:46350         CLOSE_WAIT  31064/node           off (0.00/0/0)", rec("ipv4", "127.0.0.1", 47311, "127.0.0.1", 46350, "CLOSE_WAIT", { pid: 31064, process: "node", timer: "off (0.00/0/0)" })],
    ["-po, no owner", "tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      -                    off (0.00/0/0)", rec("ipv4", "0.0.0.0", 2024, "0.0.0.0", null, "LISTEN", { timer: "off (0.00/0/0)" })],
    ["-e", "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      0          21543     ", rec("ipv4", "0.0.0.0", 22, "0.0.0.0", null, "LISTEN", { uid: 0, inode: 21543 })],
    ["-ep with a user name", "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      root       21543      812/sshd: /usr/sbin ", rec("ipv4", "0.0.0.0", 22, "0.0.0.0", null, "LISTEN", { inode: 21543, pid: 812, process: "sshd: /usr/sbin" })],
    ["a program named with a parenthesis is no timer", "tcp        0      0 0.0.0.0:9000            0.0.0.0:*               LISTEN      77/php-fpm (pool)", rec("ipv4", "0.0.0.0", 9000, "0.0.0.0", null, "LISTEN", { pid: 77, process: "php-fpm (pool)" })],
    ["without -n: names", "tcp        0      0 localhost:http          *:*                     LISTEN     ", rec("ipv4", "localhost", 80, "*", null, "LISTEN")],
    ["without -n: ssh peer", "tcp        0     36 web1.example.com:ssh    203.0.113.7:50122       ESTABLISHED", rec("ipv4", "web1.example.com", 22, "203.0.113.7", 50122, "ESTABLISHED")],
    ["German net-tools", "tcp        0      0 10.0.0.5:22             10.0.0.9:50122          VERBUNDEN   1234/sshd: admin    aus (0.00/0/0)", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED", { pid: 1234, process: "sshd: admin", timer: "aus (0.00/0/0)" })],
    ["Spanish net-tools", "tcp        0      0 127.0.0.1:3306          0.0.0.0:*               ESCUCHAR    1044/mysqld          apagado (0.00/0/0)", rec("ipv4", "127.0.0.1", 3306, "0.0.0.0", null, "LISTEN", { pid: 1044, process: "mysqld", timer: "apagado (0.00/0/0)" })],
    ["CRLF and tabs", "tcp\t0\t0\t10.0.0.5:22\t10.0.0.9:50122\tESTABLISHED\r", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED")],
    // Not TCP sockets, or not sockets at all: skipped.
    ["UDP", "udp        0      0 0.0.0.0:68              0.0.0.0:*                           612/dhclient        ", "skip"],
    ["UDP6", "udp6       0      0 :::546                  :::*                                -                   ", "skip"],
    ["raw", "raw6       0      0 :::58                   :::*                    7          -                   ", "skip"],
    ["unix", "unix  3      [ ]         STREAM     CONNECTED     188      ", "skip"],
    ["header", "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ", "skip"],
    ["header with -p -o", "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name     Timer", "skip"],
    ["Spanish header", "Proto  Recib Enviad Dirección local         Dirección remota       Estado       PID/Program name     Temporizador", "skip"],
    // Unreadable: the stream lets detection look at these.
    ["title", "Active Internet connections (servers and established)", "unparsed"],
    ["BSD header", "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)", "unparsed"],
    ["unix header", "Proto RefCnt Flags       Type       State         I-Node   Path", "unparsed"],
    ["an unknown state", "tcp        0      0 10.0.0.5:22             10.0.0.9:50122          SLEEPING   ", "unparsed"],
    ["UNCONN is no TCP state", "tcp        0      0 10.0.0.5:22             10.0.0.9:50122          UNCONN     ", "unparsed"],
    ["no state", "tcp        0      0 10.0.0.5:22             10.0.0.9:50122", "unparsed"],
    ["an address without a port", "tcp        0      0 10.0.0.5                10.0.0.9:50122          ESTABLISHED", "unparsed"],
    ["an unknown service name", "tcp        0      0 10.0.0.5:my-own-svc     10.0.0.9:50122          ESTABLISHED", "unparsed"],
    ["a port out of range", "tcp        0      0 10.0.0.5:70000          10.0.0.9:50122          ESTABLISHED", "unparsed"],
    ["a queue that is no number", "tcp        x      0 10.0.0.5:22             10.0.0.9:50122          ESTABLISHED", "unparsed"],
    ["ss output", "ESTAB      0      0          127.0.0.1:47311    127.0.0.1:45704", "unparsed"],
    ["a bare word", "tcp", "unparsed"],
    ["nothing", "", "unparsed"],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(parseLinuxNetstatLine(line), expected));

  it("names a tcp row with an IPv6 address BusyBox's: net-tools would have said tcp6", () => {
    const r = parseLinuxNetstatLine("tcp        0      0 :::80                   :::*                    LISTEN      ");
    assert.equal(typeof r === "object" && r.format, "busybox-netstat");
  });
});
