/** When a pile of sockets becomes a finding. docs/analysis.md explains each number; tests pin them. */
export const THRESHOLDS = {
  /** TIME_WAIT sockets worth a note even without port pressure. */
  timeWaitNote: 5000,
  /** Fewer TIME_WAIT sockets are worth the note when they are more than this share of all sockets... */
  timeWaitDominantShare: 0.5,
  /** ...and at least this many. */
  timeWaitDominant: 100,
  /** Share of the local port range one destination holds. */
  portPressureWarning: 0.5,
  portPressureError: 0.8,
  closeWaitWarning: 10,
  closeWaitError: 500,
  synRecvWarning: 100,
  synRecvError: 1000,
  /** Distinct remote hosts behind SYN_RECV sockets (over every row) from which a flood, not a few slow clients, is likely. */
  synRecvFloodSources: 20,
  /**
   * SYN_RECV sockets on a listener's port (with a non-empty accept queue whose limit is not shown), or this
   * host's own SYN_SENT sockets towards it, that read as a full accept queue.
   */
  acceptQueuePile: 5,
  /** Local ports outside the range that look ephemeral (OutsideRange) from which the range contradicts the listing: a warning, not a note. */
  outsidePorts: 50,
  finWait2Note: 500,
  /** FIN_WAIT1 + CLOSING + LAST_ACK: our FIN is not being acknowledged. */
  unackedFinWarning: 100,
  synSentWarning: 20,
  /** How many rows each breakdown keeps. */
  topRows: 20,
} as const;

/** Linux keeps a socket in TIME_WAIT for a fixed 60 seconds (TCP_TIMEWAIT_LEN). */
export const TIME_WAIT_SECONDS = 60;

export const DEFAULT_PORT_RANGE = { low: 32768, high: 60999 } as const;
