#!/usr/bin/env node
/** socket-doctor: the command line over the same core as the editor. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { parseKernelVersion } from "../core/catalogue/version";
import type { CommandResult } from "./explain-command";
import { FORMAT_NAMES, isFormatName, type FormatName } from "../core/netstat/types";
import { ANALYZE_FORMATS, analyzeInputs, analyzeLive, fileInput, render, type AnalyzeFormat } from "./analyze-command";
import { livePortOptions } from "./live-ports";
import type { FailOn } from "./lint-command";
import { LINT_FORMATS, type LintFormat } from "./lint-format";
import { BROKEN_PIPE, COLOR_MODES, escapeControls, paint, stdout, useColor, type ColorMode } from "./output";
import { InputError, STDIN } from "./read-text";

const USAGE_ERROR = 2;
const VERSION = process.env.SOCKET_DOCTOR_VERSION ?? "dev";
const out = stdout();

/**
 * lint, verify, explain, keys, profiles and apply, with the catalogue, the rules and the planner: required when
 * one of them runs (a bundle of their own, dist/sysctl-commands.js), so that `analyze` starts without them.
 */
function sysctlCommands(): typeof import("./sysctl-commands") {
  return require("./sysctl-commands.js") as typeof import("./sysctl-commands");
}

function kernelOption(value: string): string {
  const v = parseKernelVersion(value);
  if (!v) throw new InvalidArgumentError("expected a kernel version such as 6.1 or 5.15");
  return v;
}

async function finish(result: CommandResult): Promise<void> {
  await out.write(result.output);
  process.exitCode = result.exitCode;
}

/** A message on standard error; what it quotes from the arguments or the input is shown, never obeyed. */
function warn(line: string): void {
  process.stderr.write(`socket-doctor: ${escapeControls(line)}\n`);
}

/** `--format F`, or its short form (`--json`); both at once must agree. */
function formatOf<F extends string>(format: F | undefined, short: F | undefined, fallback: F): F {
  if (format !== undefined && short !== undefined && format !== short) usage(`--format ${format} and --${short} disagree`);
  return format ?? short ?? fallback;
}

const colorOption = () => new Option("--color <when>", "colour the output: auto (a terminal, unless NO_COLOR is set), always, never").choices(COLOR_MODES).default("auto");

const program = new Command("socket-doctor")
  .description("Check sysctl.conf files, explain Linux sysctl keys, insert vetted settings, analyze socket listings and kernel counters.")
  .version(VERSION)
  .showHelpAfterError()
  // commander's errors quote the argument they refuse (an unknown command, an option's value). Set before the
  // subcommands are made: each copies it.
  .configureOutput({ outputError: (message, write) => write(escapeControls(message)) })
  .exitOverride()
  .addHelpText(
    "after",
    `
Exit status:
  0    success: nothing at or above the failing level (lint, verify), every key known (explain)
  1    lint: a finding at or above --fail-on; verify: a setting differs, or is absent without a leading -;
       explain: an unknown key
  2    usage error, or an input that cannot be read (the other inputs are still processed)
  3    internal error
  ${BROKEN_PIPE}  the reader of the output went away (as a Unix tool killed by SIGPIPE)

- stands for standard input wherever a FILE is read. Colour: --color, or NO_COLOR=1 to turn it off.`,
  );

program
  .command("lint")
  .description("check sysctl.conf files (exit 1 when a finding reaches --fail-on, 2 when a file cannot be read)")
  .argument("[file...]", "files to check; - reads standard input. None (an empty xargs, a glob that matched nothing): an empty report, exit 0")
  .addOption(new Option("--format <format>", "output: text, json (one array), sarif (SARIF 2.1.0, for code scanning)").choices(LINT_FORMATS))
  .option("--json", "short for --format json")
  .addOption(new Option("--fail-on <level>", "the least severe finding that makes the exit status 1").choices(["error", "warning", "information"]).default("error"))
  .option("--kernel <X.Y>", "the kernel version the files are for (default: the newest known)", kernelOption)
  .option("--live", "the files are this machine's: report values that differ from /proc/sys (Linux)")
  .addOption(colorOption())
  .action(async (files: string[], opts: { format?: LintFormat; json?: boolean; failOn: FailOn; kernel?: string; live?: boolean; color: ColorMode }) => {
    const { runLint, liveValue } = sysctlCommands();
    const format = formatOf(opts.format, opts.json ? "json" : undefined, "text");
    process.exitCode = await runLint(
      files,
      {
        format,
        failOn: opts.failOn,
        ...(opts.kernel !== undefined ? { kernel: opts.kernel } : {}),
        ...(opts.live ? { live: liveValue } : {}),
        color: format === "text" && useColor(opts.color, process.stdout),
        version: VERSION,
      },
      out,
      warn,
    );
  });

