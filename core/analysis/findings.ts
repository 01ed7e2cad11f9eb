/**
 * What the piles mean: each finding explains itself with this input's numbers and says what to do. One
 * module per family of findings; docs/analysis.md has a row per id (the counters' are in docs/counters.md).
 */
import { thousands } from "../text/numbers";
import { pasted, type Check, type FindingInput } from "./finding-text";
import { closeWaitFinding, finWait2Finding, unackedFinFinding } from "./findings-closing";
import { acceptQueueFinding, synRecvFinding, synSentFinding } from "./findings-handshakes";
import { portPressureFinding, rangeMismatchFinding, timeWaitFinding } from "./findings-ports";
import type { AnalysisFinding, FindingSeverity } from "./types";

export type { FindingInput } from "./finding-text";

const unparsedFinding: Check = ({ summary }) => {
  if (summary.unparsed === 0) return undefined;
  return {
    id: "unparsed-lines",
    severity: "information",
    title: `${thousands(summary.unparsed)} line(s) could not be read`,
    explanation: "These lines matched no socket-listing format Socket Doctor knows; they are left out of the counts. If they are sockets, name the format with --input-format.",
    evidence: summary.unparsedExamples.map((e) => ({ label: `Line ${e.line}`, value: e.reason === undefined ? pasted(e.text) : `${pasted(e.text)} (${e.reason})` })),
    actions: [],
  };
};

const emptyFinding: Check = ({ total }) => {
  if (total > 0) return undefined;
  return {
    id: "no-tcp-sockets",
    severity: "information",
    title: "No TCP sockets found",
    explanation: "The input holds no TCP socket lines. Paste the output of `netstat -ant`, `ss -tan` or `cat /proc/net/tcp`.",
    evidence: [],
    actions: [],
  };
};

const CHECKS: readonly Check[] = [
  portPressureFinding,
  rangeMismatchFinding,
  timeWaitFinding,
  acceptQueueFinding,
  closeWaitFinding,
  synRecvFinding,
  unackedFinFinding,
  finWait2Finding,
  synSentFinding,
  unparsedFinding,
  emptyFinding,
];
const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, information: 2 };

export function findings(input: FindingInput): AnalysisFinding[] {
  return CHECKS.map((c) => c(input))
    .filter((f): f is AnalysisFinding => f !== undefined)
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
