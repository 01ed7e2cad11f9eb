import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PREREQUISITES, requirePrerequisite } from "../support/prerequisites";
import { ROOT, runCli } from "../support/run-cli";

const promtool = requirePrerequisite(PREREQUISITES.promtool);

/** promtool's verdict on an exposition: its output, empty when the metrics are well-formed and lint-clean. */
function check(exposition: string): { status: number | null; output: string } {
  const r = spawnSync(promtool, ["check", "metrics"], { input: exposition, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

const NETSTAT = join(ROOT, "test", "fixtures", "netstat");

describe("socket-doctor analyze --format prometheus", () => {
  it("passes promtool check metrics for every listing fixture", () => {
    for (const dir of readdirSync(NETSTAT)) {
      for (const f of readdirSync(join(NETSTAT, dir)).filter((n) => n.endsWith(".txt"))) {
        const r = runCli(["analyze", "--format", "prometheus", join(NETSTAT, dir, f)]);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(check(r.stdout), { status: 0, output: "" }, `${dir}/${f}`);
      }
    }
  });

  it("gives HELP and TYPE for every family, and the states and per-destination port use", () => {
    const listing = Array.from({ length: 300 }, (_, i) => `tcp 0 0 10.0.0.1:${40000 + i} 10.0.0.9:5432 TIME_WAIT`).join("\n");
    const r = runCli(["analyze", "--format", "prometheus", "--port-range", "40000", "40599", "-"], listing);
    const families = [...r.stdout.matchAll(/^# TYPE (\S+) gauge$/gm)].map((m) => m[1]);
    assert.deepEqual([...r.stdout.matchAll(/^# HELP (\S+) /gm)].map((m) => m[1]), families);
    assert.match(r.stdout, /^socket_doctor_tcp_sockets\{state="TIME_WAIT"\} 300$/m);
    assert.match(r.stdout, /^socket_doctor_local_port_range_ports 600$/m);
    const labels = 'local_address="10.0.0.1",remote_address="10.0.0.9",remote_port="5432"';
    assert.ok(r.stdout.includes(`socket_doctor_destination_local_ports{${labels}} 300\n`));
    assert.ok(r.stdout.includes(`socket_doctor_destination_local_port_usage_ratio{${labels}} 0.5\n`));
    assert.deepEqual(check(r.stdout), { status: 0, output: "" });
  });

  it("escapes what a listing puts into label values", () => {
    const listing = 'tcp 0 0 10.0.0.1:40001 10.0.0.9:5432 ESTABLISHED 1234/ev"il\\\x1b[31m\n';
    const r = runCli(["analyze", "--format", "prometheus", "--input-format", "linux-netstat", "-"], listing);
    assert.doesNotMatch(r.stdout, /\x1b/);
    assert.deepEqual(check(r.stdout), { status: 0, output: "" });
  });

  it("reads this machine's sockets with --live", { skip: process.platform !== "linux" }, () => {
    const r = runCli(["analyze", "--live", "--format", "prometheus"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(check(r.stdout), { status: 0, output: "" });
  });
});
