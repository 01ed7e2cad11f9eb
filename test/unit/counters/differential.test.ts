/**
 * Every format of one snapshot gives the same counters: each scenario of test/fixtures/counters was captured
 * in all of them at one moment (capture.py checks that the counters did not move meanwhile).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupOf } from "../../../core/counters/names";
import { analyse, capture, hasCapture, scenarios } from "./support";

/** Tables `netstat -s` prints without -6 (it leaves /proc/net/snmp6 out). */
const IPV6 = new Set(["Ip6", "Icmp6", "Udp6", "UdpLite6"]);

describe("every format of one snapshot gives the same counters", () => {
  for (const scenario of scenarios()) {
    const read = (...files: string[]) => analyse(files.map((f) => capture(scenario, f)).join(""));

    it(`${scenario}: nstat, nstat --json (one line and pretty) and the /proc files nstat reads`, () => {
      const want = read("nstat").counters;
      assert.ok(Object.keys(want).length > 300, "nstat -z prints every counter");
      assert.deepEqual(read("nstat-json").counters, want);
      assert.deepEqual(read("nstat-json-pretty").counters, want);
      assert.deepEqual(read("proc-net-snmp", "proc-net-netstat", "proc-net-snmp6").counters, want);
    });

    it(`${scenario}: netstat -s has every counter it prints at nstat's value, and every IPv4 counter that is not 0`, () => {
      const want = read("nstat").counters;
      const got = read("netstat-s").counters;
      for (const [name, value] of Object.entries(got)) assert.equal(value, want[name], name);
      const missing = Object.entries(want).filter(([name, value]) => value !== 0 && !IPV6.has(groupOf(name)) && !(name in got));
      assert.deepEqual(missing, []);
      assert.equal(read("netstat-s").unparsed, 0);
    });

    it(`${scenario}: ss -s shows sockstat's figures`, () => {
      const sockstat = read("sockstat").sockstat ?? {};
      const ss = read("ss-s").sockstat ?? {};
      assert.ok(Object.keys(ss).length >= 5);
      for (const [protocol, fields] of Object.entries(ss)) {
        for (const [field, value] of Object.entries(fields)) assert.equal(value, sockstat[protocol]?.[field], `${protocol}.${field}`);
      }
    });

    if (hasCapture(scenario, "conntrack-S")) {
      it(`${scenario}: conntrack -S and /proc/net/stat/nf_conntrack, conntrack -C and nf_conntrack_count, both listings`, () => {
        const proc = read("conntrack-stat").conntrack;
        const netlink = read("conntrack-S").conntrack;
        assert.equal(proc?.cpus, netlink?.cpus);
        for (const [name, value] of Object.entries(netlink?.stats ?? {})) {
          if (proc?.stats?.[name] !== undefined) assert.equal(proc.stats[name], value, name);
        }
        const count = read("conntrack-count").conntrack?.count;
        assert.equal(read("conntrack-C").conntrack?.count, count);
        assert.equal(proc?.count, count);
        if (hasCapture(scenario, "conntrack-L")) {
          const listing = read("conntrack-L").conntrack?.listing;
          assert.equal(listing?.entries, count);
          assert.deepEqual(read("conntrack-L-extended").conntrack?.listing, listing);
        }
      });
    }
  }
});
