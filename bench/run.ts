/** `npm run bench`: runs every benchmark and prints its figures against the targets. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../test/support/run-cli";
import { benchAnalyze } from "./analyze-netstat";
import { benchLint } from "./lint-large";
import { benchSysctlServer } from "./sysctl-server";

async function main(): Promise<void> {
  const dataDir = join(ROOT, "bench", "data");
  mkdirSync(dataDir, { recursive: true });
  console.log(`Socket Doctor benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  console.log("\nsysctl.conf language server");
  for (const l of await benchSysctlServer(dataDir)) console.log("  " + l);
  console.log("\nsocket-doctor lint on 1,000,000-line files");
  for (const l of await benchLint(dataDir)) console.log("  " + l);
  console.log("\nsocket-state analysis");
  for (const l of await benchAnalyze(dataDir)) console.log("  " + l);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