program
  .command("verify")
  .description("compare what sysctl --system would set with this machine's /proc/sys (exit 1 when a setting differs or is absent)")
  .argument("[file...]", "sysctl files (- reads standard input); default: this machine's configured set, in the order sysctl --system applies it")
  .option("--json", 'print one JSON array of {"key", "file", "line", "expected", "live", "status"}')
  .addOption(colorOption())
  .action(async (files: string[], opts: { json?: boolean; color: ColorMode }) => {
    process.exitCode = await sysctlCommands().runVerify(files, { json: opts.json === true, color: !opts.json && useColor(opts.color, process.stdout) }, out, warn);
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
  .action(async (id: string, file: string, opts: { diff?: boolean }) => {
    const result = sysctlCommands().runApply(id, file, opts);
    if (result.report) process.stderr.write(`${result.exitCode === 0 ? "" : "socket-doctor: "}${escapeControls(result.report)}\n`);
    await finish(result);
  });

program
  .command("analyze")
  .description("count TCP states in netstat, ss or /proc/net/tcp output, weigh the kernel's counters (nstat, netstat -s, sockstat, conntrack) and limits beside them, and explain what they mean")
  .argument("[file]", "a saved listing or counters; - or nothing reads standard input")
  .option("--format <format>", `output: ${ANALYZE_FORMATS.join(", ")} (the text exposition node_exporter's textfile collector reads)`)
  .option("--json", "short for --format json")
  .option("--markdown", "short for --format markdown")
  .option("--input-format <name>", `read the input as one format: auto, ${FORMAT_NAMES.join(", ")}`, "auto")
  .option("--port-range <port...>", "the host's local port range LO HI (default 32768 60999; with --live, this machine's)")
  .option("--live", "read this machine's kernel counters (twice), limits, port range and sockets from /proc (Linux)")
  .option("--interval <seconds>", "with --live: seconds between the two samples of the counters; 0 takes one", seconds, 5)
  .addOption(colorOption())
  .action(async (file: string | undefined, opts: { format?: string; json?: boolean; markdown?: boolean; inputFormat: string; portRange?: string[]; live?: boolean; interval: number; color: ColorMode }, command: Command) => {
    // --format named the input format before it named the output: say where that moved.
    if (opts.format !== undefined && isFormatName(opts.format)) usage(`--format ${opts.format}: the input's format is now given with --input-format ${opts.format}`);
    if (opts.format !== undefined && !(ANALYZE_FORMATS as readonly string[]).includes(opts.format)) usage(`--format: expected one of ${ANALYZE_FORMATS.join(", ")}`);
    if (opts.json && opts.markdown) usage("--json and --markdown disagree");
    const format = formatOf(opts.format as AnalyzeFormat | undefined, opts.json ? "json" : opts.markdown ? "markdown" : undefined, "text");
    if (opts.inputFormat !== "auto" && !isFormatName(opts.inputFormat)) {
      usage(`--input-format: expected auto or one of ${FORMAT_NAMES.join(", ")}`);
    }
    // --port-range takes two values; a variadic option also swallows the FILE that may follow them.
    const [lo, hi, extra, ...rest] = opts.portRange ?? [];
    const input = extra ?? file;
    if (rest.length > 0 || (extra !== undefined && file !== undefined)) usage("analyze takes one FILE");
    const range = opts.portRange ? portRange(lo, hi) : undefined;
    if (opts.live && input !== undefined) usage("--live reads this machine's sockets; give no FILE with it");
    if (!opts.live && command.getOptionValueSource("interval") === "cli") usage("--interval goes with --live");
    try {
      const options = {
        ...(opts.inputFormat !== "auto" ? { format: opts.inputFormat as FormatName } : {}),
        // A live capture is read with this machine's ports, unless --port-range says otherwise.
        ...(range ? { portRange: range, rangeSource: "--port-range" } : opts.live ? livePortOptions() : {}),
      };
      const analysis = opts.live ? await analyzeLive(options, opts.interval) : await analyzeInputs([fileInput(input ?? STDIN)], options);
      await out.write(render(analysis, format, paint(format === "text" && useColor(opts.color, process.stdout))));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      warn(err.message);
      process.exitCode = USAGE_ERROR;
    }
  });

/** Reports a usage error the way commander does (message, then exit status 2). */
function usage(message: string): never {
  program.error(`error: ${message}`, { exitCode: USAGE_ERROR });
  throw new Error(message); // not reached: program.error throws under exitOverride
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 3600) throw new InvalidArgumentError("expected seconds from 0 to 3600, such as 5 or 0.5");
  return n;
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
