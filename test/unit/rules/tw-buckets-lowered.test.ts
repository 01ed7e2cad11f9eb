import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingsOf, spots, type Spot } from "../../support/lint";

const KEY = "net.ipv4.tcp_max_tw_buckets";

describe("tw-buckets-lowered", () => {
  const cases: [string, string | undefined, Spot[]][] = [
    // with this machine's current value
    [`${KEY} = 5000`, "131072", [[0, 30, 34, "warning"]]],
    [`${KEY} = 200000`, "131072", []],
    // the live value may already be this file's: then only the gentle note
    [`${KEY} = 5000`, "5000", [[0, 30, 34, "information"]]],
    // without a live value
    [`${KEY} = 5000`, undefined, [[0, 30, 34, "information"]]],
    [`${KEY} = 2000000`, undefined, []],
  ];
  for (const [text, live, expected] of cases) {
    it(`${text} (live ${live})`, () => {
      const options = live === undefined ? {} : { live: (n: string) => (n === KEY ? live : undefined) };
      assert.deepEqual(spots(findingsOf("tw-buckets-lowered", text, options)), expected);
    });
  }
  it("says TIME_WAIT itself is not shortened", () => {
    assert.match(findingsOf("tw-buckets-lowered", `${KEY} = 5000`)[0]?.message ?? "", /does not get shorter/);
  });
});
