/**
 * When a kernel counter becomes a finding. docs/counters.md gives the reasoning for each number; the tests pin
 * them. Totals (one snapshot) say something happened since boot; a recent window (two snapshots, nstat's
 * increments) says it is happening now, and with the window's length, how often.
 */
export const COUNTER_THRESHOLDS = {
  /** Packets dropped at full accept queues since boot from which the finding is a warning: a few at a restart are common. */
  listenOverflowTotal: 1000,
  /** Such packets a second, now, that make it an error: each is a SYN or ACK the client sends again a second or more later. */
  listenOverflowRate: 1,
  /**
   * SYNs and handshake ACKs dropped or answered with cookies, against those plus the connections accepted
   * (PassiveOpens), from which a total is a warning whatever its size: on a quiet host a hundred drops can be
   * most of its clients. Drops are packets and a client retries, so the share is an upper bound on clients.
   */
  attemptShare: 0.01,
  /** SYNs dropped or answered with cookies since boot from which the finding is a warning. */
  synQueueTotal: 1000,
  /** Such SYNs a second, now, that make it an error. */
  synQueueRate: 10,
  /** SyncookiesRecv / SyncookiesSent from which the cookies are answered by real clients: a burst, not a flood. */
  cookiesAnswered: 0.5,
  /** Below this share hardly any cookie comes back: spoofed sources, a flood. */
  cookiesUnanswered: 0.1,
  /** TIME_WAIT states destroyed a second, now, that make it an error (any at all is a warning). */
  twOverflowRate: 1,
  /** Connections killed for memory (TCPAbortOnMemory) a second, now, that make it an error. */
  abortOnMemoryRate: 1,
  /** Orphans against tcp_max_orphans: from a quarter the kernel kills orphans that had an error or stalled. */
  orphansWarning: 0.25,
  orphansError: 1,
  /** conntrack entries against nf_conntrack_max: the garbage collector hurries from 95%, new flows fail at 100%. */
  conntrackWarning: 0.8,
  conntrackError: 0.95,
  /** Retransmitted segments against segments sent. */
  retransWarning: 0.02,
  retransError: 0.1,
  /** Segments sent below which a retransmission share says little. */
  retransMinSegments: 1000,
  /** SYNs and SYN-ACKs sent again against connections opened (both sides) from which handshakes go unanswered. */
  synRetransShare: 0.05,
  /** Connections opened below which that share says little. */
  synRetransMinOpens: 100,
  /** Receive-queue drops a second, now, that make that finding an error. */
  receiveDropRate: 1,
  /** Packets dropped at full per-CPU input backlogs (softnet_stat dropped) since boot from which the finding is a warning. */
  softnetDropTotal: 1000,
  /** Such drops a second, now, that make it an error: each is a packet lost before any socket saw it. */
  softnetDropRate: 1,
  /** Rounds of the receive softirq cut short with packets left (time_squeeze) a second, now, that make a finding. */
  softnetSqueezeRate: 1,
  /** The same between two readings whose interval is unknown. */
  softnetSqueezes: 10,
} as const;
