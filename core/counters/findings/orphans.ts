/** orphan-overflow: orphaned sockets against tcp_max_orphans (sockstat orphan, TCPAbortOnMemory). */
import { percentText, thousands } from "../../text/numbers";
import { describe } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { number, type CounterCheck, type CounterContext } from "./common";

/** Orphans now against tcp_max_orphans, when the input has both. */
export function orphanShare(c: CounterContext): number | undefined {
  const orphans = c.sockstat?.tcp?.orphan;
  const limit = number(c, "net.ipv4.tcp_max_orphans");
  return orphans !== undefined && limit !== undefined && limit > 0 ? orphans / limit : undefined;
}

export const orphanOverflow: CounterCheck = (c) => {
  const ratio = orphanShare(c);
  if (ratio === undefined || ratio < T.orphansWarning) return undefined;
  const orphans = c.sockstat?.tcp?.orphan as number;
  const limit = number(c, "net.ipv4.tcp_max_orphans") as number;
  const aborts = c.view.measure("TcpExtTCPAbortOnMemory");
  return {
    id: "orphan-overflow",
    severity: ratio >= T.orphansError ? "error" : "warning",
    title: `${thousands(orphans)} orphaned sockets: ${percentText(orphans, limit)} of tcp_max_orphans`,
    explanation:
      "An orphan is a connection the application has already closed while the kernel still finishes it (FIN_WAIT1, CLOSING, LAST_ACK). net.ipv4.tcp_max_orphans caps them for the whole host: past it the kernel resets orphans instead of finishing them (TCPAbortOnMemory, \"too many orphaned sockets\" in the kernel log), and from a half or a quarter of it it already resets those that stalled or received an ICMP error. The default is half the TCP hash table, sized from memory at boot; each orphan can hold up to about 64 KiB of unsent data. Many orphans mean peers that do not acknowledge this host's FINs: slow or vanished clients, a lossy path.",
    evidence: [
      { label: "Orphans now (sockstat orphan)", value: `${thousands(orphans)} of ${thousands(limit)}` },
      ...(aborts !== undefined ? [{ label: "TCPAbortOnMemory", value: describe(aborts) }] : []),
    ],
    actions: [
      { kind: "advice", text: "See which peers hold them: `ss -tan state fin-wait-1` and `ss -tan state last-ack` list the sockets waiting for an acknowledgement." },
      { kind: "advice", text: "Raise `net.ipv4.tcp_max_orphans` only with memory to spare; lowering `net.ipv4.tcp_orphan_retries` makes unanswered orphans give up sooner." },
    ],
  };
};
