/** What the counter blocks of an input read (store.ts), as the Analysis's sections: the same for JSON, reports and the panel. */
import { counterFindings } from "./findings/index";
import { CounterView } from "./sampling";
import { secondsBetween } from "./moments";
import type { Store } from "./store";
import type { AnalysisFinding } from "../analysis/types";
import type { Conntrack, Gauge, KernelSections, Sockstat } from "./types";

export interface KernelReport {
  readonly sections: KernelSections;
  readonly findings: readonly AnalysisFinding[];
}

export const NO_KERNEL_REPORT: KernelReport = {
  sections: { kernelFormats: [], counters: {}, sampling: null, sockstat: null, conntrack: null, softnet: null, sysctls: {}, gauges: [] },
  findings: [],
};

/** Whether the input had anything of the kernel's besides sockets. */
export function hasKernelData(s: KernelSections): boolean {
  return s.kernelFormats.length > 0;
}

function sockstatOf(store: Store): Sockstat | null {
  if (store.sockstat.size === 0) return null;
  return Object.fromEntries([...store.sockstat].map(([protocol, fields]) => [protocol, Object.fromEntries(fields)]));
}

function numberOf(sysctls: Readonly<Record<string, string>>, key: string): number | null {
  const v = sysctls[key];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

function conntrackOf(store: Store, sysctls: Readonly<Record<string, string>>): Conntrack | null {
  const count = numberOf(sysctls, "net.netfilter.nf_conntrack_count");
  const max = numberOf(sysctls, "net.netfilter.nf_conntrack_max");
  const buckets = numberOf(sysctls, "net.netfilter.nf_conntrack_buckets");
  const first = store.statFirst;
  const last = store.statLast;
  const listing = store.listing.report();
  if (count === null && max === null && last === undefined && listing === null) return null;
  const statChanges: Record<string, number> = {};
  let consistent = true;
  if (first !== undefined && last !== undefined && first !== last) {
    for (const [k, v] of last.values) {
      const before = first.values.get(k);
      if (before === undefined) continue;
      if (v < before) consistent = false;
      statChanges[k] = v - before;
    }
  }
  const series = store.statCount >= 2 && consistent;
  return {
    count,
    max,
    buckets,
    stats: last !== undefined ? Object.fromEntries(last.values) : null,
    cpus: last?.cpus ?? 0,
    statReadings: store.statCount,
    statChanges: series ? statChanges : {},
    statSeconds: series && last !== undefined && first !== undefined ? secondsBetween(first, last) : null,
    listing,
  };
}

function gaugesOf(sockstat: Sockstat | null, conntrack: Conntrack | null, sysctls: Readonly<Record<string, string>>): Gauge[] {
  const out: Gauge[] = [];
  const tcp = sockstat?.tcp;
  const limit = (key: string) => numberOf(sysctls, key);
  const twLimit = limit("net.ipv4.tcp_max_tw_buckets");
  if (tcp?.tw !== undefined && twLimit !== null) {
    out.push({ id: "time-wait", label: "TIME_WAIT entries", used: tcp.tw, limit: twLimit, threshold: null, unit: "entries", setting: "net.ipv4.tcp_max_tw_buckets" });
  }
  const mem = (sysctls["net.ipv4.tcp_mem"] ?? "").split(" ").map(Number);
  if (tcp?.mem !== undefined && mem.length === 3 && mem.every((n) => Number.isFinite(n) && n > 0)) {
    out.push({ id: "tcp-memory", label: "TCP memory", used: tcp.mem, limit: mem[2] as number, threshold: mem[1] as number, unit: "pages", setting: "net.ipv4.tcp_mem" });
  }
  const orphanLimit = limit("net.ipv4.tcp_max_orphans");
  if (tcp?.orphan !== undefined && orphanLimit !== null) {
    out.push({ id: "orphans", label: "Orphaned sockets", used: tcp.orphan, limit: orphanLimit, threshold: null, unit: "sockets", setting: "net.ipv4.tcp_max_orphans" });
  }
  if (conntrack !== null && conntrack.count !== null && conntrack.max !== null) {
    out.push({ id: "conntrack", label: "Connection-tracking entries", used: conntrack.count, limit: conntrack.max, threshold: null, unit: "entries", setting: "net.netfilter.nf_conntrack_max" });
  }
  return out;
}

export function kernelReport(store: Store): KernelReport {
  store.snapshots.settle();
  const view = new CounterView(store);
  const sysctls = Object.fromEntries(store.sysctls);
  const sockstat = sockstatOf(store);
  const conntrack = conntrackOf(store, sysctls);
  const softnet = store.softnet.report();
  return {
    sections: { kernelFormats: store.sources.slice(), counters: view.counters, sampling: view.sampling, sockstat, conntrack, softnet, sysctls, gauges: gaugesOf(sockstat, conntrack, sysctls) },
    findings: counterFindings({ view, sockstat, conntrack, softnet, sysctls }),
  };
}
