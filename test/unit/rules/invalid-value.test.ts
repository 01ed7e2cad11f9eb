import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

describe("invalid-value", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_fin_timeout = thirty", [[0, 27, 33, "error"]]],
    ["net.ipv4.tcp_fin_timeout = -1", [[0, 27, 29, "error"]]],
    ["net.ipv4.tcp_fin_timeout = 3000000000", [[0, 27, 37, "error"]]],
    ["net.ipv4.tcp_fin_timeout =", [[0, 26, 26, "error"]]],
    ["net.ipv4.tcp_sack = 2", [[0, 20, 21, "error"]]],
    ["net.ipv4.tcp_sack = 1 # on", [[0, 20, 26, "error"]]],
    ["net.ipv4.tcp_tw_reuse = 3", [[0, 24, 25, "error"]]],
    ["net.ipv4.tcp_rmem = 4096 87380 6291456 1", [[0, 20, 40, "error"]]],
    ["net.ipv4.tcp_rmem = 4096 lots 6291456", [[0, 20, 37, "error"]]],
    ["net.ipv4.ip_local_port_range = 60999 32768", [[0, 31, 42, "error"]]],
    ["net.ipv4.ip_local_port_range = 1024", [[0, 31, 35, "error"]]],
    ["net.ipv4.ip_local_port_range = 1024 70000", [[0, 31, 41, "error"]]],
    ["net.ipv4.ip_local_reserved_ports = 8080,9000-9100,x", [[0, 35, 51, "error"]]],
    
    // near misses
    ["net.ipv4.tcp_fin_timeout = 30", []],
    ["net.ipv4.tcp_fin_timeout = 0x1e", []],
    ["net.ipv4.tcp_sack = 0", []],
    ["net.ipv4.tcp_tw_reuse = 1", []],
    ["net.ipv4.tcp_rmem = 4096 131072 6291456", []],
    ["net.ipv4.tcp_rmem = 4096\t131072   6291456", []],
    ["net.ipv4.ip_local_port_range = 1024 65000", []],
    ["net.ipv4.ip_local_reserved_ports = 8080,9000-9100", []],
    ["net.ipv4.ip_local_reserved_ports =", []],
    ["net.ipv4.tcp_congestion_control = bbr", []],
    ["net.ipv4.conf.all.rp_filter = 2", []],
    ["net.ipv4.unknown_key = banana", []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("invalid-value", text)), expected));
  }

  it("explains that sysctl.conf has no end-of-line comments, and moves the comment up", () => {
    const text = "  net.ipv4.tcp_sack = 1 # on";
    const [f] = findingsOf("invalid-value", text);
    assert.match(f?.message ?? "", /no end-of-line comments.*rejects the write/);
    assert.equal(applyFix(text, f!.fixes![0]!), "# on\n  net.ipv4.tcp_sack = 1");
  });

  it("warns about a comment after free text or an unknown key, which the kernel would store", () => {
    assert.deepEqual(spots(findingsOf("invalid-value", "net.ipv4.tcp_congestion_control = cubic # better")), [[0, 34, 48, "warning"]]);
    assert.deepEqual(spots(findingsOf("invalid-value", "vm.swappiness = 10 # less swap")), [[0, 16, 30, "warning"]]);
    assert.deepEqual(spots(findingsOf("invalid-value", "kernel.core_pattern = core.#%p")), []);
  });

  it("reports a value over 4096 characters even for an unknown key", () => {
    assert.equal(findingsOf("invalid-value", `x.y = ${"9".repeat(4097)}`).length, 1);
    assert.equal(findingsOf("invalid-value", `x.y = ${"9".repeat(4096)}`).length, 0);
  });
});

describe("invalid-value for enums the kernel stores as integers", () => {
  it("warns (not errors) about an undocumented value within the kernel's bounds", () => {
    const cases: [string, Spot[]][] = [
      ["net.ipv4.tcp_tw_reuse = 7", [[0, 24, 25, "error"]]],
      ["net.ipv4.conf.eth0.rp_filter = 3", [[0, 31, 32, "warning"]]],
      ["net.ipv4.conf.eth0.rp_filter = loose", [[0, 31, 36, "error"]]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(spots(findingsOf("invalid-value", text)), expected, text);
  });
});
