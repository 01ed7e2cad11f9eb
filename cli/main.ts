#!/usr/bin/env node
/** socket-doctor: the command line over the same core as the editor. */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { parseKernelVersion } from "../core/catalogue/version";
import { runExplain, runKeys, type CommandResult } from "./explain-command";
import { runLint } from "./lint-command";
import { liveValue } from "../server/live";

const USAGE_ERROR = 2;

function kernelOption(value: string): string {
  const v = parseKernelVersion(value);
  if (!v) throw new InvalidArgumentError("expected a kernel version such as 6.1 or 5.15");
  return v;
}

function finish(result: CommandResult): void {
  process.stdout.write(result.output);
  process.exitCode = result.exitCode;
}

const program = new Command("socket-doctor")
  .description("Check sysctl.conf files and explain Linux TCP/IP sysctl keys.")
  .version(process.env.SOCKET_DOCTOR_VERSION ?? "dev")
  .showHelpAfterError()
  .exitOverride();

program
  .command("lint")
  .description("check sysctl.conf files (exit 1 when any error is found, 2 when a file cannot be read)")
  .argument("<file...>", "files to check; - reads standard input")
  .option("--json", "print one JSON array of findings")
  .option("--kernel <X.Y>", "the kernel version the files are for (default: the newest known)", kernelOption)
  .option("--live", "also compare with this machine's current values in /proc/sys (Linux)")
  .action((files: string[], opts: { json?: boolean; kernel?: string; live?: boolean }) => {
    const result = runLint(files, { ...opts, live: opts.live ? liveValue : undefined });
    for (const e of result.errors) process.stderr.write(`socket-doctor: ${e}\n`);
    finish(result);
  });

program
  .command("explain")
  .description("describe sysctl keys (exit 1 when a key is unknown)")
  .argument("<key...>", "keys such as net.ipv4.tcp_fin_timeout or net.ipv4.conf.eth0.rp_filter")
  .option("--json", "print one JSON array, in argument order")
  .action((keys: string[], opts: { json?: boolean }) => finish(runExplain(keys, opts)));

program
  .command("keys")
  .description("list every key in the catalogue")
  .option("--json", "print the whole catalogue as JSON")
  .action((opts: { json?: boolean }) => finish(runKeys(opts)));

try {
  program.parse();
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has already printed its message; --help and --version exit 0.
    process.exitCode = err.exitCode === 0 ? 0 : USAGE_ERROR;
  } else {
    process.stderr.write(`socket-doctor: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
  }
}
