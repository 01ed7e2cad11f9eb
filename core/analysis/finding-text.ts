/** What every finding module shares: its input, and how numbers, shares and leading rows are written. */
import { profile } from "../advice/profiles";
import type { ParseSummary } from "../netstat/types";
import { visibleBidi } from "../text/bidi";
import { percent, thousands } from "../text/numbers";
import type { AcceptQueues, Action, AnalysisFinding, Breakdowns, Counted, Facts, FindingSeverity, PortPressure, StateCounts, StateLeaders } from "./types";

export interface FindingInput {
  readonly states: StateCounts;
  readonly total: number;
  readonly summary: ParseSummary;
  readonly breakdowns: Breakdowns;
  readonly pressure: PortPressure;
  readonly distinctHosts: StateCounts;
  readonly acceptQueues: AcceptQueues;
  readonly facts: Facts;
}

export type Check = (input: FindingInput) => AnalysisFinding | undefined;

export const pct = (part: number, whole: number) => percent(part, whole);

/** Text from the listing, with its bidirectional controls made visible (see core/text/bidi.ts). */
export const pasted = visibleBidi;

/** "label (n), label (n)": leading rows, their keys from the listing. */
export function named(rows: readonly Counted[], label: (key: string) => string = (k) => k): string {
  return rows.map((r) => `${label(pasted(r.key))} (${thousands(r.count)})`).join(", ");
}

/** "n sockets" / "1 socket". */
export function sockets(n: number): string {
  return `${thousands(n)} socket${n === 1 ? "" : "s"}`;
}

/** A vetted profile's settings, then its notes. */
export function profileActions(id: string): Action[] {
  const p = profile(id);
  if (!p) return [];
  return [
    { kind: "settings", profile: p.id, title: p.title, settings: p.settings.map((s) => ({ key: s.key, value: s.value, why: s.why })) },
    ...p.notes.map((text): Action => ({ kind: "advice", text })),
  ];
}

/** The peers with the most sockets in a state: the remote endpoints, or the hosts when no endpoint has any. */
export function peers(leaders: StateLeaders): { label: string; value: string } {
  return leaders.endpoints.length > 0 ? { label: "Remote endpoints", value: named(leaders.endpoints) } : { label: "Remote hosts", value: named(leaders.hosts) };
}

/** A pile of one state from `threshold` sockets, its evidence the count and the peers holding the most. */
export function simplePile(id: string, state: keyof StateCounts, threshold: number, severity: FindingSeverity, title: string, explanation: string, advice: string): Check {
  return ({ states, facts }) => {
    const n = states[state];
    if (n < threshold) return undefined;
    return {
      id,
      severity,
      title: `${thousands(n)} ${title}`,
      explanation,
      evidence: [{ label: state, value: thousands(n) }, peers(facts.leaders[state])],
      actions: [{ kind: "advice", text: advice }],
    };
  };
}
