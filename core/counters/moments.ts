/**
 * When a reading was taken, on the input's own clock (Store.now: a live capture's sample times, or the sleeps
 * of the paste added up), and whether the time between two readings is known. Readings at the same clock
 * value with no sleep between them (a command pasted again) leave a gap: the interval across it is unknown.
 * Counter snapshots, conntrack's statistics and softnet_stat's readings all follow this rule.
 */
export interface Moment {
  readonly time: number;
  /** Readings so far taken with no time known since the one before: an interval is known only between equal values. */
  readonly gaps: number;
}

/** The moment of a reading at `time` after `previous`: one gap more when no time passed since it. */
export function momentAfter(previous: Moment | undefined, time: number): Moment {
  return { time, gaps: previous === undefined ? 0 : previous.gaps + (time <= previous.time ? 1 : 0) };
}

/** Seconds from `first` to `last`, when every reading between them had its sleep; else null. */
export function secondsBetween(first: Moment, last: Moment): number | null {
  return first.gaps === last.gaps && last.time > first.time ? last.time - first.time : null;
}
