/** What the CLI quotes from its arguments (file names, keys, profile names, option values) a terminal shows, never obeys. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli } from "../support/run-cli";

/** An SGR sequence (ESC), a title change ended by BEL, and a C1 CSI: each would drive a terminal if printed raw. */
const HOSTILE = ["\x1b[31m", "\x1b]0;pwned\x07", "\u009b31m"];
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

function assertShown(text: string, what: string): void {
  assert.doesNotMatch(text, RAW, what);
}

describe("arguments echoed back", () => {
  for (const seq of HOSTILE) {
    const label = JSON.stringify(seq);
    it(`escapes ${label} in file names, keys and profile names`, () => {
      const runs = {
        lint: runCli(["lint", `/nope/${seq}x.conf`]),
        "lint --format json": runCli(["lint", "--json", `/nope/${seq}x.conf`]),
        verify: runCli(["verify", `/nope/${seq}x.conf`]),
        analyze: runCli(["analyze", `/nope/${seq}x`]),
        explain: runCli(["explain", `net.ipv4.${seq}foo`]),
        "explain (a family it does not cover)": runCli(["explain", `foo.${seq}bar`]),
        "apply (profile)": runCli(["apply", `${seq}p`, "-"], ""),
        "apply (file)": runCli(["apply", "syn-flood", `/nope/${seq}x`]),
      };
      for (const [what, r] of Object.entries(runs)) {
        assertShown(r.stdout + r.stderr, what);
        assert.match(r.stdout + r.stderr, /\\x(1b|9b)/, `${what} shows the sequence as text`);
      }
    });

    it(`escapes ${label} in commander's usage errors`, () => {
      for (const args of [[`frob${seq}`], ["lint", "--format", `${seq}x`, "a"], ["lint", `--fr${seq}`, "a"], ["analyze", "--interval", seq, "--live"], ["lint", "--kernel", seq, "a"]]) {
        const r = runCli(args);
        assert.equal(r.status, 2, args.join(" "));
        assertShown(r.stderr, args.join(" "));
      }
    });
  }

  it("keeps explain --json exact: the key parses back as given", () => {
    const key = "net.ipv4.\u009b31mfoo";
    const r = runCli(["explain", "--json", key]);
    assertShown(r.stdout, "explain --json");
    assert.equal((JSON.parse(r.stdout) as { key: string }[])[0]?.key, key);
  });
});
