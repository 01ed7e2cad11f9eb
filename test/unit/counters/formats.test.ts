/** Each counter format, line by line: what is read, under which nstat name, and what is reported as unread. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyse } from "./support";

const counters = (text: string) => analyse(text).counters;

describe("counter formats", () => {
  it("nstat: rows under #kernel, the rate column, an overflowed increment, settings left out as nstat does", () => {
    const a = analyse("#kernel\nTcpExtListenOverflows           111                0.0\nIpExtInOctets  5  12.5 (overflow)\nTcpMaxConn 1 0.0\n");
    assert.deepEqual(a.counters, { TcpExtListenOverflows: 111, IpExtInOctets: 5 });
    assert.deepEqual(a.kernelFormats, ["nstat"]);
    assert.equal(a.unparsed, 0);
    assert.equal(a.lines, 4);
  });

  it("nstat rows without their header, and /proc/net/snmp6's name-value lines", () => {
    assert.deepEqual(counters("TcpExtTCPTimeouts 74 0.0\nTcpExtTCPSynRetrans 74 0.0\n"), { TcpExtTCPTimeouts: 74, TcpExtTCPSynRetrans: 74 });
    const a = analyse("Ip6InReceives                   \t7\nIcmp6InMsgs \t2\n");
    assert.deepEqual(a.counters, { Ip6InReceives: 7, Icmp6InMsgs: 2 });
    assert.deepEqual(a.kernelFormats, ["/proc/net/snmp6"]);
  });

  it("nstat --json on one line and pretty-printed", () => {
    assert.deepEqual(counters('{"kernel":{"IpInReceives":160,"TcpExtListenDrops":3,"TcpCurrEstab":2}}\n'), { IpInReceives: 160, TcpExtListenDrops: 3 });
    const pretty = '{\n    "kernel": {\n        "IpInReceives": 160,\n        "TcpExtListenDrops": 3\n    }\n}\n';
    const a = analyse(pretty);
    assert.deepEqual(a.counters, { IpInReceives: 160, TcpExtListenDrops: 3 });
    assert.equal(a.unparsed, 0);
  });

  it("/proc/net/snmp and /proc/net/netstat: header and value lines, MaxConn's -1, a count that does not match", () => {
    const text = "Tcp: RtoAlgorithm MaxConn ActiveOpens RetransSegs\nTcp: 1 -1 40 74\nTcpExt: SyncookiesSent ListenOverflows\nTcpExt: 0 111\n";
    const a = analyse(text);
    assert.deepEqual(a.counters, { TcpActiveOpens: 40, TcpRetransSegs: 74, TcpExtSyncookiesSent: 0, TcpExtListenOverflows: 111 });
    assert.deepEqual(a.kernelFormats, ["/proc/net/snmp", "/proc/net/netstat"]);
    const bad = analyse("TcpExt: SyncookiesSent ListenOverflows\nTcpExt: 0 111 7\n");
    assert.equal(bad.unparsed, 1);
    assert.deepEqual(bad.unparsedExamples.map((e) => e.line), [2]);
  });

  it("netstat -s: sentences by table and ICMP histogram, net-tools' Name: value lines, a sentence it does not know", () => {
    const text = [
      "Ip:",
      "    Forwarding: 2",
      "    3200 total packets received",
      "Icmp:",
      "    ICMP input histogram:",
      "        destination unreachable: 5",
      "    ICMP output histogram:",
      "        destination unreachable: 7",
      "IcmpMsg:",
      "        InType3: 5",
      "Tcp:",
      "    0 connections established",
      "    74 segments retransmitted",
      "TcpExt:",
      "    111 times the listen queue of a socket overflowed",
      "    Quick ack mode was activated 4 times",
      "    TCPTimeWaitOverflow: 368",
      "    TcpTimeoutRehash: 74",
      "    12 eingehende Pakete verworfen",
      "IpExt:",
      "    InOctets: 180000",
      "",
    ].join("\n");
    const a = analyse(text);
    assert.deepEqual(a.counters, {
      IpInReceives: 3200,
      IcmpInDestUnreachs: 5,
      IcmpOutDestUnreachs: 7,
      IcmpMsgInType3: 5,
      TcpRetransSegs: 74,
      TcpExtListenOverflows: 111,
      TcpExtDelayedACKLost: 4,
      TcpExtTCPTimeWaitOverflow: 368,
      TcpExtTcpTimeoutRehash: 74,
      IpExtInOctets: 180000,
    });
    assert.equal(a.unparsed, 1);
    assert.match(a.unparsedExamples[0]?.text ?? "", /eingehende/);
  });

  it("netstat -s -6: tables whose names already carry the prefix", () => {
    assert.deepEqual(counters("Ip6:\n    9 total packets received\n    Ip6InOctets: 720\nIcmp6:\n    ICMP input histogram:\n        received ICMPv6 time exceeded: 2\n"), {
      Ip6InReceives: 9,
      Ip6InOctets: 720,
      Icmp6InTimeExcds: 2,
    });
  });

  it("sockstat and sockstat6", () => {
    const a = analyse("sockets: used 290\nTCP: inuse 27 orphan 1 tw 32 alloc 41 mem 3\nUDP: inuse 5 mem 2\nFRAG: inuse 0 memory 0\nTCP6: inuse 4\n");
    assert.deepEqual(a.sockstat, { sockets: { used: 290 }, tcp: { inuse: 27, orphan: 1, tw: 32, alloc: 41, mem: 3 }, udp: { inuse: 5, mem: 2 }, frag: { inuse: 0, memory: 0 }, tcp6: { inuse: 4 } });
    assert.deepEqual(a.counters, {});
    assert.equal(a.sampling, null);
  });

  it("ss -s, today's and an older iproute2's", () => {
    const now = "Total: 1\nTCP:   34 (estab 0, closed 33, orphaned 2, timewait 32)\n\nTransport Total     IP        IPv6\nRAW\t  0         0         0        \nTCP\t  5         1         4        \nINET\t  5         1         4        \n";
    assert.deepEqual(analyse(now).sockstat, { sockets: { used: 1 }, tcp: { orphan: 2, tw: 32, inuse: 1 }, raw: { inuse: 0 }, raw6: { inuse: 0 }, tcp6: { inuse: 4 } });
    // iproute2's older print_summary: "(kernel N)" from /proc/slabinfo, and a "*" row of it above the others.
    const old = [
      "Total: 295 (kernel 312)",
      "TCP:   48 (estab 1, closed 31, orphaned 0, synrecv 0, timewait 7/0), ports 13",
      "",
      "Transport Total     IP        IPv6",
      "*\t  312       -         -        ",
      "RAW\t  0         0         0        ",
      "UDP\t  2         2         0        ",
      "TCP\t  17        12        5        ",
      "INET\t  19        14        5        ",
      "FRAG\t  0         0         0        ",
      "",
    ].join("\n");
    const a = analyse(old);
    assert.deepEqual(a.sockstat, {
      sockets: { used: 295 },
      tcp: { orphan: 0, tw: 7, inuse: 12 },
      raw: { inuse: 0 },
      raw6: { inuse: 0 },
      udp: { inuse: 2 },
      udp6: { inuse: 0 },
      tcp6: { inuse: 5 },
      frag: { inuse: 0 },
      frag6: { inuse: 0 },
    });
    assert.equal(a.unparsed, 0);
  });

  it("conntrack: count and max under their cat commands, per-CPU statistics in hex and from conntrack -S", () => {
    const text = [
      "$ cat /proc/sys/net/netfilter/nf_conntrack_{count,max}",
      "400",
      "262144",
      "$ cat /proc/net/stat/nf_conntrack",
      "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart",
      "00000190  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000f28 000026bf 00000000  00000000 00000000 00000000 00000000",
      "00000190  00000000 00000000 00000000 00000000 00000000 00000000 00000002 00000000 00000001 00000001 00000000 00000000  00000000 00000000 00000000 00000000",
      "",
    ].join("\n");
    const ct = analyse(text).conntrack;
    assert.equal(ct?.count, 400);
    assert.equal(ct?.max, 262144);
    assert.equal(ct?.cpus, 2);
    assert.deepEqual([ct?.stats?.drop, ct?.stats?.early_drop, ct?.stats?.insert_failed, ct?.stats?.chaintoolong, ct?.stats?.clash_resolve], [3881, 9919, 1, 2, 0]);
    const s = analyse("cpu=0   \tfound=1 drop=3 early_drop=0 \ncpu=1   \tfound=2 drop=4 early_drop=5\n").conntrack;
    assert.deepEqual(s?.stats, { found: 3, drop: 7, early_drop: 5 });
    assert.equal(s?.count, null);
  });

  it("conntrack listings, plain and extended: protocols, TCP states, destinations, flags", () => {
    const plain = [
      "tcp      6 117 TIME_WAIT src=10.0.0.1 dst=10.0.0.2 sport=39830 dport=80 src=10.0.0.2 dst=10.0.0.1 sport=80 dport=39830 [ASSURED] mark=0 use=1",
      "tcp      6 431999 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=39831 dport=80 src=10.0.0.2 dst=10.0.0.1 sport=80 dport=39831 [ASSURED] mark=0 use=1",
      "udp      17 29 src=10.0.0.1 dst=10.0.0.53 sport=5353 dport=53 [UNREPLIED] src=10.0.0.53 dst=10.0.0.1 sport=53 dport=5353 mark=0 use=1",
      "icmp     1 29 src=10.0.0.1 dst=10.0.0.9 type=8 code=0 id=7 src=10.0.0.9 dst=10.0.0.1 type=0 code=0 id=7 mark=0 use=1",
      "conntrack v1.4.7 (conntrack-tools): 4 flow entries have been shown.",
      "",
    ].join("\n");
    const l = analyse(plain).conntrack?.listing;
    assert.equal(l?.entries, 4);
    assert.deepEqual(l?.protocols, [
      { protocol: "tcp", entries: 2 },
      { protocol: "udp", entries: 1 },
      { protocol: "icmp", entries: 1 },
    ]);
    assert.deepEqual(l?.tcpStates, [
      { state: "TIME_WAIT", entries: 1 },
      { state: "ESTABLISHED", entries: 1 },
    ]);
    assert.deepEqual(l?.destinations[0], { protocol: "tcp", address: "10.0.0.2", port: 80, entries: 2 });
    assert.deepEqual(l?.destinations[2], { protocol: "icmp", address: "10.0.0.9", port: null, entries: 1 });
    assert.deepEqual([l?.assured, l?.unreplied], [2, 1]);
    const extended = "ipv6     10 tcp      6 60 SYN_SENT src=2001:db8::1 dst=2001:db8::2 sport=5 dport=443 [UNREPLIED] src=2001:db8::2 dst=2001:db8::1 sport=443 dport=5 mark=0 use=1\n";
    assert.deepEqual(analyse(extended).conntrack?.listing?.destinations, [{ protocol: "tcp", address: "2001:db8::2", port: 443, entries: 1 }]);
  });

  it("limits: sysctl output, grep's path:value, head's file headers, sysctl's own notices; unrelated keys dropped", () => {
    const text = [
      "net.ipv4.tcp_max_tw_buckets = 32",
      "net.ipv4.tcp_fin_timeout = 60",
      "net.nf_conntrack_max = 65536",
      "/proc/sys/net/ipv4/tcp_mem:288393\t384526\t576786",
      "sysctl: cannot stat /proc/sys/net/ipv4/tcp_max_orphans: No such file or directory",
      "==> /proc/sys/net/core/somaxconn <==",
      "4096",
      "",
    ].join("\n");
    const a = analyse(text);
    assert.deepEqual(a.sysctls, {
      "net.ipv4.tcp_max_tw_buckets": "32",
      "net.netfilter.nf_conntrack_max": "65536",
      "net.ipv4.tcp_mem": "288393 384526 576786",
      "net.core.somaxconn": "4096",
    });
    assert.equal(a.unparsed, 0);
  });

  it("bare values belong to the command above them, and only while they are numbers", () => {
    const a = analyse("$ cat /proc/sys/net/ipv4/tcp_max_tw_buckets\n32\n$ conntrack -C\n7\n$ echo hi\n5\n");
    assert.deepEqual(a.sysctls, { "net.ipv4.tcp_max_tw_buckets": "32", "net.netfilter.nf_conntrack_count": "7" });
    assert.equal(a.unparsed, 1);
  });

  it("counter blocks sit between socket listings: every line counted once, the listings read as before", () => {
    const listing = "$ ss -tan\nState  Recv-Q Send-Q Local Address:Port  Peer Address:Port\nESTAB  0      0      10.0.0.5:443        198.51.100.7:40001\n";
    const text = `${listing}$ nstat -az\n#kernel\nTcpExtListenOverflows 3 0.0\nss -s\nTotal: 3\n$ cat /proc/net/sockstat\nsockets: used 3\n${listing}`;
    const a = analyse(text);
    assert.equal(a.total, 2);
    assert.deepEqual(a.formats, ["ss"]);
    assert.deepEqual(a.counters, { TcpExtListenOverflows: 3 });
    assert.deepEqual(a.sockstat, { sockets: { used: 3 } });
    assert.equal(a.unparsed, 0);
    assert.equal(a.lines, text.split("\n").length - 1);
  });
});
