import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runLint } from "../../cli/lint-command";
import { loadCatalogue } from "../../server/catalogue-file";
import { CLI, ROOT, runCli } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "sd-lint-"));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("socket-doctor lint", () => {
  it("prints one JSON array with 1-based positions and exits 1 on errors", () => {
    const p = file("bad.conf", "# x\nnet.ipv4.tcp_tw_recycle = 1\n");
    const r = runCli(["lint", "--json", p]);
    assert.equal(r.status, 1);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"]);
    assert.deepEqual(
      rows.map((x) => [x.file, x.line, x.column, x.endLine, x.endColumn, x.severity, x.code]),
      [[p, 2, 1, 2, 24, "error", "removed-key"]],
    );
  });

  it("exits 0 for a clean file and prints a summary line", () => {
    const r = runCli(["lint", file("ok.conf", "net.ipv4.tcp_fin_timeout = 30\n")]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 file\(s\): 0 error\(s\), 0 warning\(s\)/);
  });

  it("exits 0 when findings are only warnings", () => {
    const r = runCli(["lint", "--json", file("warn.conf", "net.ipv4.tcp_fin_timout = 30\n")]);
    assert.equal(r.status, 0);
    assert.equal((JSON.parse(r.stdout) as { code: string }[])[0]?.code, "unknown-key");
  });

  it("reads standard input with -", () => {
    const r = runCli(["lint", "--json", "-"], "net.ipv4.tcp_sack = x\n");
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as { file: string }[])[0]?.file, "-");
  });

  it("checks against --kernel", () => {
    const p = file("old.conf", "net.ipv4.tcp_tw_recycle = 1\n");
    assert.equal(runCli(["lint", "--kernel", "4.9", p]).status, 0);
    assert.equal(runCli(["lint", "--kernel", "4.12", p]).status, 1);
  });

  it("handles CRLF, a BOM and UTF-16", () => {
    const crlf = runCli(["lint", "--json", file("crlf.conf", "\uFEFFnet.ipv4.tcp_sack = 1\r\nnet.ipv4.tcp_sack = 0\r\n")]);
    const rows = JSON.parse(crlf.stdout) as { line: number; code: string }[];
    assert.deepEqual(rows.filter((x) => x.code === "duplicate-key").map((x) => x.line), [1]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("net.ipv4.tcp_sack = x\n", "utf16le")]);
    assert.equal((JSON.parse(runCli(["lint", "--json", file("u16.conf", utf16)]).stdout) as { code: string }[])[0]?.code, "invalid-value");
  });

  it("exits 2 with a clear message for missing, binary and directory inputs, still linting the rest", () => {
    const good = file("fine.conf", "net.ipv4.tcp_sack = 1\n");
    const r = runCli(["lint", join(dir, "missing.conf"), file("bin.conf", Buffer.from([1, 0, 2, 0])), dir, good]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.conf: no such file/);
    assert.match(r.stderr, /bin\.conf: looks like a binary file/);
    assert.match(r.stderr, /is a directory/);
    assert.match(r.stdout, /^1 of 4 file\(s\) read: 0 error\(s\)/m);
  });

  it("exits 2 on usage errors", () => {
    assert.equal(runCli(["lint", "--kernel", "six", "x"]).status, 2);
    assert.equal(runCli(["frobnicate"]).status, 2);
    assert.equal(runCli(["--help"]).status, 0);
  });
});

describe("socket-doctor lint with no file (an empty xargs, a git ls-files that matched nothing)", () => {
  it("writes an empty report in each format, says so on standard error, exits 0 and never waits for standard input", async () => {
    const expected = { text: /^0 file\(s\): 0 error\(s\)/, json: /^\[\]\n$/, sarif: /"results":\[\n\]/ };
    for (const [format, output] of Object.entries(expected)) {
      // Standard input is a pipe left open, as a CI job's can be: lint must finish without reading it.
      const child = spawn(process.execPath, [CLI, "lint", "--format", format], { stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      const timer = setTimeout(() => child.kill(), 10_000);
      const [status] = (await once(child, "close")) as [number | null];
      clearTimeout(timer);
      child.stdin.destroy();
      assert.equal(status, 0, `${format}: ${stderr}`);
      assert.match(stdout, output, format);
      assert.match(stderr, /no file given, so nothing is checked/, format);
      if (format === "sarif") assert.ok(JSON.parse(stdout), "valid JSON");
    }
  });
});

describe("socket-doctor lint over a sysctl --system set", () => {
  it("orders the files as sysctl does and reports overridden lines", () => {
    const root = mkdtempSync(join(tmpdir(), "sd-cli-set-"));
    for (const d of ["etc/sysctl.d", "usr/lib/sysctl.d"]) mkdirSync(join(root, d), { recursive: true });
    const vendor = join(root, "usr/lib/sysctl.d/50-default.conf");
    const mine = join(root, "etc/sysctl.d/90-mine.conf");
    writeFileSync(vendor, "net.ipv4.tcp_sack = 0\n");
    writeFileSync(mine, "net.ipv4.tcp_sack = 1\n");
    const rows = JSON.parse(runCli(["lint", "--json", mine, vendor]).stdout) as { file: string; code: string }[];
    assert.deepEqual(rows.filter((r) => r.code === "overridden-key").map((r) => r.file), [vendor]);
  });

  it("compares with this machine's values only when asked (--live)", { skip: process.platform !== "linux" }, () => {
    // No host runs with 16: --live reports the difference from /proc/sys.
    const p = file("tw.conf", "net.ipv4.tcp_max_tw_buckets = 16\n");
    const codes = (args: string[]) => (JSON.parse(runCli(["lint", "--json", ...args, p]).stdout) as { code: string }[]).map((r) => r.code);
    assert.deepEqual(codes([]), ["tw-buckets-lowered"]);
    assert.deepEqual(codes(["--live"]), ["tw-buckets-lowered", "live-value-differs"]);
  });

  it("reports, with --live, the lines whose value differs from the running one, with both values", async () => {
    loadCatalogue(join(ROOT, "dist")); // the bundles' catalogue, as dist/cli.js finds it beside itself
    const p = file("live.conf", "net.core.somaxconn = 32768\nnet.ipv4.tcp_fin_timeout = 60\n");
    const live = (name: string) => ({ "net.core.somaxconn": "4096", "net.ipv4.tcp_fin_timeout": "60" })[name];
    const rows = async (extra: { live?: typeof live }) => {
      let text = "";
      const out = { write: async (chunk: string) => void (text += chunk) };
      await runLint([p], { format: "json", failOn: "error", color: false, version: "test", ...extra }, out, () => undefined);
      return (JSON.parse(text) as { line: number; code: string; message: string }[]).filter((r) => r.code === "live-value-differs");
    };
    assert.deepEqual(await rows({}), []);
    const [row, ...rest] = await rows({ live });
    assert.deepEqual([row?.line, rest.length], [1, 0]);
    assert.match(row?.message ?? "", /net\.core\.somaxconn = 4096, not 32768/);
  });

});
