/** Named pipes: each input is opened once, so what a writer sends in pieces all arrives and nothing blocks. */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { open } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "sd-fifo-"));
let n = 0;

/** Runs the CLI on a new FIFO and writes `pieces` into it one write at a time; resolves with its output. */
async function throughFifo(args: (fifo: string) => string[], pieces: readonly string[]): Promise<{ status: number | null; stdout: string }> {
  const fifo = join(dir, `in-${n++}`);
  execFileSync("mkfifo", [fifo]);
  const child = spawn(process.execPath, [CLI, ...args(fifo)], { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  // Opening for writing completes once the CLI has opened the FIFO for reading.
  const writer = await open(fifo, "w");
  for (const p of pieces) await writer.write(p);
  await writer.close();
  const [status] = (await once(child, "exit")) as [number | null];
  return { status, stdout };
}

describe("inputs that are named pipes", { timeout: 60_000 }, () => {
  it("analyze reads everything written, in pieces", async () => {
    const row = (port: number) => `tcp 0 0 10.0.0.1:${port} 10.0.0.9:80 TIME_WAIT\n`;
    const r = await throughFifo((f) => ["analyze", "--json", f], [row(40001), row(40002), row(40003)]);
    assert.equal(r.status, 0);
    assert.equal((JSON.parse(r.stdout) as { total: number }).total, 3);
  });

  it("lint reads everything written, in pieces", async () => {
    const r = await throughFifo((f) => ["lint", "--json", f], ["net.ipv4.tcp_sack = x\n", "net.ipv4.tcp_tw_recycle = 1\n"]);
    assert.equal(r.status, 1);
    assert.deepEqual((JSON.parse(r.stdout) as { code: string }[]).map((x) => x.code), ["invalid-value", "removed-key"]);
  });
});
