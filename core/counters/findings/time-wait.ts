/** tw-bucket-overflow: the kernel destroyed TIME_WAIT state (TcpExtTCPTimeWaitOverflow). */
import type { Action } from "../../analysis/types";
import { thousands } from "../../text/numbers";
import { describe } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, now, number, severityOf, vetted, type CounterCheck, type CounterContext } from "./common";

/**
 * This namespace's boot-time tcp_max_tw_buckets, where the input says: half its TCP hash table
 * (tcp_ipv4.c tcp_set_hashinfo), whose size net.ipv4.tcp_ehash_entries reads (negative where the namespace
 * shares the host's table).
 */
function defaultTwBuckets(c: CounterContext): { buckets: number; entries: number } | undefined {
  const ehash = number(c, "net.ipv4.tcp_ehash_entries");
  return ehash === undefined || ehash === 0 ? undefined : { buckets: Math.abs(ehash) / 2, entries: Math.abs(ehash) };
}

/** What the limit is against this host's own default, when both are known. */
function againstDefault(c: CounterContext, limit: number | undefined): Action[] {
  const d = defaultTwBuckets(c);
  if (d === undefined || limit === undefined) return [];
  const table = `half of its TCP hash table of ${thousands(d.entries)} entries (net.ipv4.tcp_ehash_entries)`;
  return [
    {
      kind: "advice",
      text:
        limit < d.buckets
          ? `This host's default is ${thousands(d.buckets)}, ${table}, and the limit was lowered to ${thousands(limit)}: deleting the line that lowers \`net.ipv4.tcp_max_tw_buckets\` gives the default back.`
          : `The limit, ${thousands(limit)}, is ${limit === d.buckets ? "this host's default" : `above this host's default of ${thousands(d.buckets)}`} (${table}): TIME_WAIT entries really fill it, so only a higher limit or fewer closes on this side help.`,
    },
  ];
}

export const timeWaitOverflow: CounterCheck = (c) => {
  const over = c.view.measure("TcpExtTCPTimeWaitOverflow");
  if (over === undefined || over.value === 0) return undefined;
  const limit = number(c, "net.ipv4.tcp_max_tw_buckets");
  const tw = c.sockstat?.tcp?.tw;
  const byDefault = defaultTwBuckets(c);
  return {
    id: "tw-bucket-overflow",
    // Any overflow at all means a limit was lowered or is too small: a warning even as a total.
    severity: severityOf(over, 1, T.twOverflowRate),
    title: `${now(over) ? "TIME_WAIT state is being destroyed" : "TIME_WAIT state was destroyed"}: ${thousands(now(over) ? (over.recent?.value ?? 0) : over.value)} connections closed without it`,
    explanation:
      "The side that closes a connection first keeps a TIME_WAIT entry for 60 seconds, so that late segments of the old connection cannot be taken for part of a new one on the same ports. net.ipv4.tcp_max_tw_buckets caps these entries per network namespace (orphaned FIN_WAIT2 sockets use them too); at the cap the kernel skips TIME_WAIT and closes the socket at once, and counts TCPTimeWaitOverflow. The default is half the TCP hash table, sized from memory at boot (131,072 on a host with 16 to 32 GiB, 262,144 above), and the kernel documentation says not to lower it: a lower value is nearly always folk advice meant to make TIME_WAIT piles go away. Each entry costs a few hundred bytes." +
      coverage(over),
    evidence: [
      { label: "TCPTimeWaitOverflow", value: describe(over) },
      ...(tw !== undefined ? [{ label: "TIME_WAIT entries now (sockstat tw)", value: limit !== undefined ? `${thousands(tw)} of ${thousands(limit)}` : thousands(tw) }] : []),
      ...(limit !== undefined ? [{ label: "net.ipv4.tcp_max_tw_buckets", value: thousands(limit) }] : []),
      ...(byDefault !== undefined ? [{ label: "This host's default (half of net.ipv4.tcp_ehash_entries)", value: thousands(byDefault.buckets) }] : []),
    ],
    actions: [...againstDefault(c, limit), ...vetted("tw-buckets", c)],
  };
};
