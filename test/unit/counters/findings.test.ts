/** Each counter finding at its thresholds: totals, a recent window with and without its length, and its actions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaugeText, MEANINGS } from "../../../core/counters/summary";
import { COUNTER_THRESHOLDS as T } from "../../../core/counters/thresholds";
import { analyse, finding, ids, nstat, paste } from "./support";

/** Two nstat snapshots `seconds` apart (the paste's own sleep). */
function twoSnapshots(before: Record<string, number>, after: Record<string, number>, seconds: number | null): string {
  const sleep = seconds === null ? "" : `$ sleep ${seconds}\n`;
  return nstat(before) + sleep + nstat(after);
}

const severityOf = (text: string, id: string) => finding(analyse(text), id).severity;
const has = (text: string, id: string) => analyse(text).findings.some((f) => f.id === id);
const settingsOf = (text: string, id: string) =>
  finding(analyse(text), id)
    .actions.filter((a) => a.kind === "settings")
    .map((a) => (a.kind === "settings" ? a.profile : ""));

describe("counter findings", () => {
  describe("listen-overflow", () => {
    const passive = 1_000_000;
    it("totals: information below the thresholds, a warning from either the count or the share of attempts", () => {
      assert.equal(has(nstat({ TcpExtListenOverflows: 0, TcpPassiveOpens: passive }), "listen-overflow"), false);
      assert.equal(severityOf(nstat({ TcpExtListenOverflows: T.listenOverflowTotal - 1, TcpPassiveOpens: passive }), "listen-overflow"), "information");
      assert.equal(severityOf(nstat({ TcpExtListenOverflows: T.listenOverflowTotal, TcpPassiveOpens: passive }), "listen-overflow"), "warning");
      assert.equal(severityOf(nstat({ TcpExtListenOverflows: 20, TcpPassiveOpens: 1000 }), "listen-overflow"), "warning");
      assert.equal(severityOf(nstat({ TcpExtListenOverflows: 5, TcpPassiveOpens: 1000 }), "listen-overflow"), "information");
    });

    it("a window: an error from the rate, a warning below it or with no length known, information when it stopped", () => {
      const base = { TcpExtListenOverflows: 100, TcpPassiveOpens: passive };
      const later = (n: number) => ({ TcpExtListenOverflows: 100 + n, TcpPassiveOpens: passive });
      assert.equal(severityOf(twoSnapshots(base, later(10 * T.listenOverflowRate), 10), "listen-overflow"), "error");
      assert.equal(severityOf(twoSnapshots(base, later(9 * T.listenOverflowRate), 10), "listen-overflow"), "warning");
      assert.equal(severityOf(twoSnapshots(base, later(50), null), "listen-overflow"), "warning");
      assert.equal(severityOf(twoSnapshots(base, later(0), 10), "listen-overflow"), "information");
    });

    it("nstat's increments over the interval of `nstat -n; sleep 10; nstat`", () => {
      const a = analyse(nstat({ TcpExtListenOverflows: 30 }, "nstat -n; sleep 10; nstat"));
      assert.deepEqual(a.sampling, { snapshots: 1, basis: "increments", seconds: 10, changes: {}, decrease: null });
      assert.equal(finding(a, "listen-overflow").severity, "error");
    });

    it("offers the accept-queue settings, unless somaxconn is already at or past them", () => {
      const text = nstat({ TcpExtListenOverflows: 5000 });
      assert.deepEqual(settingsOf(text, "listen-overflow"), ["accept-queue"]);
      assert.deepEqual(settingsOf(`${text}net.core.somaxconn = 65535\n`, "listen-overflow"), []);
      assert.deepEqual(settingsOf(`${text}net.core.somaxconn = 4096\n`, "listen-overflow"), ["accept-queue"]);
    });
  });

  it("listener drops are counted as the packets they are, not as connection attempts", () => {
    // 40 clients made 111 overflows in the fixture: SYNs and ACKs sent again count again.
    assert.equal(finding(analyse(paste("listen-overflow")), "listen-overflow").title, "An accept queue overflowed: 111 SYNs or handshake ACKs dropped at a full queue");
    assert.equal(finding(analyse(paste("syn-drop")), "syn-flood-cookies").title, "A SYN queue overflowed: 110 SYNs dropped at a full queue");
    const packets = ["TcpExtListenOverflows", "TcpExtListenDrops", "TcpExtTCPReqQFullDrop", "TcpExtTCPReqQFullDoCookies", "TcpExtSyncookiesSent"];
    for (const m of MEANINGS.filter((x) => packets.includes(x.name))) {
      assert.match(m.meaning, /\bSYN\b/, m.name);
      assert.doesNotMatch(m.meaning, /connection attempt/i, m.name);
    }
  });

  describe("syn-flood-cookies", () => {
    it("cookies: at most a warning; dropped SYNs: an error while it happens", () => {
      assert.equal(severityOf(nstat({ TcpExtSyncookiesSent: 10, TcpExtTCPReqQFullDoCookies: 10, TcpPassiveOpens: 1_000_000 }), "syn-flood-cookies"), "information");
      assert.equal(severityOf(nstat({ TcpExtSyncookiesSent: T.synQueueTotal, TcpPassiveOpens: 1_000_000 }), "syn-flood-cookies"), "warning");
      const cookies = (n: number) => ({ TcpExtSyncookiesSent: n, TcpExtTCPReqQFullDoCookies: n });
      assert.equal(severityOf(twoSnapshots(cookies(0), cookies(100_000), 1), "syn-flood-cookies"), "warning");
      const dropped = (n: number) => ({ TcpExtTCPReqQFullDrop: n });
      assert.equal(severityOf(twoSnapshots(dropped(0), dropped(10 * T.synQueueRate), 10), "syn-flood-cookies"), "error");
    });

    it("tells a flood (cookies not answered) from a burst of real clients (answered)", () => {
      const flood = analyse(nstat({ TcpExtSyncookiesSent: 5000, TcpExtSyncookiesRecv: 5 }));
      assert.deepEqual(settingsOf(nstat({ TcpExtSyncookiesSent: 5000, TcpExtSyncookiesRecv: 5 }), "syn-flood-cookies"), ["syn-flood"]);
      assert.match(finding(flood, "syn-flood-cookies").explanation, /flood/);
      assert.deepEqual(settingsOf(nstat({ TcpExtSyncookiesSent: 5000, TcpExtSyncookiesRecv: 4000 }), "syn-flood-cookies"), ["accept-queue"]);
    });

    it("tcp_syncookies = 2 counts every SYN: information, and no settings", () => {
      const text = `${nstat({ TcpExtSyncookiesSent: 90000, TcpExtTCPReqQFullDoCookies: 90000 })}net.ipv4.tcp_syncookies = 2\n`;
      assert.equal(severityOf(text, "syn-flood-cookies"), "information");
      assert.deepEqual(settingsOf(text, "syn-flood-cookies"), []);
    });
  });

  describe("tw-bucket-overflow", () => {
    it("any overflow is a warning; an error while it happens fast enough", () => {
      assert.equal(has(nstat({ TcpExtTCPTimeWaitOverflow: 0 }), "tw-bucket-overflow"), false);
      assert.equal(severityOf(nstat({ TcpExtTCPTimeWaitOverflow: 1 }), "tw-bucket-overflow"), "warning");
      const o = (n: number) => ({ TcpExtTCPTimeWaitOverflow: n });
      assert.equal(severityOf(twoSnapshots(o(5), o(5 + 10 * T.twOverflowRate), 10), "tw-bucket-overflow"), "error");
    });

    it("raises the limit with the vetted value only where it raises the host's, and never calls it the default", () => {
      const text = nstat({ TcpExtTCPTimeWaitOverflow: 9 });
      assert.deepEqual(settingsOf(`${text}net.ipv4.tcp_max_tw_buckets = 5000\n`, "tw-bucket-overflow"), ["tw-buckets"]);
      assert.deepEqual(settingsOf(`${text}net.ipv4.tcp_max_tw_buckets = 300000\n`, "tw-bucket-overflow"), []);
      const card = finding(analyse(`${text}net.ipv4.tcp_max_tw_buckets = 5000\n`), "tw-bucket-overflow").actions.find((a) => a.kind === "settings");
      assert.ok(card?.kind === "settings");
      assert.doesNotMatch(card.title, /restore/i);
      assert.match(card.settings[0]?.why ?? "", /the most the kernel gives by default/);
    });

    it("compares the limit with this host's own default where the input has the TCP hash table's size", () => {
      const text = (limit: number, ehash: number) => `${nstat({ TcpExtTCPTimeWaitOverflow: 9 })}net.ipv4.tcp_max_tw_buckets = ${limit}\nnet.ipv4.tcp_ehash_entries = ${ehash}\n`;
      const advice = (t: string) => finding(analyse(t), "tw-bucket-overflow").actions.flatMap((a) => (a.kind === "advice" ? [a.text] : []));
      assert.match(advice(text(5000, 262144))[0] ?? "", /^This host's default is 131,072, half of its TCP hash table of 262,144 entries .*lowered to 5,000: deleting the line/);
      // A namespace sharing the host's table reads it negative.
      assert.match(advice(text(131072, -262144))[0] ?? "", /^The limit, 131,072, is this host's default .*only a higher limit or fewer closes/);
      assert.deepEqual(settingsOf(text(131072, 262144), "tw-bucket-overflow"), ["tw-buckets"]);
      assert.equal(finding(analyse(text(131072, 262144)), "tw-bucket-overflow").evidence.at(-1)?.value, "131,072");
      assert.doesNotMatch(advice(`${nstat({ TcpExtTCPTimeWaitOverflow: 9 })}net.ipv4.tcp_max_tw_buckets = 5000\n`).join(" "), /This host's default/);
    });
  });

  describe("tcp-memory-pressure and orphan-overflow", () => {
    const sockstat = (mem: number, orphan: number) => `sockets: used 9\nTCP: inuse 5 orphan ${orphan} tw 0 alloc 9 mem ${mem}\n`;
    const limits = "net.ipv4.tcp_mem = 1000 2000 3000\nnet.ipv4.tcp_max_orphans = 4000\n";

    it("memory against tcp_mem: a warning past pressure, an error past high; entering pressure once is information", () => {
      assert.equal(has(sockstat(1999, 0) + limits, "tcp-memory-pressure"), false);
      assert.equal(severityOf(sockstat(2001, 0) + limits, "tcp-memory-pressure"), "warning");
      assert.equal(severityOf(sockstat(3001, 0) + limits, "tcp-memory-pressure"), "error");
      assert.equal(severityOf(nstat({ TcpExtTCPMemoryPressures: 3 }), "tcp-memory-pressure"), "information");
      assert.deepEqual(analyse(sockstat(3001, 0) + limits).gauges.map((g) => `${g.id} ${g.used}/${g.limit} ${g.threshold}`), ["tcp-memory 3001/3000 2000", "orphans 0/4000 null"]);
    });

    it("orphans against tcp_max_orphans: a warning from a quarter, an error past the limit; the aborts they explain are theirs", () => {
      assert.equal(has(sockstat(0, 999) + limits, "orphan-overflow"), false);
      assert.equal(severityOf(sockstat(0, 1000) + limits, "orphan-overflow"), "warning");
      assert.equal(severityOf(sockstat(0, 4000) + limits, "orphan-overflow"), "error");
      const aborts = nstat({ TcpExtTCPAbortOnMemory: 7 });
      assert.deepEqual(ids(analyse(aborts + sockstat(0, 4000) + limits)), ["orphan-overflow:error"]);
      assert.deepEqual(ids(analyse(aborts)), ["tcp-memory-pressure:warning"]);
    });
  });

  describe("conntrack-full", () => {
    const table = (count: number, max: number) => `net.netfilter.nf_conntrack_count = ${count}\nnet.netfilter.nf_conntrack_max = ${max}\n`;
    const stats = (drop: number, early: number, failed = 0, chain = 0) => `cpu=0 found=0 insert_failed=${failed} drop=${drop} early_drop=${early} chaintoolong=${chain}\n`;

    it("a table nearly full does not read as full", () => {
      const a = analyse(table(262000, 262144));
      assert.equal(finding(a, "conntrack-full").title, "The connection-tracking table is 99.9% full");
      assert.deepEqual(a.gauges.map(gaugeText), ["262,000 of 262,144 entries (99.9%)"]);
      assert.match(finding(analyse(table(262144, 262144)), "conntrack-full").title, /is 100% full: new flows are dropped/);
    });

    it("by how full the table is: a warning, then an error", () => {
      assert.equal(has(table(79, 100), "conntrack-full"), false);
      assert.equal(severityOf(table(80, 100), "conntrack-full"), "warning");
      assert.equal(severityOf(table(95, 100), "conntrack-full"), "error");
      assert.deepEqual(analyse(table(95, 100)).gauges.map((g) => g.id), ["conntrack"]);
    });

    it("by drops: a warning as totals, an error when two readings show them now; insert failures alone are information", () => {
      assert.equal(severityOf(stats(1, 0), "conntrack-full"), "warning");
      assert.equal(severityOf(`${stats(1, 0)}$ sleep 5\n${stats(9, 0)}`, "conntrack-full"), "error");
      assert.equal(severityOf(`${stats(1, 0)}$ sleep 5\n${stats(1, 0)}`, "conntrack-full"), "information");
      assert.equal(severityOf(stats(0, 0, 3), "conntrack-full"), "information");
      assert.equal(severityOf(stats(0, 0, 3, 3), "conntrack-full"), "warning");
      const a = analyse(`${stats(1, 0)}$ sleep 5\n${stats(9, 0)}`);
      assert.deepEqual([a.conntrack?.statReadings, a.conntrack?.statChanges.drop, a.conntrack?.statSeconds], [2, 8, 5]);      // A third reading with no sleep before it: the time since the first is unknown.
      const gap = analyse(`${stats(1, 0)}$ sleep 5\n${stats(9, 0)}$ conntrack -S\n${stats(20, 0)}`);
      assert.deepEqual([gap.conntrack?.statReadings, gap.conntrack?.statChanges.drop, gap.conntrack?.statSeconds], [3, 19, null]);
    });

    it("tells how to read conntrack's own statistics twice, and each way it names gives a window when pasted", () => {
      const f = finding(analyse(stats(5, 0)), "conntrack-full");
      assert.doesNotMatch(f.explanation, /nstat/);
      const commands = [...f.explanation.matchAll(/`([^`]+; sleep 10; [^`]+)`/g)].map((m) => m[1] as string);
      assert.deepEqual(commands, ["conntrack -S; sleep 10; conntrack -S", "cat /proc/net/stat/nf_conntrack; sleep 10; cat /proc/net/stat/nf_conntrack"]);
      const header = "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";
      const row = (drop: number) => `00000010  0 0 0 0 0 0 0 0 0 ${drop.toString(16)} 0 0  0 0 0 0\n`;
      const outputs = [stats(5, 0) + stats(9, 0), header + row(5) + header + row(9)];
      commands.forEach((command, i) => {
        const ct = analyse(`$ ${command}\n${outputs[i]}`).conntrack;
        assert.deepEqual([ct?.statReadings, ct?.statChanges.drop, ct?.statSeconds], [2, 4, 10], command);
      });
    });

    it("offers the conntrack-table settings, leaving out each limit that is already past them", () => {
      assert.deepEqual(settingsOf(table(262144, 262144), "conntrack-full"), ["conntrack-table"]);
      assert.deepEqual(settingsOf(`${table(2_000_000, 2_000_000)}net.netfilter.nf_conntrack_buckets = 262144\n`, "conntrack-full"), []);
      // A host over 4 GiB has 262144 buckets by default: the card still raises the full table's limit, and only it.
      const f = finding(analyse(`${table(65000, 65536)}net.netfilter.nf_conntrack_buckets = 262144\n`), "conntrack-full");
      const settings = f.actions.flatMap((x) => (x.kind === "settings" ? x.settings.map((s) => s.key) : []));
      assert.deepEqual(settings, ["net.netfilter.nf_conntrack_max"]);
      assert.ok(f.actions.some((x) => x.kind === "advice" && x.text.startsWith("This host already has `net.netfilter.nf_conntrack_buckets = 262144`")));
    });
  });

  describe("retransmissions", () => {
    const segs = (retrans: number, out: number) => ({ TcpRetransSegs: retrans, TcpOutSegs: out });

    it("the share of segments sent again, once enough were sent; totals are at most a warning", () => {
      assert.equal(has(nstat(segs(19, 1000)), "retransmissions"), false);
      assert.equal(severityOf(nstat(segs(20, 1000)), "retransmissions"), "warning");
      assert.equal(severityOf(nstat(segs(500, 1000)), "retransmissions"), "warning");
      assert.equal(has(nstat(segs(500, 999)), "retransmissions"), false);
    });

    it("weighs the window where there is one: an error from its share, nothing when the window is clean", () => {
      assert.equal(severityOf(twoSnapshots(segs(0, 0), segs(100, 1000), 5), "retransmissions"), "error");
      assert.equal(has(twoSnapshots(segs(5000, 10000), segs(5000, 20000), 5), "retransmissions"), false);
    });

    it("a window too small to judge falls back to the totals, and says so", () => {
      // 5% of 100,000 segments lost since boot; the 5 s sampled sent 300, none again.
      const f = finding(analyse(twoSnapshots(segs(5000, 100_000), segs(5000, 100_300), 5)), "retransmissions");
      assert.equal(f.severity, "warning");
      assert.equal(f.title, "5.0% of TCP segments were sent again since boot");
      assert.match(f.explanation, /The 5 s sampled held only 300 segments sent \(fewer than 1,000\), too few to judge/);
      assert.deepEqual(f.evidence.find((e) => e.label === "Share")?.value, "5.0% since boot");
      // The same for handshakes: 100 unanswered of 1,020 since boot, 20 opened in the window.
      const syn = (n: number, opens: number) => ({ TcpExtTCPSynRetrans: n, TcpActiveOpens: opens, ...segs(0, 1_000_000) });
      const h = finding(analyse(twoSnapshots(syn(100, 1000), syn(100, 1020), 5)), "retransmissions");
      assert.match(h.title, /sent again 100 times for 1,020 connections opened or attempted since boot$/);
      // A window big enough and clean says nothing; nstat's increments have no totals to fall back to.
      assert.equal(has(twoSnapshots(segs(5000, 100_000), segs(5000, 101_000), 5), "retransmissions"), false);
      assert.equal(has(nstat(segs(50, 300), "nstat"), "retransmissions"), false);
    });

    it("SYNs and SYN-ACKs sent again against the connections opened on either side", () => {
      assert.equal(severityOf(nstat({ TcpExtTCPSynRetrans: 5, TcpActiveOpens: 100 }), "retransmissions"), "warning");
      assert.equal(has(nstat({ TcpExtTCPSynRetrans: 4, TcpActiveOpens: 100 }), "retransmissions"), false);
      assert.equal(has(nstat({ TcpExtTCPSynRetrans: 50, TcpActiveOpens: 99 }), "retransmissions"), false);
      // SYN-ACKs a server sent again count against the connections its listeners took.
      assert.equal(has(nstat({ TcpExtTCPSynRetrans: 5, TcpActiveOpens: 10, TcpPassiveOpens: 190 }), "retransmissions"), false);
      assert.equal(severityOf(nstat({ TcpExtTCPSynRetrans: 10, TcpActiveOpens: 10, TcpPassiveOpens: 190 }), "retransmissions"), "warning");
    });
  });

  describe("receive-queue-pruning", () => {
    it("squeezing alone is information; data thrown away is a warning, an error while it happens fast", () => {
      assert.equal(severityOf(nstat({ TcpExtPruneCalled: 4, TcpExtTCPRcvCollapsed: 30 }), "receive-queue-pruning"), "information");
      assert.equal(severityOf(nstat({ TcpExtPruneCalled: 4, TcpExtRcvPruned: 1 }), "receive-queue-pruning"), "warning");
      const d = (n: number) => ({ TcpExtTCPRcvQDrop: n, TcpExtRcvPruned: 0, TcpExtOfoPruned: 0 });
      assert.equal(severityOf(twoSnapshots(d(0), d(10 * T.receiveDropRate), 10), "receive-queue-pruning"), "error");
    });
  });

  it("totals say they are totals; a window says it is happening now", () => {
    const totals = finding(analyse(nstat({ TcpExtTCPTimeWaitOverflow: 9 })), "tw-bucket-overflow");
    assert.match(totals.explanation, /since boot/);
    assert.match(totals.evidence[0]?.value ?? "", /^9 since boot$/);
    const window = finding(analyse(twoSnapshots({ TcpExtTCPTimeWaitOverflow: 9 }, { TcpExtTCPTimeWaitOverflow: 29 }, 10)), "tw-bucket-overflow");
    assert.match(window.explanation, /happening now/);
    assert.match(window.evidence[0]?.value ?? "", /\+20 in 10 s \(2\/s\)/);
  });

  it("a paste of counters alone is not reported as a listing without sockets; findings come heaviest first", () => {
    const a = analyse(nstat({ TcpExtTCPTimeWaitOverflow: 9, TcpExtPruneCalled: 4 }));
    assert.deepEqual(ids(a), ["tw-bucket-overflow:warning", "receive-queue-pruning:information"]);
    assert.deepEqual(ids(analyse("nothing here\n")), ["unparsed-lines:information", "no-tcp-sockets:information"]);
  });
});
