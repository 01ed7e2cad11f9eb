/**
 * docs/fleet.md's examples, taken from the page as a reader copies them: the systemd units pass
 * `systemd-analyze verify` and their command line writes the metrics file atomically under the unit's
 * system-call filter; the CI step works in a repository with sysctl files and in one without.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PREREQUISITES, requirePrerequisite } from "../support/prerequisites";
import { CLI, ROOT } from "../support/run-cli";

const FLEET = readFileSync(join(ROOT, "docs", "fleet.md"), "utf8");

const systemdAnalyze = requirePrerequisite(PREREQUISITES.systemdAnalyze);
const strace = requirePrerequisite(PREREQUISITES.strace);
const promtool = requirePrerequisite(PREREQUISITES.promtool);
const git = requirePrerequisite(PREREQUISITES.git);

/** The fenced blocks of one language, in page order. */
function blocks(lang: string): string[] {
  return [...FLEET.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1] as string);
}

/** The unit files of the ini block, each introduced by its path as a comment. */
function units(): Map<string, string> {
  const found = new Map<string, string>();
  for (const block of blocks("ini")) {
    const parts = block.split(/^# \/etc\/systemd\/system\/(\S+)\n/m);
    for (let i = 1; i < parts.length; i += 2) found.set(parts[i] as string, parts[i + 1] as string);
  }
  return found;
}

/** Every value of `Key=` in a unit, in order. */
function values(unit: string, key: string): string[] {
  return [...unit.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((m) => m[1] as string);
}

/**
 * The system calls a unit's SystemCallFilter= lines allow, expanded from systemd's groups (`systemd-analyze
 * syscall-filter` prints each group's members, some of them groups).
 */
function allowedSyscalls(filters: readonly string[]): Set<string> {
  const groups = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of spawnSync(systemdAnalyze, ["syscall-filter", "--no-pager"], { encoding: "utf8" }).stdout.split("\n")) {
    if (/^@\S+$/.test(line)) groups.set(line, (current = []));
    else if (current && line.trim() !== "" && !line.trim().startsWith("#")) current.push(line.trim());
  }
  const expand = (name: string): string[] => (name.startsWith("@") ? (groups.get(name) ?? assert.fail(`no group ${name}`)).flatMap(expand) : [name]);
  const allowed = new Set<string>();
  for (const filter of filters) {
    const deny = filter.startsWith("~");
    for (const name of filter.replace(/^~/, "").split(/\s+/).flatMap(expand)) {
      if (deny) allowed.delete(name);
      else allowed.add(name);
    }
  }
  return allowed;
}

describe("docs/fleet.md: the systemd timer for node_exporter's textfile collector", () => {
  const found = units();
  const service = found.get("socket-doctor-textfile.service") ?? "";

  it("gives a service and its timer", () => {
    assert.deepEqual([...found.keys()], ["socket-doctor-textfile.service", "socket-doctor-textfile.timer"]);
  });

  it("passes systemd-analyze verify, and its sandbox keeps the exposure systemd rates low", () => {
    const dir = mkdtempSync(join(tmpdir(), "sd-units-"));
    const paths = [...found].map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const verify = spawnSync(systemdAnalyze, ["verify", "--man=no", ...paths], { encoding: "utf8" });
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(verify.stderr, "", "no warning: every directive is known and well formed");
    const security = spawnSync(systemdAnalyze, ["security", "--offline=true", "--threshold=20", "--no-pager", paths[0] as string], { encoding: "utf8" });
    assert.equal(security.status, 0, security.stderr);
    const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(security.stdout)?.[1]);
    assert.ok(exposure <= 2, `exposure ${exposure}`);
  });

  it("writes where it may write: the working directory is the one writable path", () => {
    assert.deepEqual(values(service, "ReadWritePaths"), values(service, "WorkingDirectory"));
    assert.deepEqual(values(service, "ProtectSystem"), ["strict"]);
  });

  it("runs its command line: socket_doctor.prom replaced by a rename within the directory, under the unit's system-call filter", (t) => {
    const [, script] = /^ExecStart=\/bin\/sh -c '([^']*)'$/m.exec(service) ?? assert.fail("ExecStart=/bin/sh -c '...'");
    // socket-doctor as npm installs it: on the PATH.
    const bin = mkdtempSync(join(tmpdir(), "sd-bin-"));
    writeFileSync(join(bin, "socket-doctor"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, "socket-doctor"), 0o755);
    // The textfile directory, with the file of a previous run in it.
    const dir = mkdtempSync(join(tmpdir(), "sd-textfile-"));
    writeFileSync(join(dir, "socket_doctor.prom"), "# the previous run's\n");
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` };
    // Under strace, every system call the filter refuses fails with EPERM (SystemCallErrorNumber=), as under systemd.
    // A sandbox that forbids ptrace runs the command without the filter, and says so in the test's output.
    const traced = spawnSync(strace, ["-o", "/dev/null", "true"]).status === 0;
    if (!traced) t.diagnostic("strace cannot trace here (ptrace not allowed): the system-call filter is not exercised");
    const trace = join(bin, "trace");
    const filter = traced ? [strace, "-f", "-qq", "-o", trace, "-e", `inject=!${[...allowedSyscalls(values(service, "SystemCallFilter"))].map((s) => `?${s}`).join(",")}:error=EPERM`] : [];
    assert.deepEqual(values(service, "SystemCallErrorNumber"), ["EPERM"]);
    const [command, ...args] = [...filter, "/bin/sh", "-c", script];
    const r = spawnSync(command as string, args, { cwd: dir, env, encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(dir), ["socket_doctor.prom"], "no temporary file left");
    const check = spawnSync(promtool, ["check", "metrics"], { input: readFileSync(join(dir, "socket_doctor.prom")), encoding: "utf8" });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    if (!traced) return;
    const calls = readFileSync(trace, "utf8");
    // Written beside the file, then renamed over it: both names relative to the directory, so one file system.
    assert.match(calls, /open(at)?\(AT_FDCWD, "socket_doctor\.prom\.tmp", O_WRONLY\|O_CREAT\|O_TRUNC/);
    assert.match(calls, /rename(at2?)?\((AT_FDCWD, )?"socket_doctor\.prom\.tmp", (AT_FDCWD, )?"socket_doctor\.prom"[^)]*\) = 0/);
  });
});

describe("docs/fleet.md: the CI step", () => {
  const workflow = blocks("yaml").find((b) => b.includes("upload-sarif")) ?? "";
  const [, indented] = /- name: socket-doctor lint\n\s+run: \|\n((?:\s{10}.*\n)+)/.exec(workflow) ?? assert.fail("the lint step");
  const step = indented.replace(/^ {10}/gm, "").replaceAll("/tmp/socket-doctor/dist/cli.js", CLI);

  /** The step in a fresh repository holding `files`, as GitHub runs it (bash -e). */
  function run(files: Record<string, string>) {
    const repo = mkdtempSync(join(tmpdir(), "sd-ci-"));
    const inRepo = (...args: string[]) => assert.equal(spawnSync(git, ["-c", "user.name=ci", "-c", "user.email=ci@example.org", ...args], { cwd: repo }).status, 0, args.join(" "));
    inRepo("init", "-q");
    writeFileSync(join(repo, "README"), "hosts\n");
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(repo, path, ".."), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    inRepo("add", ".");
    inRepo("commit", "-qm", "hosts");
    const r = spawnSync("bash", ["-e", "-c", step], { cwd: repo, encoding: "utf8", timeout: 30_000 });
    const log = JSON.parse(readFileSync(join(repo, "sysctl.sarif"), "utf8")) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    return { status: r.status, stderr: r.stderr, uris: log.runs[0]?.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri) };
  }

  it("writes the SARIF file the upload step reads", () => {
    assert.match(step, /> sysctl\.sarif$/m);
    assert.match(workflow, /sarif_file: sysctl\.sarif/);
  });

  it("leaves a valid, empty SARIF file and succeeds in a repository without sysctl files", () => {
    const r = run({});
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.uris, []);
  });

  it("checks every file in one run, whatever its name", () => {
    const r = run({ "host a/etc/sysctl.d/tw.conf": "net.ipv4.tcp_tw_recycle = 1\n", "-sysctl.conf": "net.ipv4.tcp_fin_timeout = 5\nnet.ipv4.tcp_fin_timeout = 6\n" });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual([...new Set(r.uris)].sort(), ["-sysctl.conf", "host%20a/etc/sysctl.d/tw.conf"]);
  });
});
