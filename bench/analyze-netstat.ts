/**
 * `socket-doctor analyze --json` against mawk's state count on the same generated 1,000,000-line
 * `netstat -ant` listing, side by side in one run (medians and ranges), with where its time goes, its peak
 * memory, a 2 GB stream on standard input, the listings with 50,000 keys of 20 KB each, and 5,000 snapshots of
 * `nstat -az` pasted one after another.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeHostile, type HostileShape } from "../test/support/hostile";
import { CLI, ROOT } from "../test/support/run-cli";
import { writeNetstat } from "./generate-netstat";

const MAWK_PROGRAM = "/^tcp/ {++S[$NF]} END {for (a in S) print a, S[a]}";
const RSS = join(ROOT, "bench", "rss-on-exit.cjs");
const PHASES = join(__dirname, "analyze-phases.js");

async function ensureInput(file: string, lines: number): Promise<void> {
  if (existsSync(file) && statSync(file).size > 70e6) return;
  await writeNetstat(file, lines);
}

interface Run {
  readonly ms: number;
  readonly stdout: string;
  /** Peak resident memory in MiB (runs under rss-on-exit.cjs), else 0. */
  readonly mib: number;
}

function run(cmd: string, args: string[], shell = false): Run {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, shell });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout, mib: Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[s.length >> 1] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
}

/** "median (min–max)". */
function spread(xs: readonly number[], digits = 0): string {
  return `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
}

function row(label: string, value: string): string {
  return `${label.padEnd(56)}${value}`;
}

export async function benchAnalyze(dataDir: string, runs = 9): Promise<string[]> {
  const file = join(dataDir, "netstat-1m.txt");
  await ensureInput(file, 1_000_000);
  const node = process.execPath;
  // One run first, so that every timed run finds the file in the page cache.
  run(node, [CLI, "analyze", "--json", file]);
  const mawk: number[] = [];
  const bare: number[] = [];
  const startup: number[] = [];
  const ours: number[] = [];
  const ratio: number[] = [];
  const mib: number[] = [];
  const phases: Record<string, number[]> = { read: [], scan: [], sort: [], report: [] };
  for (let i = 0; i < runs; i++) {
    // Side by side: each run of ours next to a run of mawk, the ratio taken pair by pair.
    const m = run("mawk", [MAWK_PROGRAM, file]).ms;
    const r = run(node, ["-r", RSS, CLI, "analyze", "--json", file]);
    mawk.push(m);
    ours.push(r.ms);
    ratio.push(r.ms / m);
    mib.push(r.mib);
    bare.push(run(node, ["-e", "0"]).ms);
    startup.push(run(node, [CLI, "--version"]).ms);
    const p = JSON.parse(run(node, [PHASES, file]).stdout) as Record<string, number>;
    for (const k of Object.keys(phases)) phases[k]?.push(p[k] as number);
  }
  const r = median(ratio);
  const peak = Math.max(...mib);
  const out = [
    `input: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, 1,000,000 lines); ${runs} runs, median (min–max) ms`,
    row("mawk state count", spread(mawk)),
    row("socket-doctor analyze --json", spread(ours)),
    row("ratio (socket-doctor / mawk, run by run)", `${spread(ratio, 2)}  ${r <= 1 ? "ok" : "OVER TARGET"} (target ≤ 1.0)`),
    row("  start-up: node -e 0", spread(bare)),
    row("  start-up: socket-doctor --version", spread(startup)),
    ...Object.entries(phases).map(([k, v]) => row(`  ${k}`, spread(v, 1))),
    row("peak memory of socket-doctor analyze", `${peak.toFixed(0)} MiB  ${peak < 64 ? "ok" : "OVER TARGET"} (target < 64 MiB)`),
  ];

  // 2 GB on standard input: the 1M-line listing 26 times over a pipe.
  const stream = run("sh", ["-c", `for i in $(seq 26); do cat "${file}"; done | "${node}" -r "${RSS}" "${CLI}" analyze --json > /dev/null`]);
  out.push(row("2 GB on standard input: time, peak memory", `${(stream.ms / 1000).toFixed(1)} s, ${stream.mib.toFixed(0)} MiB`));

  for (const shape of ["processes", "hosts"] as HostileShape[]) {
    const hostile = join(dataDir, `hostile-${shape}.txt`);
    if (!existsSync(hostile)) writeHostile(hostile, shape, 50_000, 20_000);
    const h = run(node, ["-r", RSS, CLI, "analyze", "--json", hostile]);
    out.push(row(`50,000 ${shape} of 20 KB (1 GB): time, peak memory`, `${(h.ms / 1000).toFixed(1)} s, ${h.mib.toFixed(0)} MiB`));
  }

  // Counter snapshots are kept first, latest and the one before: memory must not grow with their number.
  const snapshots = join(dataDir, "nstat-5000.txt");
  if (!existsSync(snapshots)) writeFileSync(snapshots, readFileSync(join(ROOT, "test", "fixtures", "counters", "listen-overflow", "nstat.txt"), "utf8").repeat(5000));
  const n = run(node, ["-r", RSS, CLI, "analyze", "--json", snapshots]);
  const sampled = (JSON.parse(n.stdout) as { sampling: { snapshots: number } | null }).sampling?.snapshots;
  out.push(row(`5,000 nstat -az (${(statSync(snapshots).size / 1e6).toFixed(0)} MB): time, peak memory`, `${(n.ms / 1000).toFixed(1)} s, ${n.mib.toFixed(0)} MiB, ${sampled} snapshots read`));
  return out;
}
