#!/usr/bin/env node
/** socket-doctor: the command line over the same core as the editor. */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { parseKernelVersion } from "../core/catalogue/version";
import type { CommandResult } from "./explain-command";
import { FORMAT_NAMES, isFormatName, type FormatName } from "../core/netstat/types";
import { analyzeInputs, fileInput, liveInputs, render } from "./analyze-command";
import { livePortOptions } from "./live-ports";
import { InputError } from "./read-text";

const USAGE_ERROR = 2;

/**
 * lint, explain, keys, profiles and apply, with the catalogue, the rules and the planner: required when one of
 * them runs (a bundle of their own, dist/sysctl-commands.js), so that `analyze` starts without compiling them.
 */
function sysctlCommands(): typeof import("./sysctl-commands") {
  return require("./sysctl-commands.js") as typeof import("./sysctl-commands");
}

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
  .description("Check sysctl.conf files, explain Linux sysctl keys, insert vetted settings, analyze socket listings.")
  .version(process.env.SOCKET_DOCTOR_VERSION ?? "dev")
  .showHelpAfterError()
  .exitOverride();

program
  .command("lint")
  .description("check sysctl.conf files (exit 1 when any error is found, 2 when a file cannot be read)")
  .argument("<file...>", "files to check; - reads standard input")
  .option("--json", "print one JSON array of findings")
  .option("--kernel <X.Y>", "the kernel version the files are for (default: the newest known)", kernelOption)
  .option("--live", "the files are this machine's: report values that differ from /proc/sys (Linux)")
  .action((files: string[], opts: { json?: boolean; kernel?: string; live?: boolean }) => {
    const { runLint, liveValue } = sysctlCommands();
    const result = runLint(files, { ...opts, live: opts.live ? liveValue : undefined });
    for (const e of result.errors) process.stderr.write(`socket-doctor: ${e}\n`);
    finish(result);
  });

program
  .command("explain")
  .description("describe sysctl keys (exit 1 when a key is unknown)")
  .argument("<key...>", "keys such as net.ipv4.tcp_fin_timeout or net.ipv4.conf.eth0.rp_filter")
  .option("--json", "print one JSON array, in argument order")
  .action((keys: string[], opts: { json?: boolean }) => finish(sysctlCommands().runExplain(keys, opts)));

program
  .command("keys")
  .description("list every key in the catalogue")
  .option("--json", "print the whole catalogue as JSON")
  .action((opts: { json?: boolean }) => finish(sysctlCommands().runKeys(opts)));

program
  .command("profiles")
  .description("list the vetted settings profiles that apply can insert")
  .option("--json", "print the profiles as one JSON array")
  .action((opts: { json?: boolean }) => finish(sysctlCommands().runProfiles(opts)));

program
  .command("apply")
  .summary("print FILE with a profile's settings inserted, or a diff; never writes FILE")
  .description(
    "print FILE as it would be with a profile's settings inserted, or a unified diff; never writes FILE. Limits are " +
      "only raised and ranges only widened, keys FILE sets are updated in place, and keys that a later file of its " +
      "sysctl --system set overrides are left to that file. What changed goes to standard error. Exit 2 on an " +
      "unknown profile or an unreadable file.",
  )
  .argument("<profile>", "a profile id (see: socket-doctor profiles)")
  .argument("<file>", "the sysctl file; - reads standard input")
  .option("--diff", "print a unified diff instead of the whole file")
  .action((id: string, file: string, opts: { diff?: boolean }) => {
    const result = sysctlCommands().runApply(id, file, opts);
    if (result.report) process.stderr.write(`${result.exitCode === 0 ? "" : "socket-doctor: "}${result.report}\n`);
    finish(result);
  });

program
  .command("analyze")
  .description("count TCP states in netstat, ss or /proc/net/tcp output and explain what the piles mean")
  .argument("[file]", "a saved listing; - or nothing reads standard input")
  .option("--format <name>", `read the input as one format: auto, ${FORMAT_NAMES.join(", ")}`, "auto")
  .option("--port-range <port...>", "the host's local port range LO HI (default 32768 60999; with --live, this machine's)")
  .option("--json", "print the analysis as one JSON object")
  .option("--markdown", "print a Markdown report")
  .option("--live", "read this machine's /proc/net/tcp and /proc/net/tcp6, and its port range and reserved ports (Linux)")
  .action(async (file: string | undefined, opts: { format: string; portRange?: string[]; json?: boolean; markdown?: boolean; live?: boolean }) => {
    if (opts.format !== "auto" && !isFormatName(opts.format)) {
      usage(`--format: expected auto or one of ${FORMAT_NAMES.join(", ")}`);
    }
    // --port-range takes two values; a variadic option also swallows the FILE that may follow them.
    const [lo, hi, extra, ...rest] = opts.portRange ?? [];
    const input = extra ?? file;
    if (rest.length > 0 || (extra !== undefined && file !== undefined)) usage("analyze takes one FILE");
    const range = opts.portRange ? portRange(lo, hi) : undefined;
    if (opts.live && input !== undefined) usage("--live reads this machine's sockets; give no FILE with it");
    try {
      const analysis = await analyzeInputs(opts.live ? liveInputs() : [fileInput(input ?? "-")], {
        ...(opts.format !== "auto" ? { format: opts.format as FormatName } : {}),
        // A live capture is read with this machine's ports, unless --port-range says otherwise.
        ...(range ? { portRange: range, rangeSource: "--port-range" } : opts.live ? livePortOptions() : {}),
      });
      process.stdout.write(render(analysis, { json: opts.json, markdown: opts.markdown }));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      process.stderr.write(`socket-doctor: ${err.message}\n`);
      process.exitCode = USAGE_ERROR;
    }
  });

/** Reports a usage error the way commander does (message, then exit status 2). */
function usage(message: string): never {
  program.error(`error: ${message}`, { exitCode: USAGE_ERROR });
  throw new Error(message); // not reached: program.error throws under exitOverride
}

function portRange(lo: string | undefined, hi: string | undefined): { low: number; high: number } {
  const low = Number(lo);
  const high = Number(hi);
  const port = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  if (!port(low) || !port(high) || low > high) usage("--port-range: expected two ports LO HI with LO <= HI, such as 32768 60999");
  return { low, high };
}

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // commander has already printed its message; --help and --version exit 0.
    process.exitCode = err.exitCode === 0 ? 0 : USAGE_ERROR;
  } else {
    process.stderr.write(`socket-doctor: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
  }
});
