/** lintWindows, the CLI's way through big files, finds exactly what lintDocument finds, window size aside. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
import { lintDocument, lintWindows, type LintOptions } from "../../../core/rules/lint";
import type { Finding, SysctlFile } from "../../../core/rules/types";
import { parseSysctl } from "../../../core/sysctl/parse";

const FIXTURES = join(__dirname, "..", "..", "..", "..", "test", "fixtures", "sysctl");

function conf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? conf(join(dir, e.name)) : e.name.endsWith(".conf") ? [join(dir, e.name)] : []));
}

/** What a window may not change: everything but a fix's edits, which only look within the checked lines. */
function comparable(f: Finding) {
  return { code: f.code, severity: f.severity, range: f.range, message: f.message, tags: f.tags, related: f.related, fixes: f.fixes?.map((x) => x.title) };
}

function assertSame(doc: ReturnType<typeof parseSysctl>, options: LintOptions, window: number): void {
  const whole = lintDocument(doc, options).map(comparable);
  const windows = [...lintWindows(doc, options, window)].flat().map(comparable);
  assert.deepEqual(windows, whole, `window of ${window} lines`);
}

/** Lines that reach the rules that look across the file: repeats, keepalive, conf.all against interfaces, port ranges. */
const LINES = [
  "net.ipv4.tcp_fin_timeout = 30",
  "net.ipv4.tcp_fin_timeout = 60",
  "net.ipv4.tcp_keepalive_time = 600",
  "net.ipv4.tcp_keepalive_intvl = 30",
  "net.ipv4.conf.all.rp_filter = 0",
  "net.ipv4.conf.eth0.rp_filter = 1",
  "net.ipv4.conf.default.rp_filter = 2",
  "net.ipv4.conf.all.forwarding = 1",
  "net.ipv4.conf.eth0.forwarding = 0",
  "net.ipv6.conf.all.accept_ra = 0",
  "net.ipv4.ip_local_port_range = 1024 65000",
  "net.ipv4.ip_local_reserved_ports = 8080",
  "net.ipv4.tcp_tw_reuse = 1",
  "net.ipv4.tcp_timestamps = 0",
  "net.ipv4.tcp_max_tw_buckets = 5000",
  "net.ipv4.tcp_syncookies = 0",
  "net.core.somaxconn = 4096",
  "net.ipv4.tcp_fin_timout = 3",
  "net.ipv4.conf.*.rp_filter = 2",
  "-net.ipv4.conf.lo.rp_filter",
  "net.ipv4.tcp_mem = 786432 1048576 26777216",
  "# comment",
  "",
  "no equals sign",
];

describe("lintWindows", () => {
  it("finds what lintDocument finds in every sysctl fixture, for any window size", () => {
    for (const path of conf(FIXTURES)) {
      const doc = parseSysctl(readFileSync(path, "utf8"));
      for (const window of [1, 7, 100]) assertSame(doc, { catalogue: catalogue(), uri: path }, window);
    }
  });

  it("finds what lintDocument finds in generated files, alone and in a set with another file", () => {
    const line = fc.constantFrom(...LINES);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.array(line, { maxLength: 20 }), fc.integer({ min: 1, max: 16 }), (mine, later, window) => {
        const doc = parseSysctl(mine.join("\n"));
        assertSame(doc, { catalogue: catalogue(), uri: "a.conf" }, window);
        const files: SysctlFile[] = [
          { uri: "10-a.conf", doc },
          { uri: "20-b.conf", doc: parseSysctl(later.join("\n")) },
        ];
        assertSame(doc, { catalogue: catalogue(), uri: "10-a.conf", files }, window);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it("yields one window per windowLines lines, the last one shorter", () => {
    const doc = parseSysctl(Array.from({ length: 10 }, () => "net.ipv4.tcp_sack = 1").join("\n"));
    assert.deepEqual([...lintWindows(doc, { catalogue: catalogue() }, 4)].map((w) => [...new Set(w.map((f) => f.range.start.line))]), [[0, 1, 2, 3], [4, 5, 6, 7], [8]]);
  });
});
