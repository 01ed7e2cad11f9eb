/**
 * `socket-doctor analyze --json` against mawk's state count on the same generated 1,000,000-line
 * `netstat -ant` listing, side by side in one run, plus the CLI's peak memory. Next to them, the floor
 * (netstat-floor.ts): the least JavaScript that counts the states alone, and that plus the breakdown tables.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { CLI, ROOT } from "../test/support/run-cli";
import { writeNetstat } from "./generate-netstat";
import { summarize } from "./stats";

const MAWK_PROGRAM = "/^tcp/ {++S[$NF]} END {for (a in S) print a, S[a]}";

async function ensureInput(file: string, lines: number): Promise<void> {
  if (existsSync(file) && statSync(file).size > 70e6) return;
  await writeNetstat(file, lines);
}

function time(cmd: string, args: string[]): { ms: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return { ms, stderr: r.stderr };
}

export async function benchAnalyze(dataDir: string, runs = 5): Promise<string[]> {
  const file = join(dataDir, "netstat-1m.txt");
  await ensureInput(file, 1_000_000);
  const mawk: number[] = [];
  const ours: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    mawk.push(time("mawk", [MAWK_PROGRAM, file]).ms);
    const r = time(process.execPath, ["-r", join(ROOT, "bench", "rss-on-exit.cjs"), CLI, "analyze", "--json", file]);
    ours.push(r.ms);
    rss = Math.max(rss, Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? 0));
  }
  const median = (xs: number[]) => summarize(xs).median;
  const ratio = median(ours) / median(mawk);
  const mb = rss / 1024;
  return [
    `input: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, 1,000,000 lines)`,
    `mawk state count                                   median ${median(mawk).toFixed(0).padStart(6)} ms`,
    `socket-doctor analyze --json                       median ${median(ours).toFixed(0).padStart(6)} ms`,
    `ratio (socket-doctor / mawk)                       ${ratio.toFixed(2)}  ${ratio <= 1 ? "ok" : "OVER TARGET"} (target ≤ 1.0)`,
    `peak memory of socket-doctor analyze               ${mb.toFixed(0)} MB  ${mb < 150 ? "ok" : "OVER TARGET"} (target < 150 MB)`,
  ];
}
