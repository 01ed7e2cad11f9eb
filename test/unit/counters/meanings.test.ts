/** The counters' meanings and the names the findings read are counters Linux 6.18 has; the reports' ordering. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SOFTNET_COUNTERS } from "../../../core/counters/softnet-tally";
import { MEANINGS, notableCounters, SOFTNET_PREFIX } from "../../../core/counters/summary";
import { analyse, capture, nstat } from "./support";

/** Every counter of a 6.18 kernel: nstat -z prints them all. */
const KNOWN = new Set(Object.keys(analyse(capture("tw-overflow", "nstat")).counters));

describe("counter names", () => {
  it("each meaning is of a counter 6.18 has (or a count of /proc/net/softnet_stat), once", () => {
    assert.equal(new Set(MEANINGS.map((m) => m.name)).size, MEANINGS.length);
    const softnet = MEANINGS.map((m) => m.name).filter((n) => n.startsWith(SOFTNET_PREFIX));
    assert.deepEqual(softnet.map((n) => n.slice(SOFTNET_PREFIX.length)).sort(), [...SOFTNET_COUNTERS].sort());
    assert.deepEqual(MEANINGS.map((m) => m.name).filter((n) => !KNOWN.has(n) && !softnet.includes(n)), []);
    for (const m of MEANINGS) assert.ok(m.meaning.endsWith(".") && m.source.length > 5, m.name);
  });

  it("every counter a finding reads is one 6.18 has", () => {
    const dir = join(__dirname, "..", "..", "..", "..", "core", "counters", "findings");
    const names = readdirSync(dir).flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/"((?:TcpExt|Tcp|Udp|Ip)[A-Z][A-Za-z]+)"/g)].map((m) => m[1] as string));
    assert.ok(new Set(names).size >= 20);
    assert.deepEqual(names.filter((n) => !KNOWN.has(n)), []);
  });

  it("the reports list the counters that moved, then those that are not 0, then the others", () => {
    const a = analyse(`${nstat({ TcpExtListenOverflows: 0, TcpRetransSegs: 5, TcpExtTCPTimeWaitOverflow: 1 })}$ sleep 1\n${nstat({ TcpExtListenOverflows: 0, TcpRetransSegs: 5, TcpExtTCPTimeWaitOverflow: 2 })}`);
    assert.deepEqual(
      notableCounters(a).map((c) => `${c.name} ${c.change}`),
      ["TcpExtTCPTimeWaitOverflow 1", "TcpRetransSegs 0", "TcpExtListenOverflows 0"],
    );
  });
});
