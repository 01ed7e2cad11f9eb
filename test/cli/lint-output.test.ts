import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { once } from "node:events";
import { CLI, runCli } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "sd-lint-out-"));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const WARN_ONLY = "net.ipv4.tcp_fin_timout = 30\n";
const NOTE_ONLY = "net.ipv4.tcp_keepalive_time = 600\n";

describe("socket-doctor lint output", () => {
  it("prints the same rows for --format json and --json, and refuses a --format that disagrees", () => {
    const p = file("x.conf", "net.ipv4.tcp_sack = x\nnet.ipv4.tcp_sack = 1\n");
    const long = runCli(["lint", "--format", "json", p]);
    assert.equal(long.stdout, runCli(["lint", "--json", p]).stdout);
    assert.deepEqual(
      (JSON.parse(long.stdout) as { code: string }[]).map((r) => r.code),
      ["duplicate-key", "invalid-value"],
    );
    assert.equal(runCli(["lint", "--format", "text", "--json", p]).status, 2);
    assert.equal(runCli(["lint", "--format", "xml", p]).status, 2);
  });

  it("sets the failing level with --fail-on", () => {
    const warn = file("warn.conf", WARN_ONLY);
    const note = file("note.conf", NOTE_ONLY);
    assert.equal(runCli(["lint", warn]).status, 0);
    assert.equal(runCli(["lint", "--fail-on", "warning", warn]).status, 1);
    assert.equal(runCli(["lint", "--fail-on", "warning", note]).status, 0);
    assert.equal(runCli(["lint", "--fail-on", "information", note]).status, 1);
    assert.equal(runCli(["lint", "--fail-on", "hint", note]).status, 2);
  });

  it("reads standard input once when - is named twice, and says so", () => {
    const r = runCli(["lint", "--json", "-", "-"], "net.ipv4.tcp_sack = x\n");
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 1);
    assert.match(r.stderr, /standard input \(-\) is named 2 times: it is read once/);
  });

  it("escapes terminal control characters from the input in text output", () => {
    const r = runCli(["lint", "-"], "net.ipv4.tcp_fin_timout\x1b]0;pwned\x07 = 1\n");
    assert.doesNotMatch(r.stdout, /[\x1b\x07]/);
    assert.match(r.stdout, /\\x1b\]0;pwned\\x07/);
  });

  it("colours only when asked or on a terminal, and NO_COLOR turns auto off", () => {
    const p = file("c.conf", "net.ipv4.tcp_sack = x\n");
    assert.match(runCli(["lint", "--color", "always", p]).stdout, /\x1b\[31merror\x1b\[0m/);
    assert.doesNotMatch(runCli(["lint", p]).stdout, /\x1b/);
    assert.doesNotMatch(runCli(["lint", "--color", "always", "--json", p]).stdout, /\x1b/);
    // A terminal would get colour; NO_COLOR wins over auto.
    const script = spawnSync("script", ["-qec", `NO_COLOR=1 ${process.execPath} ${CLI} lint ${p}`, "/dev/null"], { encoding: "utf8" });
    assert.match(script.stdout, /error \[invalid-value\]/);
    assert.doesNotMatch(script.stdout, /\x1b\[31m/);
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${CLI} lint ${p}`, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "" } });
    assert.match(tty.stdout, /\x1b\[31merror/);
  });

  it("ends quietly with status 141 when the reader goes away", async () => {
    const child = spawn(process.execPath, [CLI, "keys", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    await once(child.stdout, "readable");
    child.stdout.destroy();
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 141);
    assert.equal(stderr, "");
  });

  it("documents the exit statuses in --help", () => {
    const help = runCli(["--help"]).stdout;
    for (const code of ["0", "1", "2", "3", "141"]) assert.match(help, new RegExp(`^  ${code} `, "m"));
  });

  it("lints a 1,000,000-line file to the end, streaming its JSON array", async () => {
    const keys = ["net.ipv4.tcp_fin_timeout = 30", "net.ipv4.tcp_tw_reuse = 1", "net.core.somaxconn = 4096"];
    const big = join(dir, "million.conf");
    const out = createWriteStream(big);
    for (let i = 0; i < 1_000_000; i += 1000) out.write(Array.from({ length: 1000 }, (_, j) => keys[(i + j) % 3]).join("\n") + "\n");
    out.end();
    await once(out, "close");
    const result = join(dir, "million.json");
    const fd = openSync(result, "w");
    const r = spawnSync(process.execPath, [CLI, "lint", "--json", big], { stdio: ["ignore", fd, "pipe"] });
    closeSync(fd);
    assert.equal(r.status, 0, r.stderr?.toString());
    const text = readFileSync(result, "utf8");
    assert.ok(text.startsWith("[\n") && text.endsWith("\n]\n"));
    // Every line but the last of each key is a dead duplicate; only the tcp_fin_timeout line that counts gets
    // the myth note (one line, one story: the overwritten ones only hear that they are dead).
    assert.equal(text.match(/"code": "duplicate-key"/g)?.length, 999_997);
    assert.equal(text.match(/"code": "fin-timeout-myth"/g)?.length, 1);
  });
});
