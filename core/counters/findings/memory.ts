/** tcp-memory-pressure: TCP ran short of memory (TCPMemoryPressures, TCPAbortOnMemory, sockstat mem against tcp_mem). */
import type { FindingSeverity } from "../../analysis/types";
import { thousands } from "../../text/numbers";
import { describe, type Measure } from "../sampling";
import { COUNTER_THRESHOLDS as T } from "../thresholds";
import { coverage, numbers, severityOf, worst, type CounterCheck } from "./common";
import { orphanShare } from "./orphans";

export const memoryPressure: CounterCheck = (c) => {
  const pressures = c.view.measure("TcpExtTCPMemoryPressures");
  const chrono = c.view.measure("TcpExtTCPMemoryPressuresChrono");
  const aborts = c.view.measure("TcpExtTCPAbortOnMemory");
  const mem = c.sockstat?.tcp?.mem;
  const limits = numbers(c, "net.ipv4.tcp_mem");
  const [, pressure, high] = limits?.length === 3 ? limits : [];
  const overPressure = mem !== undefined && pressure !== undefined && mem > pressure;
  const overHigh = mem !== undefined && high !== undefined && mem > high;
  // Aborts that the orphan limit explains are orphan-overflow's; without memory evidence they are not ours.
  const orphans = orphanShare(c);
  const abortsHere = aborts !== undefined && aborts.value > 0 && !(orphans !== undefined && orphans >= T.orphansWarning && !overPressure);
  const pressured = pressures !== undefined && pressures.value > 0;
  if (!pressured && !abortsHere && !overPressure) return undefined;
  const levels: FindingSeverity[] = [];
  if (pressured) levels.push(severityOf(pressures, Infinity, Infinity));
  if (abortsHere) levels.push(severityOf(aborts, 1, T.abortOnMemoryRate));
  if (overPressure) levels.push(overHigh ? "error" : "warning");
  const shown = (label: string, m: Measure | undefined) => (m !== undefined ? [{ label, value: describe(m) }] : []);
  return {
    id: "tcp-memory-pressure",
    severity: worst(...levels),
    title: overHigh ? "TCP is out of memory: it refuses data and resets connections" : overPressure ? "TCP is under memory pressure now" : abortsHere ? "Connections were reset for lack of TCP memory" : "TCP ran short of memory",
    explanation:
      "TCP counts the buffers of all its sockets against net.ipv4.tcp_mem, three numbers in pages (usually 4 KiB): low, pressure and high. Above the second it is under memory pressure and shrinks every socket's buffers until usage falls below the first (TCPMemoryPressures counts the times it entered, TCPMemoryPressuresChrono the milliseconds spent); above the third it refuses new data and resets orphaned connections (TCPAbortOnMemory, \"out of memory -- consider tuning tcp_mem\" in the kernel log). tcp_mem is one host-wide value sized from memory at boot, and sockstat's mem is the whole host's usage." +
      (abortsHere && limits === undefined ? " TCPAbortOnMemory also counts orphans reset past net.ipv4.tcp_max_orphans; with neither limit in the input, either may be the cause." : "") +
      // sockstat's usage is now; the counters say when by themselves.
      (pressured ? coverage(pressures) : abortsHere ? coverage(aborts) : ""),
    evidence: [
      ...(mem !== undefined ? [{ label: "TCP memory now (sockstat mem, pages)", value: limits?.length === 3 ? `${thousands(mem)}; tcp_mem ${limits.map(thousands).join(" / ")}` : thousands(mem) }] : []),
      ...shown("TCPMemoryPressures", pressures),
      ...shown("TCPMemoryPressuresChrono (ms)", chrono),
      ...shown("TCPAbortOnMemory", aborts),
    ],
    actions: [
      { kind: "advice", text: "Find what holds the memory: `ss -tm` shows each socket's buffers (skmem). Readers that stopped draining, CLOSE_WAIT piles and very large tcp_rmem/tcp_wmem maximums across many sockets are the usual causes." },
      { kind: "advice", text: "Raise `net.ipv4.tcp_mem` only with memory to spare, keeping its three values in order; it is in pages, so the boot-time high value is about 9% of RAM." },
    ],
  };
};
