/** syn-flood-cookies: a SYN queue filled (SyncookiesSent, TCPReqQFullDoCookies, TCPReqQFullDrop). */
import type { Action } from "../../analysis/types";
import { percentText, thousands } from "../../text/numbers";
import { describe, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { attemptSeverity, coverage, number, settingEvidence, vetted, type CounterCheck } from "./common";

/** The window's values where there is one, else the totals. */
function recentOrTotal(m: Measure | undefined): number {
  return m === undefined ? 0 : (m.recent?.value ?? m.value);
}

export const synQueue: CounterCheck = (c) => {
  const m = (n: string) => c.view.measure(n);
  const sent = m("TcpExtSyncookiesSent");
  const doCookies = m("TcpExtTCPReqQFullDoCookies");
  const dropped = m("TcpExtTCPReqQFullDrop");
  const recv = m("TcpExtSyncookiesRecv");
  const main = [dropped, doCookies, sent].find((x) => x !== undefined && x.value > 0);
  if (main === undefined) return undefined;
  const syncookies = number(c, "net.ipv4.tcp_syncookies");
  const cookiesSent = sent !== undefined && sent.value > 0;
  const rows: [string, Measure | undefined, boolean][] = [
    ["SyncookiesSent", sent, false],
    ["TCPReqQFullDoCookies (queue full, cookies sent)", doCookies, false],
    ["TCPReqQFullDrop (queue full, SYNs dropped)", dropped, false],
    // How many cookies came back matters even when none did.
    ["SyncookiesRecv (cookies answered)", recv, cookiesSent],
  ];
  const evidence = [
    ...rows.flatMap(([label, v, always]) => (v !== undefined && (v.value > 0 || always) ? [{ label, value: describe(v) }] : [])),
    ...settingEvidence(c, ["net.ipv4.tcp_syncookies", "net.core.somaxconn"]),
  ];
  if (syncookies === 2) {
    return {
      id: "syn-flood-cookies",
      severity: "information",
      title: "Every SYN is answered with a SYN cookie (tcp_syncookies = 2)",
      explanation:
        "With net.ipv4.tcp_syncookies at 2 the kernel sends a cookie for every SYN, full queue or not, and counts each one: these counters rise with every connection and say nothing about overflows. Cookies carry only a few TCP options, so connections may lose window scaling and selective acknowledgements when timestamps are off. 1, the default, sends them only while a queue is full.",
      evidence,
      actions: [{ kind: "advice", text: "Set `net.ipv4.tcp_syncookies = 1` unless you are testing SYN cookies." }],
    };
  }
  const droppedAny = dropped !== undefined && dropped.value > 0;
  const level = attemptSeverity(c, droppedAny ? dropped : main, T.synQueueTotal, T.synQueueRate);
  // Cookies still let clients in: at most a warning. Dropped SYNs may be an error.
  const severity = !droppedAny && level === "error" ? "warning" : level;
  const cookies = recentOrTotal(sent);
  const answered = cookies > 0 ? recentOrTotal(recv) / cookies : undefined;
  const burst = answered !== undefined && answered >= T.cookiesAnswered;
  const flood = answered !== undefined && answered < T.cookiesUnanswered;
  const why = burst
    ? ` ${percentText(recentOrTotal(recv), cookies)} of the cookies came back from clients completing the handshake: real clients in a burst, so the listener's backlog is too small or it accepts too slowly.`
    : flood
      ? ` Only ${percentText(recentOrTotal(recv), cookies)} of the cookies came back: most SYNs came from addresses that never answer, the pattern of a SYN flood.`
      : "";
  const actions: Action[] = [];
  // The SYN-flood profile's notes say to keep cookies on; the accept-queue one's do not.
  if (syncookies === 0 && burst) actions.push({ kind: "advice", text: "Turn SYN cookies back on (`net.ipv4.tcp_syncookies = 1`, the default): with them off, a full queue drops new connections instead of answering them." });
  actions.push(...(burst ? vetted("accept-queue", c) : vetted("syn-flood", c)));
  return {
    id: "syn-flood-cookies",
    severity,
    title: droppedAny ? `A SYN queue overflowed: ${thousands(recentOrTotal(dropped))} SYNs dropped at a full queue` : `A SYN queue filled: ${thousands(recentOrTotal(main))} SYNs answered with SYN cookies`,
    explanation:
      "A listener keeps half-open connections (SYN_RECV) in its SYN queue, as long as its accept backlog. When it is full the kernel answers new SYNs with SYN cookies (TCPReqQFullDoCookies, SyncookiesSent), which keep the listener reachable without queue space, or, with net.ipv4.tcp_syncookies at 0, drops them (TCPReqQFullDrop) and clients time out. Each counter counts SYNs, not clients: a client whose SYN goes unanswered sends it again after 1, 3, 7 seconds and more, and each one is counted. A full queue means a SYN flood or a backlog too small for a burst of real clients; net.ipv4.tcp_max_syn_backlog is read only while syncookies are off." +
      why +
      coverage(main),
    evidence,
    actions,
  };
};
