import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
import { findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

const c = (iface: string, key: string, v: number) => `net.ipv4.conf.${iface}.${key} = ${v}`;
const real = catalogue();

describe("ineffective-interface-setting", () => {
  const cases: [string, Spot[]][] = [
    // max: the interface cannot go below all
    [`${c("all", "rp_filter", 1)}\n${c("eth0", "rp_filter", 0)}`, [[1, 31, 32, "warning"]]],
    // max: all = 0 does not lower an interface (or default) set higher
    [`${c("all", "rp_filter", 0)}\n${c("default", "rp_filter", 2)}`, [[0, 30, 31, "warning"]]],
    // or: the interface cannot turn it off while all is on
    [`${c("all", "log_martians", 1)}\n${c("eth0", "log_martians", 0)}`, [[1, 34, 35, "warning"]]],
    // and: the interface cannot turn it on while all is off
    [`${c("all", "accept_source_route", 0)}\n${c("eth0", "accept_source_route", 1)}`, [[1, 41, 42, "warning"]]],
    // or: all = 0 does not turn it off where an interface has it on
    [`${c("all", "log_martians", 0)}\n${c("eth0", "log_martians", 1)}`, [[0, 33, 34, "warning"]]],
    // near misses
    [`${c("all", "rp_filter", 1)}\n${c("eth0", "rp_filter", 2)}`, []],
    [`${c("all", "accept_source_route", 1)}\n${c("eth0", "accept_source_route", 0)}`, []],
    [`${c("all", "rp_filter", 2)}\n${c("default", "rp_filter", 2)}`, []],
    [c("eth0", "rp_filter", 0), []],
    [`${c("all", "log_martians", 1)}\n${c("eth0", "log_martians", 1)}`, []],
    [`${c("all", "rp_filter", 1)}\n${c("eth0", "rp_filter", 0)}\n${c("all", "rp_filter", 0)}`, []],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("ineffective-interface-setting", text, { catalogue: real })), expected));

  it("explains the combination and links the other setting across files", () => {
    const set = [
      ["h/etc/sysctl.d/10-network-security.conf", c("default", "rp_filter", 2)],
      ["h/etc/sysctl.d/99-mine.conf", c("all", "rp_filter", 0)],
    ] as const;
    const [f] = findingsInSet("ineffective-interface-setting", set, 1, { catalogue: real });
    assert.match(f?.message ?? "", /larger of all and the interface's value.*default = 2 keeps it on/);
    assert.equal(f?.related?.[0]?.uri, "h/etc/sysctl.d/10-network-security.conf");
  });
});
