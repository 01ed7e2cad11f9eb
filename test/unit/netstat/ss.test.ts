import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSsLine } from "../../../core/netstat/ss";
import type { LineResult, SocketRecord, TcpState } from "../../../core/netstat/types";

function rec(family: "ipv4" | "ipv6", local: string, localPort: number, remote: string, remotePort: number | null, state: TcpState, extra: Partial<SocketRecord> = {}): SocketRecord {
  return { family, localAddress: local, localPort, remoteAddress: remote, remotePort, state, format: "ss", ...extra };
}

describe("parseSsLine", () => {
  const cases: [string, string, LineResult][] = [
    ["-tan", "ESTAB      0      0          127.0.0.1:47311    127.0.0.1:45704", rec("ipv4", "127.0.0.1", 47311, "127.0.0.1", 45704, "ESTABLISHED")],
    ["listening", "LISTEN     0      511        127.0.0.1:47311      0.0.0.0:*", rec("ipv4", "127.0.0.1", 47311, "0.0.0.0", null, "LISTEN")],
    // Captured on Linux 6.18: a listener's Recv-Q is its accept queue, Send-Q its limit (one over it: full).
    ["a listener with connections waiting", "LISTEN   5      4          127.0.0.1:8080       0.0.0.0:*", rec("ipv4", "127.0.0.1", 8080, "0.0.0.0", null, "LISTEN", { acceptQueue: 5, backlog: 4 })],
    ["queues of a connected socket are its data", "ESTAB    517    36         10.0.0.5:22          10.0.0.9:50122", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED")],
    ["dash spellings", "TIME-WAIT  0      0          127.0.0.1:45042    127.0.0.1:47311", rec("ipv4", "127.0.0.1", 45042, "127.0.0.1", 47311, "TIME_WAIT")],
    ["FIN-WAIT-2", "FIN-WAIT-2 0      0          127.0.0.1:58958    127.0.0.1:47311", rec("ipv4", "127.0.0.1", 58958, "127.0.0.1", 47311, "FIN_WAIT2")],
    ["SYN-RECV", "SYN-RECV   0      0          10.0.0.5:443       198.51.100.7:40112", rec("ipv4", "10.0.0.5", 443, "198.51.100.7", 40112, "SYN_RECV")],
    ["bracketed IPv6", "LISTEN     0      511              [::1]:47311         [::]:*", rec("ipv6", "::1", 47311, "::", null, "LISTEN")],
    ["IPv4-mapped", "ESTAB 0 0 [::ffff:127.0.0.1]:8080 [::ffff:127.0.0.1]:51234", rec("ipv6", "::ffff:127.0.0.1", 8080, "::ffff:127.0.0.1", 51234, "ESTABLISHED")],
    ["upper-case IPv6 is lowered", "ESTAB 0 0 [2001:DB8::A]:443 [2001:DB8::B]:50000", rec("ipv6", "2001:db8::a", 443, "2001:db8::b", 50000, "ESTABLISHED")],
    ["interface of a link-local address", "ESTAB 0 0 [fe80::1]%eth0:22 [fe80::2]%eth0:51000", rec("ipv6", "fe80::1%eth0", 22, "fe80::2%eth0", 51000, "ESTABLISHED")],
    ["interface of an IPv4 address", "LISTEN 0      4096   127.0.0.53%lo:53        0.0.0.0:*", rec("ipv4", "127.0.0.53%lo", 53, "0.0.0.0", null, "LISTEN")],
    ["* is a dual-stack IPv6 socket", "LISTEN 0      4096               *:80              *:*", rec("ipv6", "*", 80, "*", null, "LISTEN")],
    ["old ss without brackets", "LISTEN     0      128         :::22         :::*", rec("ipv6", "::", 22, "::", null, "LISTEN")],
    ["-tanp", 'ESTAB      0      0          127.0.0.1:47311    127.0.0.1:59092 users:(("node",pid=1259,fd=252))', rec("ipv4", "127.0.0.1", 47311, "127.0.0.1", 59092, "ESTABLISHED", { process: "node", pid: 1259 })],
    ["-tanp, shared socket", 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("nginx",pid=1235,fd=6),("nginx",pid=1234,fd=6))', rec("ipv4", "0.0.0.0", 80, "0.0.0.0", null, "LISTEN", { process: "nginx", pid: 1235 })],
    ["-tano", "TIME-WAIT  0      0          127.0.0.1:45042    127.0.0.1:47311 timer:(timewait,55sec,0)", rec("ipv4", "127.0.0.1", 45042, "127.0.0.1", 47311, "TIME_WAIT", { timer: "timewait,55sec,0" })],
    ["-tanpo", 'ESTAB 0 0 10.0.0.5:22 10.0.0.9:50122 users:(("sshd",pid=812,fd=4)) timer:(keepalive,119min,0)', rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED", { process: "sshd", pid: 812, timer: "keepalive,119min,0" })],
    ["-e", "ESTAB 0 0 10.0.0.5:22 10.0.0.9:50122 uid:1000 ino:73538 sk:1004 cgroup:/ <->", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED", { uid: 1000, inode: 73538 })],
    ["without -n: service names", "ESTAB      0      36         10.0.0.5:ssh       10.0.0.9:50122", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED")],
    ["without -n: https", "LISTEN     0      511           [::]:https          [::]:*", rec("ipv6", "::", 443, "::", null, "LISTEN")],
    ["Netid column", "tcp   LISTEN 0      4096   0.0.0.0:22        0.0.0.0:*", rec("ipv4", "0.0.0.0", 22, "0.0.0.0", null, "LISTEN")],
    ["Netid column, tcp in CLOSE shows UNCONN", "tcp   UNCONN 0      0      0.0.0.0:5000      0.0.0.0:*", rec("ipv4", "0.0.0.0", 5000, "0.0.0.0", null, "CLOSE")],
    ["state filtered: no State column", "0      0          127.0.0.1:45042    127.0.0.1:47311", rec("ipv4", "127.0.0.1", 45042, "127.0.0.1", 47311, "UNKNOWN")],
    ["state filtered with Netid", "tcp   0      0          127.0.0.1:45042    127.0.0.1:47311", rec("ipv4", "127.0.0.1", 45042, "127.0.0.1", 47311, "UNKNOWN")],
    // Not TCP sockets, continuation lines, headers, summaries: skipped.
    ["UDP", "UNCONN 0      0      0.0.0.0:68        0.0.0.0:*", "skip"],
    ["Netid udp", "udp   UNCONN 0      0      127.0.0.53%lo:53        0.0.0.0:*", "skip"],
    ["Netid u_str", "u_str ESTAB  0      0      * 81445            * 81446", "skip"],
    ["Netid nl", "nl    UNCONN 0      0                  0:0                 *", "skip"],
    ["-i continuation", "\t cubic wscale:7,7 rto:204 rtt:0.053/0.026 mss:32768 cwnd:10", "skip"],
    ["-m continuation", "\t skmem:(r0,rb131072,t0,tb16384,f0,w0,o0,bl0,d0)", "skip"],
    ["header", "State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process", "skip"],
    ["header, ss 6.1", "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess", "skip"],
    ["header with Netid", "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process", "skip"],
    ["header without State", "Recv-Q Send-Q Local Address:Port  Peer Address:Port Process", "skip"],
    ["ss -s total", "Total: 283", "skip"],
    ["ss -s TCP", "TCP:   336 (estab 199, closed 67, orphaned 0, timewait 67)", "skip"],
    ["ss -s table head", "Transport Total     IP        IPv6", "skip"],
    ["ss -s row", "TCP\t  269       202       67       ", "skip"],
    ["ss -s RAW", "RAW\t  0         0         0        ", "skip"],
    // Unreadable.
    ["netstat row", "tcp        0      0 127.0.0.1:47311         0.0.0.0:*               LISTEN     ", "unparsed"],
    ["an unknown service", "ESTAB 0 0 10.0.0.5:my-svc 10.0.0.9:50122", "unparsed"],
    ["a local port that is *", "ESTAB 0 0 10.0.0.5:* 10.0.0.9:50122", "unparsed"],
    ["missing peer", "ESTAB 0 0 10.0.0.5:22", "unparsed"],
    ["garbage after a state", "ESTAB x y z", "unparsed"],
    ["a title", "Active Internet connections", "unparsed"],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(parseSsLine(line), expected));

  it("gives State-less rows the state of the `ss ... state X` that printed them", () => {
    const r = parseSsLine("0      0          127.0.0.1:45042    127.0.0.1:47311", "TIME_WAIT");
    assert.equal(typeof r === "object" && r.state, "TIME_WAIT");
  });

  it("keeps a state that the row does show, whatever the filter", () => {
    const r = parseSsLine("ESTAB 0 0 10.0.0.5:22 10.0.0.9:50122", "TIME_WAIT");
    assert.equal(typeof r === "object" && r.state, "ESTABLISHED");
  });
});
