/** retransmissions: segments sent again against segments sent (TcpRetransSegs / TcpOutSegs, TCPTimeouts, TCPSynRetrans). */
import type { FindingSeverity } from "../../analysis/types";
import { percentText, thousands } from "../../text/numbers";
import { describe, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, type CounterCheck } from "./common";

/** A share of one count in another, and what it was weighed over. */
interface Share {
  readonly part: number;
  readonly whole: number;
  /** Over the recent window; else over the totals since boot. */
  readonly windowed: boolean;
  /** A window was sampled but held fewer than `min` of the whole, so the totals were weighed instead. */
  readonly windowTooSmall: boolean;
  /** The whole in the window sampled (0 without one). */
  readonly sampledWhole: number;
}

const value = (m: Measure | undefined, windowed: boolean) => (m === undefined ? 0 : windowed ? (m.recent?.value ?? 0) : m.value);

/**
 * `parts` against `wholes` over the recent window when it holds at least `min` of the wholes: totals since
 * boot would dilute what happens now. A window too small to judge (a quiet few seconds) falls back to the
 * totals, so that it cannot hide loss they show; nstat's increments have no totals to fall back to.
 */
function shareOf(parts: readonly (Measure | undefined)[], wholes: readonly (Measure | undefined)[], min: number): Share {
  const all = [...parts, ...wholes].filter((m): m is Measure => m !== undefined);
  const sampled = all.length > 0 && all.every((m) => m.recent !== null);
  const sum = (ms: readonly (Measure | undefined)[], windowed: boolean) => ms.reduce((a, m) => a + value(m, windowed), 0);
  const sampledWhole = sampled ? sum(wholes, true) : 0;
  const windowed = sampled && (sampledWhole >= min || all.some((m) => m.basis === "increments"));
  return { part: sum(parts, windowed), whole: sum(wholes, windowed), windowed, windowTooSmall: sampled && !windowed, sampledWhole };
}

const reaches = (s: Share, min: number, share: number) => s.whole >= min && s.part / s.whole >= share;

export const retransmissions: CounterCheck = (c) => {
  const retrans = c.view.measure("TcpRetransSegs");
  const out = c.view.measure("TcpOutSegs");
  if (retrans === undefined || out === undefined) return undefined;
  const synRetrans = c.view.measure("TcpExtTCPSynRetrans");
  const timeouts = c.view.measure("TcpExtTCPTimeouts");
  const segments = shareOf([retrans], [out], T.retransMinSegments);
  // TCPSynRetrans counts SYN-ACKs sent again too (tcp_rtx_synack): weigh it against handshakes of both sides.
  const handshakes = shareOf([synRetrans], [c.view.measure("TcpActiveOpens"), c.view.measure("TcpPassiveOpens")], T.synRetransMinOpens);
  const lossy = reaches(segments, T.retransMinSegments, T.retransWarning);
  const unanswered = reaches(handshakes, T.synRetransMinOpens, T.synRetransShare);
  if (!lossy && !unanswered) return undefined;
  const main = lossy ? segments : handshakes;
  // Totals say loss happened at some time since boot: at most a warning.
  const severity: FindingSeverity = lossy && segments.windowed && segments.part / segments.whole >= T.retransError ? "error" : "warning";
  const seconds = retrans.recent?.seconds ?? null;
  const what = lossy ? `segments sent (fewer than ${thousands(T.retransMinSegments)})` : `connections opened or attempted (fewer than ${thousands(T.synRetransMinOpens)})`;
  const tooSmall = main.windowTooSmall
    ? ` ${seconds !== null ? `The ${thousands(seconds)} s sampled` : "The window between the snapshots"} held only ${thousands(main.sampledWhole)} ${what}, too few to judge: the share is of the totals since boot, which say the loss happened, not that it still does.`
    : "";
  return {
    id: "retransmissions",
    severity,
    title: lossy ? `${percentText(segments.part, segments.whole)} of TCP segments were sent again${segments.windowed ? "" : " since boot"}` : `SYNs or SYN-ACKs were sent again ${thousands(handshakes.part)} times for ${thousands(handshakes.whole)} connections opened or attempted${handshakes.windowed ? "" : " since boot"}`,
    explanation:
      "TCP sends a segment again when it was not acknowledged in time (a retransmission timeout, TCPTimeouts) or when the peer's acknowledgements show a gap (a fast retransmit). A few percent of segments sent again slows every transfer, since the sender halves its rate at each loss, and adds latency: the path loses packets (a congested link, a faulty cable or NIC, a policer) or the peer is too overloaded to acknowledge. SYNs and SYN-ACKs sent again (TCPSynRetrans, both kinds in one counter) are handshakes the other side did not answer: for this host's own connections a full listen queue, a firewall that drops or a host that is down at the peer; for its listeners, clients that went away or never existed (spoofed SYNs)." +
      (main.windowed ? "" : tooSmall || coverage(retrans)),
    evidence: [
      { label: "Segments sent again (RetransSegs)", value: describe(retrans) },
      { label: "Segments sent (OutSegs)", value: describe(out) },
      ...(lossy ? [{ label: "Share", value: `${percentText(segments.part, segments.whole)} ${segments.windowed ? "in the window sampled" : "since boot"}` }] : []),
      ...(timeouts !== undefined && timeouts.value > 0 ? [{ label: "Retransmission timeouts (TCPTimeouts)", value: describe(timeouts) }] : []),
      ...(synRetrans !== undefined && synRetrans.value > 0
        ? [{ label: "SYNs and SYN-ACKs sent again (TCPSynRetrans)", value: `${describe(synRetrans)}, against ${thousands(handshakes.whole)} connections opened or attempted ${handshakes.windowed ? "in the window" : "since boot"} (ActiveOpens + PassiveOpens)` }]
        : []),
    ],
    actions: [
      { kind: "advice", text: "Find the peers: `ss -ti` shows each connection's retransmissions (retrans:, lost:); `mtr` to them shows where packets are lost, and `ip -s link` shows errors and drops on this host's interfaces." },
    ],
  };
};
