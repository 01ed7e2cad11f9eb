import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

/** This machine's values, as a caller that reads /proc/sys would give them. */
const LIVE: Record<string, string> = {
  "net.core.somaxconn": "4096",
  "net.ipv4.tcp_rmem": "4096 131072 6291456",
  "net.ipv4.ip_local_reserved_ports": "8080-8081,9000",
  "net.ipv4.tcp_congestion_control": "bbr",
  "net.ipv4.tcp_fin_timeout": "60",
};
const live = (name: string) => LIVE[name];
const compared = { live, compareLive: true };

describe("live-value-differs", () => {
  const cases: [string, Spot[]][] = [
    ["net.core.somaxconn = 32768", [[0, 21, 26, "information"]]],
    ["net.ipv4.tcp_congestion_control = cubic", [[0, 34, 39, "information"]]],
    // near misses: the same value written differently, a vector given fewer numbers, a port list in another order
    ["net.core.somaxconn = 0x1000", []],
    ["net.ipv4.tcp_rmem = 4096\t131072 6291456", []],
    ["net.ipv4.tcp_rmem = 4096 131072", []],
    ["net.ipv4.ip_local_reserved_ports = 9000,8081,8080", []],
    ["net.core.somaxconn = 4096 # default", []],
    // a key this machine does not report, and a write the kernel refuses (invalid-value speaks)
    ["net.ipv4.tcp_sack = 0", []],
    ["net.ipv4.tcp_fin_timeout = soon", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("live-value-differs", text, compared)), expected));

  it("gives both values", () => {
    assert.match(findingsOf("live-value-differs", "net.core.somaxconn = 32768", compared)[0]?.message ?? "", /runs with net\.core\.somaxconn = 4096, not 32768/);
  });

  it("compares only when the file is meant for this machine", () => {
    assert.deepEqual(findingsOf("live-value-differs", "net.core.somaxconn = 32768", { live }), []);
    assert.deepEqual(findingsOf("live-value-differs", "net.core.somaxconn = 32768", { compareLive: true }), []);
  });

  it("compares the line that wins, not the ones it overrides", () => {
    assert.deepEqual(spots(findingsOf("live-value-differs", "net.ipv4.tcp_fin_timeout = 30\nnet.ipv4.tcp_fin_timeout = 60", compared)), []);
    const set = [
      ["/etc/sysctl.d/10-a.conf", "net.ipv4.tcp_fin_timeout = 30"],
      ["/etc/sysctl.d/90-b.conf", "net.ipv4.tcp_fin_timeout = 45"],
    ] as const;
    assert.equal(findingsInSet("live-value-differs", set, 0, compared).length, 0);
    assert.equal(findingsInSet("live-value-differs", set, 1, compared).length, 1);
  });
});
