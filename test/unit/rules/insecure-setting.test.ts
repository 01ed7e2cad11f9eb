import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

const ZERO = "00000000-00000000-00000000-00000000";
const KEY1 = "3d5a8f29-0b1c7e44-9a6d2f10-c4e8b713";

describe("insecure-setting", () => {
  const cases: [string, Spot[]][] = [
    [`net.ipv4.tcp_fastopen_key = ${ZERO}`, [[0, 28, 63, "warning"]]],
    [`net.ipv4.tcp_fastopen_key = 0-0-0-0`, [[0, 28, 35, "warning"]]],
    // a zero backup key validates forged cookies too
    [`net.ipv4.tcp_fastopen_key = ${KEY1},${ZERO}`, [[0, 28, 99, "warning"]]],
    ["net.ipv4.conf.all.accept_source_route = 1", [[0, 40, 41, "warning"]]],
    // near misses: a real key, all at its default 0, an interface (ineffective while all is 0)
    [`net.ipv4.tcp_fastopen_key = ${KEY1}`, []],
    ["net.ipv4.conf.all.accept_source_route = 0", []],
    ["net.ipv4.conf.eth0.accept_source_route = 1", []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("insecure-setting", text)), expected));

  it("removes the zero key and turns source routing back off", () => {
    const key = `net.ipv4.tcp_fastopen_key = ${ZERO}\nnet.ipv4.tcp_sack = 1\n`;
    assert.equal(applyFix(key, findingsOf("insecure-setting", key)[0]!.fixes![0]!), "net.ipv4.tcp_sack = 1\n");
    const route = "net.ipv4.conf.all.accept_source_route = 1";
    assert.equal(applyFix(route, findingsOf("insecure-setting", route)[0]!.fixes![0]!), "net.ipv4.conf.all.accept_source_route = 0");
  });

  it("says why all = 1 turns it on everywhere", () => {
    assert.match(findingsOf("insecure-setting", "net.ipv4.conf.all.accept_source_route = 1")[0]?.message ?? "", /every interface starts at 1 \(only conf\.all defaults to 0\)/);
  });
});
