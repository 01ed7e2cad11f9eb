/**
 * Every kind of line that is not a TCP socket, in context: skipped, neither counted as a socket
 * nor reported as unparsed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSockets } from "../../../core/netstat/parse";

/** Parses `lines` and checks that nothing was read as a socket or left unparsed. */
function allSkipped(lines: string[]): void {
  const { summary } = parseSockets(lines.join("\n"));
  assert.equal(summary.records, 0, "records");
  assert.equal(summary.unparsed, 0, `unparsed: ${JSON.stringify(summary.unparsedExamples)}`);
  assert.equal(summary.skipped, lines.length);
}

describe("skip rules", () => {
  it("UDP, raw and unix rows of net-tools netstat", () =>
    allSkipped([
      "Active Internet connections (servers and established)",
      "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ",
      "udp        0      0 127.0.0.53:53           0.0.0.0:*                           612/systemd-resolve ",
      "udp6       0      0 :::546                  :::*                                -                   ",
      "raw6       0      0 :::58                   :::*                    7           -                   ",
      "Active UNIX domain sockets (servers and established)",
      "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path",
      "unix  2      [ ACC ]     STREAM     LISTENING     21543    1/systemd            /run/systemd/private",
      "unix  3      [ ]         STREAM     CONNECTED     188      -                    ",
      "unix  2      [ ]         DGRAM                    17595    612/systemd-resolve  ",
    ]));

  it("net-tools' notice when not run as root", () =>
    allSkipped([
      "(Not all processes could be identified, non-owned process info",
      " will not be shown, you would have to be root to see it all.)",
      "Active Internet connections (only servers)",
      "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ",
    ]));

  it("UDP and other socket types in ss", () =>
    allSkipped([
      "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process",
      "udp   UNCONN 0      0      127.0.0.53%lo:53        0.0.0.0:*",
      "u_str ESTAB  0      0      * 81445            * 81446",
      "nl    UNCONN 0      0                  0:0                 *",
      "p_raw UNCONN 0      0                  *:eth0              *",
      "UNCONN 0      0      0.0.0.0:68        0.0.0.0:*",
    ]));

  it("ss -i/-m/-e continuation lines", () => {
    const { records, summary } = parseSockets(
      [
        "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process",
        "ESTAB  0      0      10.0.0.5:22        10.0.0.9:50122    uid:1000 ino:73538 sk:1004 <->",
        "\t cubic wscale:7,7 rto:204 rtt:0.053/0.026 mss:32768 cwnd:10 bytes_received:2",
        "\t skmem:(r0,rb131072,t0,tb16384,f0,w0,o0,bl0,d0)",
      ].join("\n"),
    );
    assert.equal(records.length, 1);
    assert.deepEqual([summary.skipped, summary.unparsed], [3, 0]);
  });

  it("ss -s summaries", () =>
    allSkipped([
      "Total: 283",
      "TCP:   336 (estab 199, closed 67, orphaned 0, timewait 67)",
      "",
      "Transport Total     IP        IPv6",
      "RAW\t  0         0         0        ",
      "UDP\t  2         1         1        ",
      "TCP\t  269       202       67       ",
      "INET\t  271       203       68       ",
      "FRAG\t  0         0         0        ",
    ]));

  it("older ss -s summaries", () => allSkipped(["Total: 172 (kernel 0)", "TCP:   4 (estab 1, closed 0, orphaned 0, synrecv 0, timewait 0/0), ports 0"]));

  it("/proc/net/udp rows", () =>
    allSkipped([
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops            ",
      "  123: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 17595 2 0000000000000000 0        ",
      "  456: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 17590 2 0000000000000000 0        ",
    ]));

  it("UDP rows, unix sockets and kernel tables of macOS netstat -an", () =>
    allSkipped([
      "Active Internet connections (including servers)",
      "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)    ",
      "udp4       0      0  *.5353                 *.*                               ",
      "udp46      0      0  *.*                    *.*                               ",
      "icm6       0      0  *.*                    *.*                               ",
      "Active LOCAL (UNIX) domain sockets",
      "Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr",
      "5f6b4a2c1d3e8f01 stream      0      0                0 5f6b4a2c1d3e8f91                0                0 /var/run/mDNSResponder",
      "Active kernel event sockets",
      "Proto Recv-Q Send-Q vendor  class  subcla",
      "kevt       0      0      1      1      6",
      "Active kernel control sockets",
      "Proto Recv-Q Send-Q   unit     id name",
      "kctl       0      0      1      1 com.apple.flow-divert",
    ]));

  it("UDP rows, titles and -b lines of Windows netstat", () =>
    allSkipped([
      "",
      "Active Connections",
      "",
      "  Proto  Local Address          Foreign Address        State           PID",
      "  UDP    0.0.0.0:123            *:*                                    1432",
      "  W32Time",
      " [svchost.exe]",
      "  UDP    [::]:500               *:*                                    3128",
      " Can not obtain ownership information",
    ]));

  it("prompts and bare command lines", () => allSkipped(["$ netstat -ant", "root@web1:~# ss -s", "C:\\Users\\me>netstat -ano", "PS C:\\> netstat -ano", "sudo ss -tanp", "root@web1:~#"]));

  it("blank and white-space lines", () => allSkipped(["", "   ", "\t", "\r"]));
});

describe("Windows -b program lines", () => {
  const listing = [
    "  Proto  Local Address          Foreign Address        State           PID",
    "  TCP    0.0.0.0:80             0.0.0.0:0              LISTENING       4812",
    " [nginx.exe]",
    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1056",
    "  RpcSs",
    " [svchost.exe]",
    "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4",
    " Can not obtain ownership information",
    "  UDP    0.0.0.0:123            *:*                                    1432",
    " [svchost.exe]",
    "  TCP    10.0.0.12:80           10.0.0.77:50990        TIME_WAIT       0",
  ];

  it("attach to the TCP record above them", () => {
    const { records } = parseSockets(listing.join("\r\n"));
    assert.deepEqual(
      records.map((r) => [r.localPort, r.pid, r.process]),
      [
        [80, 4812, "nginx.exe"],
        [135, 1056, "svchost.exe"],
        [445, 4, undefined],
        [80, 0, undefined],
      ],
    );
  });

  it("after a UDP row, attach to nothing", () => {
    const { records } = parseSockets(listing.slice(0, 9).concat([" [svchost.exe]"]).join("\n"));
    assert.equal(records[2]?.process, undefined);
  });
});
