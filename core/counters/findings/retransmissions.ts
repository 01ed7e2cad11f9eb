/** retransmissions: segments sent again against segments sent (TcpRetransSegs / TcpOutSegs, TCPTimeouts, TCPSynRetrans). */
import type { FindingSeverity } from "../../analysis/types";
import { percentText, thousands } from "../../text/numbers";
import { describe, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, type CounterCheck } from "./common";

/** The window's value when the window has one, else the total. */
function weighed(m: Measure | undefined, windowed: boolean): number {
  return m === undefined ? 0 : windowed ? (m.recent?.value ?? 0) : m.value;
}

export const retransmissions: CounterCheck = (c) => {
  const retrans = c.view.measure("TcpRetransSegs");
  const out = c.view.measure("TcpOutSegs");
  if (retrans === undefined || out === undefined) return undefined;
  const synRetrans = c.view.measure("TcpExtTCPSynRetrans");
  // TCPSynRetrans counts SYN-ACKs sent again too (tcp_rtx_synack): weigh it against handshakes of both sides.
  const active = c.view.measure("TcpActiveOpens");
  const passive = c.view.measure("TcpPassiveOpens");
  const timeouts = c.view.measure("TcpExtTCPTimeouts");
  // Weigh the recent window when there is one: the totals since boot would dilute what happens now.
  const windowed = retrans.recent !== null && out.recent !== null;
  const r = weighed(retrans, windowed);
  const o = weighed(out, windowed);
  const ratio = o >= T.retransMinSegments ? r / o : 0;
  const syn = weighed(synRetrans, windowed);
  const opened = weighed(active, windowed) + weighed(passive, windowed);
  const lossy = ratio >= T.retransWarning;
  const unanswered = opened >= T.synRetransMinOpens && syn / opened >= T.synRetransShare;
  if (!lossy && !unanswered) return undefined;
  // Totals say loss happened at some time since boot: at most a warning.
  const severity: FindingSeverity = lossy && ratio >= T.retransError && windowed ? "error" : "warning";
  return {
    id: "retransmissions",
    severity,
    title: lossy ? `${percentText(r, o)} of TCP segments were sent again` : `SYNs or SYN-ACKs were sent again ${thousands(syn)} times for ${thousands(opened)} connections opened`,
    explanation:
      "TCP sends a segment again when it was not acknowledged in time (a retransmission timeout, TCPTimeouts) or when the peer's acknowledgements show a gap (a fast retransmit). A few percent of segments sent again slows every transfer, since the sender halves its rate at each loss, and adds latency: the path loses packets (a congested link, a faulty cable or NIC, a policer) or the peer is too overloaded to acknowledge. SYNs and SYN-ACKs sent again (TCPSynRetrans, both kinds in one counter) are handshakes the other side did not answer: for this host's own connections a full listen queue, a firewall that drops or a host that is down at the peer; for its listeners, clients that went away or never existed (spoofed SYNs)." +
      (windowed ? "" : coverage(retrans)),
    evidence: [
      { label: "Segments sent again (RetransSegs)", value: describe(retrans) },
      { label: "Segments sent (OutSegs)", value: describe(out) },
      ...(lossy ? [{ label: "Share", value: `${percentText(r, o)} ${windowed ? "in the window sampled" : "since boot"}` }] : []),
      ...(timeouts !== undefined && timeouts.value > 0 ? [{ label: "Retransmission timeouts (TCPTimeouts)", value: describe(timeouts) }] : []),
      ...(synRetrans !== undefined && synRetrans.value > 0 ? [{ label: "SYNs and SYN-ACKs sent again (TCPSynRetrans)", value: `${describe(synRetrans)}, against ${thousands(opened)} connections opened (ActiveOpens + PassiveOpens)` }] : []),
    ],
    actions: [
      { kind: "advice", text: "Find the peers: `ss -ti` shows each connection's retransmissions (retrans:, lost:); `mtr` to them shows where packets are lost, and `ip -s link` shows errors and drops on this host's interfaces." },
    ],
  };
};
