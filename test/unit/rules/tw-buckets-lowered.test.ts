import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

const KEY = "net.ipv4.tcp_max_tw_buckets";

describe("tw-buckets-lowered", () => {
  const cases: [string, string | undefined, Spot[]][] = [
    // with this machine's current value
    [`${KEY} = 20000`, "131072", [[0, 30, 35, "warning"]]],
    [`${KEY} = 200000`, "131072", []],
    // the live value may already be this file's: then only the gentle note, unless no real host is that small
    [`${KEY} = 20000`, "20000", [[0, 30, 35, "information"]]],
    [`${KEY} = 5000`, "5000", [[0, 30, 34, "warning"]]],
    // without a live value: below what any host of more than 1 GiB boots with, or only maybe too low
    [`${KEY} = 5000`, undefined, [[0, 30, 34, "warning"]]],
    [`${KEY} = 8192`, undefined, [[0, 30, 34, "information"]]],
    [`${KEY} = 2000000`, undefined, []],
  ];
  for (const [text, live, expected] of cases) {
    it(`${text} (live ${live})`, () => {
      const options = live === undefined ? {} : { live: (n: string) => (n === KEY ? live : undefined) };
      assert.deepEqual(spots(findingsOf("tw-buckets-lowered", text, options)), expected);
    });
  }

  it("says what the limit holds and that TIME_WAIT itself is not shortened", () => {
    const message = findingsOf("tw-buckets-lowered", `${KEY} = 5000`)[0]?.message ?? "";
    assert.match(message, /about 83 connections a second/);
    assert.match(message, /TIME_WAIT itself does not get shorter/);
  });

  it("removes the line, so the kernel's boot-time size applies", () => {
    const text = `${KEY} = 5000\nnet.ipv4.tcp_sack = 1\n`;
    assert.equal(applyFix(text, findingsOf("tw-buckets-lowered", text)[0]!.fixes![0]!), "net.ipv4.tcp_sack = 1\n");
  });
});
