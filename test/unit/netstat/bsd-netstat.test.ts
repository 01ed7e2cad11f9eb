import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBsdNetstatLine } from "../../../core/netstat/bsd-netstat";
import type { LineResult, SocketRecord, TcpState } from "../../../core/netstat/types";

function rec(family: "ipv4" | "ipv6", local: string, localPort: number, remote: string, remotePort: number | null, state: TcpState): SocketRecord {
  return { family, localAddress: local, localPort, remoteAddress: remote, remotePort, state, format: "bsd-netstat" };
}

describe("parseBsdNetstatLine", () => {
  const cases: [string, string, LineResult][] = [
    ["macOS tcp4", "tcp4       0      0  192.168.1.23.52144     140.82.112.25.443      ESTABLISHED", rec("ipv4", "192.168.1.23", 52144, "140.82.112.25", 443, "ESTABLISHED")],
    ["FreeBSD tcp4", "tcp4       0     44 10.0.2.15.22           10.0.2.2.61457         ESTABLISHED", rec("ipv4", "10.0.2.15", 22, "10.0.2.2", 61457, "ESTABLISHED")],
    ["listening on all addresses", "tcp4       0      0  *.22                   *.*                    LISTEN     ", rec("ipv4", "*", 22, "*", null, "LISTEN")],
    ["tcp46 is an IPv6 socket", "tcp46      0      0  *.5000                 *.*                    LISTEN     ", rec("ipv6", "*", 5000, "*", null, "LISTEN")],
    ["tcp6 loopback", "tcp6       0      0  ::1.631                *.*                    LISTEN     ", rec("ipv6", "::1", 631, "*", null, "LISTEN")],
    ["zone and port after the last dot", "tcp6       0      0  fe80::1%lo0.631        *.*                    LISTEN     ", rec("ipv6", "fe80::1%lo0", 631, "*", null, "LISTEN")],
    ["an address cut short by the column", "tcp6       0      0  fe80::1c3b:8a2f:.52098 fe80::8d3:a5a:9b.52098 ESTABLISHED", rec("ipv6", "fe80::1c3b:8a2f:", 52098, "fe80::8d3:a5a:9b", 52098, "ESTABLISHED")],
    ["SYN_RCVD", "tcp4       0      0 10.0.2.15.80           198.51.100.7.40112     SYN_RCVD", rec("ipv4", "10.0.2.15", 80, "198.51.100.7", 40112, "SYN_RECV")],
    ["FIN_WAIT_1", "tcp4       0      0  192.168.1.23.52177     93.184.216.34.443      FIN_WAIT_1 ", rec("ipv4", "192.168.1.23", 52177, "93.184.216.34", 443, "FIN_WAIT1")],
    ["FIN_WAIT_2", "tcp4       0      0  192.168.1.23.52175     93.184.216.34.443      FIN_WAIT_2 ", rec("ipv4", "192.168.1.23", 52175, "93.184.216.34", 443, "FIN_WAIT2")],
    ["unbound: CLOSED, local port 0", "tcp4       0      0  *.*                    *.*                    CLOSED     ", rec("ipv4", "*", 0, "*", null, "CLOSE")],
    ["OpenBSD tcp", "tcp          0      0  10.0.0.1.22            10.0.0.2.51234         ESTABLISHED", rec("ipv4", "10.0.0.1", 22, "10.0.0.2", 51234, "ESTABLISHED")],
    ["OpenBSD tcp6", "tcp6         0      0  ::1.25                 *.*                    LISTEN", rec("ipv6", "::1", 25, "*", null, "LISTEN")],
    ["without -n: names", "tcp4       0      0  localhost.ipp          *.*                    LISTEN     ", rec("ipv4", "localhost", 631, "*", null, "LISTEN")],
    ["macOS -v columns after the state", "tcp4       0      0  127.0.0.1.8080         127.0.0.1.52166        CLOSE_WAIT     408241  146988 131072 131072   4021      0 00102 00000008 000000000000b2a1 00000080 00000900      1      0 000001", rec("ipv4", "127.0.0.1", 8080, "127.0.0.1", 52166, "CLOSE_WAIT")],
    ["macOS -A: socket and flow hash first", "f3a111b4e88c2b57 825843c1 tcp4       0      0  localhost.58665    localhost.58666    ESTABLISHED", rec("ipv4", "localhost", 58665, "localhost", 58666, "ESTABLISHED")],
    ["macOS -A: a short flow hash, right-aligned", "a1c5e3f0d2b49a3c  9e1f4a2 tcp4       0      0  127.0.0.1.8080     127.0.0.1.52166    CLOSE_WAIT ", rec("ipv4", "127.0.0.1", 8080, "127.0.0.1", 52166, "CLOSE_WAIT")],
    ["macOS -A: a flow hash of 0", "a1c5e3f0d2b4968c        0 tcp46      0      0  *.8080             *.*                LISTEN     ", rec("ipv6", "*", 8080, "*", null, "LISTEN")],
    ["macOS -A: a short socket address, right-aligned", " 3b09d71e5f2a4c1 5b3d8e01 tcp4       0      0  192.168.1.23.52144 140.82.112.25.443  ESTABLISHED", rec("ipv4", "192.168.1.23", 52144, "140.82.112.25", 443, "ESTABLISHED")],
    ["macOS -A header", "Socket           Flowhash Proto Recv-Q Send-Q  Local Address      Foreign Address    (state)    ", "skip"],
    ["macOS -A udp4", "a1c5e3f0d2b4c2d8 00000000 udp4       0      0  *.5353             *.*                           ", "skip"],
    ["udp4", "udp4       0      0  *.5353                 *.*                               ", "skip"],
    ["udp46", "udp46      0      0  *.5353                 *.*", "skip"],
    ["icm6", "icm6       0      0  *.*                    *.*", "skip"],
    ["header", "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)    ", "skip"],
    ["a Linux row", "tcp        0      0 127.0.0.1:47311         0.0.0.0:*               LISTEN", "unparsed"],
    ["no state", "tcp4       0      0  192.168.1.23.52144     140.82.112.25.443", "unparsed"],
    ["an address without a port", "tcp4       0      0  localhost              *.*                    LISTEN", "unparsed"],
    ["a unix socket row", "fffff80003a7e600 stream      0      0 fffff80003ba1000        0        0        0 /var/run/devd.pipe", "unparsed"],
    ["two hex columns, then no protocol", "fffff80003a7e600 0 fffff80003ba1000        0        0        0 /var/run/devd.pipe", "unparsed"],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(parseBsdNetstatLine(line), expected));
});
