import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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
const COUNTERS = join(ROOT, "test", "fixtures", "counters");

/** The captures of one counter scenario, pasted together. */
function paste(scenario: string, files: readonly string[]): string {
  return files.map((f) => readFileSync(join(COUNTERS, scenario, `${f}.txt`), "utf8")).join("");
}

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

  it("passes promtool check metrics for every kernel-counter capture", () => {
    for (const dir of readdirSync(COUNTERS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(COUNTERS, dir.name)).filter((n) => n.endsWith(".txt"))) {
        const r = runCli(["analyze", "--format", "prometheus", join(COUNTERS, dir.name, f)]);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(check(r.stdout), { status: 0, output: "" }, `${dir.name}/${f}`);
      }
    }
  });

  it("measures the limits a capture reaches, and exports its counters as totals", () => {
    const tw = runCli(["analyze", "--format", "prometheus", "-"], paste("tw-overflow", ["nstat", "sockstat", "sysctl"]));
    assert.match(tw.stdout, /^# TYPE socket_doctor_kernel_snmp_total counter$/m);
    assert.match(tw.stdout, /^socket_doctor_tcp_time_wait_buckets_usage_ratio 1$/m);
    assert.match(tw.stdout, /^socket_doctor_kernel_snmp_total\{name="TcpExtTCPTimeWaitOverflow"\} [1-9]\d*$/m);
    assert.deepEqual(check(tw.stdout), { status: 0, output: "" });
    const ct = runCli(["analyze", "--format", "prometheus", "-"], paste("conntrack-full", ["conntrack-count", "conntrack-max", "conntrack-S"]));
    assert.match(ct.stdout, /^socket_doctor_conntrack_usage_ratio 1$/m);
    assert.match(ct.stdout, /^socket_doctor_findings\{id="conntrack-full",severity="error"\} 1$/m);
  });

  it("gives HELP and TYPE for every family, and the states and per-destination port use", () => {
    const listing = Array.from({ length: 300 }, (_, i) => `tcp 0 0 10.0.0.1:${40000 + i} 10.0.0.9:5432 TIME_WAIT`).join("\n");
    const r = runCli(["analyze", "--format", "prometheus", "--port-range", "40000", "40599", "-"], listing);
    const families = [...r.stdout.matchAll(/^# TYPE (\S+) (?:gauge|counter)$/gm)].map((m) => m[1]);
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

  it("reads this machine's sockets and counters with --live", { skip: process.platform !== "linux" }, () => {
    const r = runCli(["analyze", "--live", "--interval", "1", "--format", "prometheus"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^socket_doctor_kernel_snmp_total\{name="TcpActiveOpens"\} \d+$/m);
    assert.match(r.stdout, /^socket_doctor_tcp_time_wait_buckets_usage_ratio [\d.e-]+$/m);
    assert.deepEqual(check(r.stdout), { status: 0, output: "" });
  });
});
