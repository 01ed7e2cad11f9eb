import type { Assignment } from "../sysctl/parse";
import { setValueFix } from "./fixes";
import { harmRule, type Applied } from "./harm";

const off = (v: Applied) => v.ints[0] === 0;
const turnOn = (key: string) => (a: Assignment) => [setValueFix(a, "1", `Set ${key} to 1 (the default)`)];

/** TCP options negotiated in the handshake that old guides turn off; each one's loss has a price. */
export const tcpFeatureOff = harmRule(
  "tcp-feature-off",
  "tcp_sack, tcp_window_scaling or tcp_timestamps turned off: TCP loses what the option gives (loss recovery, windows above 64 KiB, PAWS and tcp_tw_reuse).",
  [
    {
      key: "net.ipv4.tcp_sack",
      harmful: off,
      message: () =>
        "With tcp_sack = 0 the receiver can only acknowledge data up to the first gap, so TCP learns of one lost segment per round trip: several losses in one window take several round trips or a retransmission timeout to repair, and throughput collapses on lossy or long paths. Leave SACK on (1, the default).",
      fixes: turnOn("tcp_sack"),
    },
    {
      key: "net.ipv4.tcp_window_scaling",
      harmful: off,
      message: () =>
        "With tcp_window_scaling = 0 new connections cannot offer a receive window above 64 KiB, which caps each one at 64 KiB per round trip (about 5 Mbit/s at 100 ms) whatever tcp_rmem allows. Leave it at 1 (the default).",
      fixes: turnOn("tcp_window_scaling"),
    },
    {
      key: "net.ipv4.tcp_timestamps",
      harmful: off,
      message: () =>
        "With tcp_timestamps = 0 TCP loses three things: PAWS, its guard against old segments being taken for new data once sequence numbers wrap (every 3.4 seconds at 10 Gbit/s); round-trip samples for retransmitted data; and tcp_tw_reuse, which only reuses TIME_WAIT entries of connections that used timestamps. SYN cookies also lose window scaling and SACK. The default 1 gives each connection a random timestamp offset, so timestamps do not reveal the uptime: set it to 1.",
      fixes: turnOn("tcp_timestamps"),
    },
  ],
);
