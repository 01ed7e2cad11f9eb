/**
 * This machine, live: the kernel's counters, socket totals, conntrack figures and limits read straight from
 * /proc twice, `interval` apart, then its socket tables (`analyze --live`, the panel's Capture from This
 * Machine). No shell and no command runs; every file is only read. Counters are per network namespace: these
 * are the namespace this process runs in.
 */
import { existsSync } from "node:fs";
import { SETTINGS } from "../core/counters/sysctl-lines";
import { PROC_NET_TCP_TABLES } from "../core/netstat/proc-net-tcp";
import { liveValue } from "../server/live";

/**
 * What nstat reads, the socket totals, each CPU's input backlog figures (the host's), and conntrack's per-CPU
 * statistics (when its module is loaded).
 */
export const COUNTER_FILES: readonly string[] = ["/proc/net/snmp", "/proc/net/netstat", "/proc/net/snmp6", "/proc/net/sockstat", "/proc/net/sockstat6", "/proc/net/softnet_stat", "/proc/net/stat/nf_conntrack"];

/** Where the samples go: an analyser's input (files read through, text pushed) and its clock. */
export interface LiveSink {
  file(path: string): Promise<void> | void;
  text(text: string): void;
  mark(seconds: number): void;
}

export interface LiveOptions {
  /** Seconds between the two samples; 0 takes one sample (totals since boot only). */
  readonly interval: number;
  /**
   * Waits `seconds` between the samples, showing progress as it likes; resolves false when the user cancelled
   * (the capture then ends without an analysis).
   */
  readonly wait: (seconds: number) => Promise<boolean>;
}

/** The limits as `sysctl` prints them, which the analyser reads like a paste. Absent keys are left out. */
function settingsText(): string {
  return [...SETTINGS].flatMap((key) => {
    const v = liveValue(key);
    return v === undefined ? [] : [`${key} = ${v}\n`];
  }).join("");
}

async function sample(sink: LiveSink): Promise<void> {
  for (const path of COUNTER_FILES) if (existsSync(path)) await sink.file(path);
  sink.text(settingsText());
}

/** Samples into `sink`; false when cancelled. */
export async function sampleLive(sink: LiveSink, options: LiveOptions): Promise<boolean> {
  const started = performance.now();
  await sample(sink);
  if (options.interval > 0) {
    if (!(await options.wait(options.interval))) return false;
    sink.mark((performance.now() - started) / 1000);
    await sample(sink);
  }
  for (const table of PROC_NET_TCP_TABLES) if (existsSync(table)) await sink.file(table);
  return true;
}
