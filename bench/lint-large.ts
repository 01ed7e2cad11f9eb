/**
 * `socket-doctor lint` on 1,000,000-line sysctl files: three keys repeated (a finding on nearly every line) in
 * each output format, and a million distinct keys. Wall time, CPU time and peak memory of the whole process
 * (the machine is shared: CPU time is the steadier figure).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { CLI, ROOT } from "../test/support/run-cli";

const RSS = join(ROOT, "bench", "rss-on-exit.cjs");
const LINES = 1_000_000;

async function write(file: string, line: (i: number) => string): Promise<void> {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  for (let i = 0; i < LINES; i += 10_000) {
    if (!out.write(Array.from({ length: 10_000 }, (_, j) => line(i + j)).join("\n") + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
}

const REPEATED = ["net.ipv4.tcp_fin_timeout = 30", "net.ipv4.tcp_tw_reuse = 1", "net.core.somaxconn = 4096"];

function run(args: string[]): string {
  const t0 = performance.now();
  // Output to /dev/null: what is measured is making it, not a pipe to this process.
  const r = spawnSync(process.execPath, ["-r", RSS, CLI, "lint", ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  const cpu = Number(/^cpu (\d+)$/m.exec(r.stderr)?.[1]) / 1e6;
  const mib = Number(/^maxRSS (\d+)$/m.exec(r.stderr)?.[1]) / 1024;
  return `${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${mib.toFixed(0)} MiB peak`;
}

export async function benchLint(dataDir: string): Promise<string[]> {
  const repeated = join(dataDir, "sysctl-1m-repeated.conf");
  const distinct = join(dataDir, "sysctl-1m-distinct.conf");
  await write(repeated, (i) => REPEATED[i % 3] as string);
  await write(distinct, (i) => `net.ipv4.conf.eth${i}.rp_filter = 1`);
  const row = (label: string, value: string) => `${label.padEnd(56)}${value}`;
  return [
    row("1M lines, 3 keys repeated (1.33M findings), text", run([repeated])),
    row("1M lines, 3 keys repeated, --format json", run(["--format", "json", repeated])),
    row("1M lines, 3 keys repeated, --format sarif", run(["--format", "sarif", repeated])),
    row("1M lines, 1M distinct keys, --format json", run(["--format", "json", distinct])),
  ];
}
