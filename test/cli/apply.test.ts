import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROFILES } from "../../core/advice/profiles";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "sd-apply-"));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, content);
  return p;
}

describe("socket-doctor profiles", () => {
  it("lists every profile with its settings and their intents", () => {
    const r = runCli(["profiles"]);
    assert.equal(r.status, 0, r.stderr);
    for (const p of PROFILES) {
      assert.ok(r.stdout.includes(`${p.id}: ${p.title}`), p.id);
      for (const s of p.settings) assert.match(r.stdout, new RegExp(`${s.key.replace(/\./g, "\\.")} = ${s.value} +(exactly|at least|at most|widened to cover)$`, "m"));
    }
  });

  it("prints the profiles as JSON", () => {
    const r = runCli(["profiles", "--json"]);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), PROFILES);
  });
});

describe("socket-doctor apply", () => {
  it("prints the file with the settings, widening a range and never writing the file", () => {
    const text = "# mine\nnet.ipv4.ip_local_port_range = 1024 65000\n";
    const p = file("proxy.conf", text);
    const r = runCli(["apply", "reverse-proxy", p]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^net\.ipv4\.ip_local_port_range = 1024 65535$/m);
    assert.match(r.stdout, /^net\.ipv4\.tcp_tw_reuse = 1$/m);
    assert.doesNotMatch(r.stdout, /32768 65535|28232/);
    assert.match(r.stderr, /updated net\.ipv4\.ip_local_port_range: 1024 65000 → 1024 65535/);
    assert.equal(readFileSync(p, "utf8"), text, "the file is untouched");
  });

  it("prints a unified diff with --diff, and nothing when there is nothing to change", () => {
    const p = file("diff.conf", "net.ipv4.ip_local_port_range = 1024 65000\n");
    const r = runCli(["apply", "reverse-proxy", p, "--diff"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith(`--- ${p}\n+++ ${p}\n@@ -1 +1,`), r.stdout);
    assert.match(r.stdout, /^-net\.ipv4\.ip_local_port_range = 1024 65000$/m);
    assert.match(r.stdout, /^\+net\.ipv4\.ip_local_port_range = 1024 65535$/m);
    const applied = file("applied.conf", runCli(["apply", "reverse-proxy", p]).stdout);
    assert.equal(runCli(["apply", "reverse-proxy", applied, "--diff"]).stdout, "");
  });

  it("reads standard input with -, keeping CRLF line breaks", () => {
    const r = runCli(["apply", "keepalive-clients", "-"], "net.ipv4.tcp_keepalive_time = 7200\r\n");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^net\.ipv4\.tcp_keepalive_time = 600\r$/m);
    assert.equal(r.stdout.replace(/\r\n/g, "").includes("\n"), false);
  });

  it("leaves a key a later file of the set overrides, and names that file", () => {
    const target = file("host/etc/sysctl.d/99-socket-doctor.conf", "");
    const conf = file("host/etc/sysctl.conf", "net.ipv4.ip_local_port_range = 1024 65000\n");
    const r = runCli(["apply", "reverse-proxy", target]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /ip_local_port_range/);
    assert.match(r.stderr, /did not add net\.ipv4\.ip_local_port_range: sysctl\.conf sets it to 1024 65000 on line 1/);
    assert.ok(r.stderr.includes(`socket-doctor apply reverse-proxy ${conf}`), r.stderr);
  });

  it("exits 2 on an unknown profile or an unreadable file", () => {
    const unknown = runCli(["apply", "no-such-profile", file("x.conf", "")]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown profile "no-such-profile" \(known: reverse-proxy/);
    const missing = runCli(["apply", "reverse-proxy", join(dir, "missing.conf")]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /missing\.conf: no such file/);
    assert.equal(runCli(["apply", "reverse-proxy", file("bin.conf", Buffer.from([1, 0, 2]))]).status, 2);
    assert.equal(runCli(["apply", "reverse-proxy", dir]).status, 2);
    assert.equal(runCli(["apply", "reverse-proxy"]).status, 2, "a missing FILE is a usage error");
  });

  it("is in --help", () => {
    const help = runCli(["--help"]).stdout;
    assert.match(help, /profiles \[options\]/);
    assert.match(help, /apply \[options\] <profile> <file>/);
  });
});
