/** tw-bucket-overflow: the kernel destroyed TIME_WAIT state (TcpExtTCPTimeWaitOverflow). */
import { thousands } from "../../text/numbers";
import { describe } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, now, number, severityOf, vetted, type CounterCheck } from "./common";

export const timeWaitOverflow: CounterCheck = (c) => {
  const over = c.view.measure("TcpExtTCPTimeWaitOverflow");
  if (over === undefined || over.value === 0) return undefined;
  const limit = number(c, "net.ipv4.tcp_max_tw_buckets");
  const tw = c.sockstat?.tcp?.tw;
  return {
    id: "tw-bucket-overflow",
    // Any overflow at all means a limit was lowered or is too small: a warning even as a total.
    severity: severityOf(over, 1, T.twOverflowRate),
    title: `${now(over) ? "TIME_WAIT state is being destroyed" : "TIME_WAIT state was destroyed"}: ${thousands(now(over) ? (over.recent?.value ?? 0) : over.value)} connections closed without it`,
    explanation:
      "The side that closes a connection first keeps a TIME_WAIT entry for 60 seconds, so that late segments of the old connection cannot be taken for part of a new one on the same ports. net.ipv4.tcp_max_tw_buckets caps these entries per network namespace (orphaned FIN_WAIT2 sockets use them too); at the cap the kernel skips TIME_WAIT and closes the socket at once, and counts TCPTimeWaitOverflow. The default is half the TCP hash table, sized from memory at boot, and the kernel documentation says not to lower it: a lower value is nearly always folk advice meant to make TIME_WAIT piles go away. Each entry costs a few hundred bytes." +
      coverage(over),
    evidence: [
      { label: "TCPTimeWaitOverflow", value: describe(over) },
      ...(tw !== undefined ? [{ label: "TIME_WAIT entries now (sockstat tw)", value: limit !== undefined ? `${thousands(tw)} of ${thousands(limit)}` : thousands(tw) }] : []),
      ...(limit !== undefined ? [{ label: "net.ipv4.tcp_max_tw_buckets", value: thousands(limit) }] : []),
    ],
    actions: vetted("tw-buckets", c),
  };
};
