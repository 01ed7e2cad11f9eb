/** The counter findings, in the order they are checked (the report sorts them by severity). */
import type { AnalysisFinding } from "../../analysis/types";
import type { CounterCheck, CounterContext } from "./common";
import { conntrackFull } from "./conntrack";
import { listenOverflow } from "./listen-overflow";
import { memoryPressure } from "./memory";
import { orphanOverflow } from "./orphans";
import { receiveQueuePruning } from "./receive-queue";
import { retransmissions } from "./retransmissions";
import { softnetDrops } from "./softnet";
import { synQueue } from "./syn-queue";
import { timeWaitOverflow } from "./time-wait";

export const COUNTER_CHECKS: readonly CounterCheck[] = [listenOverflow, synQueue, timeWaitOverflow, memoryPressure, orphanOverflow, conntrackFull, retransmissions, receiveQueuePruning, softnetDrops];

export function counterFindings(c: CounterContext): AnalysisFinding[] {
  return COUNTER_CHECKS.map((check) => check(c)).filter((f): f is AnalysisFinding => f !== undefined);
}
