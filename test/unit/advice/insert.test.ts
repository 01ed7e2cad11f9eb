import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planInsertion, planOverriding, type InsertionTarget, type PlanOptions } from "../../../core/advice/insert";
import { COMMENT_WIDTH } from "../../../core/advice/comment";
import { describeOutcome, overridingFiles, summarize } from "../../../core/advice/summary";
import type { Profile } from "../../../core/advice/types";
import { parseSysctl } from "../../../core/sysctl/parse";
import { applyEdits } from "../../../core/text/edits";

/** A profile of the test's own, so these tests follow the planner and not the shipped data. */
const PROFILE: Profile = {
  id: "test",
  title: "Test profile",
  situation: "A situation for the tests.",
  notes: [],
  settings: [
    { key: "net.ipv4.tcp_tw_reuse", value: "1", intent: "exactly", why: "Reuse why.", tradeoff: "Reuse cost." },
    { key: "net.ipv4.ip_local_port_range", value: "32768 65535", intent: "cover", why: "Range why 32768 instead of 28232.", tradeoff: "Range cost." },
    { key: "net.core.netdev_max_backlog", value: "16384", intent: "at-least", why: "Backlog why.", tradeoff: "Backlog cost." },
    { key: "net.ipv4.tcp_synack_retries", value: "2", intent: "at-most", why: "Retries why.", tradeoff: "Retries cost." },
  ],
};

const DEFAULTS: Record<string, string> = {
  "net.ipv4.tcp_tw_reuse": "2",
  "net.ipv4.ip_local_port_range": "32768 60999",
  "net.core.netdev_max_backlog": "1000",
  "net.ipv4.tcp_synack_retries": "5",
};
const OPTIONS: PlanOptions = { kernelDefault: (k) => DEFAULTS[k] };

const alone = (text: string): InsertionTarget => ({ uri: "file:///etc/sysctl.d/99-t.conf", doc: parseSysctl(text) });

function insert(text: string, options: PlanOptions = OPTIONS): string {
  return applyEdits(text, planInsertion(PROFILE, alone(text), options).edits);
}

/** A sysctl --system set: [uri, text] in application order, and the index of the target. */
function inSet(texts: readonly (readonly [string, string])[], index: number): InsertionTarget {
  const files = texts.map(([uri, text]) => ({ uri, doc: parseSysctl(text) }));
  const target = files[index]!;
  return { ...target, files };
}

const valueLine = (text: string, key: string) => text.split("\n").filter((l) => l.startsWith(`${key} =`));

describe("planInsertion in one file", () => {
  it("appends a commented block to an empty file, with the real before → after from the kernel defaults", () => {
    const out = insert("");
    assert.equal(
      out,
      [
        "# Socket Doctor vetted settings: Test profile",
        "# Was 2 (the kernel default), now 1. Reuse why. Trade-off: Reuse cost.",
        "net.ipv4.tcp_tw_reuse = 1",
        "# Was 32768 60999 (the kernel default), now 32768 65535. 32768 local ports for each destination",
        "# (address and port) instead of 28232. Trade-off: Range cost.",
        "net.ipv4.ip_local_port_range = 32768 65535",
        "# Was 1000 (the kernel default), now 16384. Backlog why. Trade-off: Backlog cost.",
        "net.core.netdev_max_backlog = 16384",
        "# Was 5 (the kernel default), now 2. Retries why. Trade-off: Retries cost.",
        "net.ipv4.tcp_synack_retries = 2",
        "",
      ].join("\n"),
    );
  });

  it("says the default is not known where no default is at hand", () => {
    assert.match(insert("", {}), /^# Not set before \(the kernel's own default applied\), now 1\. Reuse why\./m);
  });

  it("leaves one blank line before the block, and writes the document's line breaks", () => {
    assert.match(insert("a.b = 1"), /^a\.b = 1\n\n# Socket Doctor/);
    assert.match(insert("a.b = 1\n"), /^a\.b = 1\n\n# Socket Doctor/);
    const crlf = "a.b = 1\r\nnet.core.netdev_max_backlog = 10\r\n";
    const out = applyEdits(crlf, planInsertion(PROFILE, alone(crlf), { ...OPTIONS, eol: "\r\n" }).edits);
    assert.equal(out.replace(/\r\n/g, "").includes("\n"), false, JSON.stringify(out));
  });

  it("widens a range and never narrows it: the issue's 1024 65000 becomes 1024 65535, and the comment counts from it", () => {
    const out = insert("net.ipv4.ip_local_port_range = 1024 65000\n");
    assert.deepEqual(valueLine(out, "net.ipv4.ip_local_port_range"), ["net.ipv4.ip_local_port_range = 1024 65535"]);
    assert.match(out.replace(/\n# /g, " "), /^# Was 1024 65000, now 1024 65535\. 64512 local ports for each destination \(address and port\) instead of 63977\./m);
    assert.doesNotMatch(out, /28232|Range why/);
  });

  it("raises a limit only where it is lower, lowers a timeout only where it is higher, and says so", () => {
    const text = "net.core.netdev_max_backlog = 65536\nnet.ipv4.tcp_synack_retries = 1\nnet.ipv4.tcp_tw_reuse = 1\nnet.ipv4.ip_local_port_range = 1024 65535\n";
    const plan = planInsertion(PROFILE, alone(text), OPTIONS);
    assert.deepEqual(plan.edits, []);
    assert.deepEqual(plan.outcomes.map(describeOutcome), [
      "left net.ipv4.tcp_tw_reuse = 1 (line 3): already the vetted value",
      "left net.ipv4.ip_local_port_range = 1024 65535 (line 4): already covers 32768 65535",
      "left net.core.netdev_max_backlog = 65536 (line 1): already at least 16384",
      "left net.ipv4.tcp_synack_retries = 1 (line 2): already at most 2",
    ]);
  });

  it("updates the assignment that counts (the last one) in place, never adding a duplicate, with the comment above it", () => {
    const text = "net.core.netdev_max_backlog = 100\n# keep\nnet.core.netdev_max_backlog = 1000\n-net.ipv4.tcp_synack_retries=5\n";
    const out = insert(text);
    const lines = out.split("\n");
    assert.equal(lines[0], "net.core.netdev_max_backlog = 100");
    assert.equal(lines[1], "# keep");
    assert.equal(lines[2], "# Was 1000, now 16384. Trade-off: Backlog cost.");
    assert.equal(lines[3], "net.core.netdev_max_backlog = 16384");
    assert.equal(lines[5], "-net.ipv4.tcp_synack_retries=2");
    assert.equal(out.match(/netdev_max_backlog = 16384/g)?.length, 1);
    const plan = planInsertion(PROFILE, alone(text), OPTIONS);
    assert.deepEqual(
      plan.outcomes.filter((o) => o.kind === "updated").map(describeOutcome),
      ["updated net.core.netdev_max_backlog: 1000 → 16384", "updated net.ipv4.tcp_synack_retries: 5 → 2"],
    );
  });

  it("quotes a switch's reason whatever it was, a limit's only where the default is what changes", () => {
    const out = insert("net.ipv4.tcp_tw_reuse = 0\nnet.ipv4.tcp_synack_retries = 3\n");
    assert.match(out, /^# Was 0, now 1\. Reuse why\. Trade-off: Reuse cost\.$/m);
    assert.match(out, /^# Was 3, now 2\. Trade-off: Retries cost\.$/m);
  });

  it("replaces a value the kernel would reject, keeping it in the comment", () => {
    const out = insert("net.core.netdev_max_backlog = 1000 # old\n");
    assert.match(out, /^# Was 1000 # old, now 16384\./m);
    assert.deepEqual(valueLine(out, "net.core.netdev_max_backlog"), ["net.core.netdev_max_backlog = 16384"]);
  });

  it("wraps every comment line at 100 characters", () => {
    const long = { ...PROFILE, settings: PROFILE.settings.map((s) => ({ ...s, why: "word ".repeat(60), tradeoff: `${"x".repeat(120)} end` })) };
    const out = applyEdits("", planInsertion(long, alone(""), OPTIONS).edits);
    for (const line of out.split("\n").filter((l) => l.startsWith("#"))) {
      assert.ok(line.length <= COMMENT_WIDTH || !line.slice(2).includes(" "), `${line.length}: ${line}`);
    }
  });

  for (const start of ["", "net.ipv4.ip_local_port_range = 1025 60000\n", "net.core.netdev_max_backlog = 10\nnet.core.netdev_max_backlog = 20", "# only a comment"]) {
    it(`changes nothing the second time (${JSON.stringify(start)})`, () => {
      const once = insert(start);
      assert.equal(insert(once), once);
    });
  }

  it("plans only the keys asked for", () => {
    const plan = planInsertion(PROFILE, alone(""), { ...OPTIONS, keys: ["net.core.netdev_max_backlog"] });
    assert.deepEqual(plan.outcomes.map((o) => o.setting.key), ["net.core.netdev_max_backlog"]);
  });
});

describe("planInsertion in a sysctl --system set", () => {
  const D = "file:///h/etc/sysctl.d";
  const C = "file:///h/etc/sysctl.conf";
  const set = (early: string, target: string, conf: string) =>
    inSet(
      [
        [`${D}/10-base.conf`, early],
        [`${D}/99-socket-doctor.conf`, target],
        [C, conf],
      ],
      1,
    );

  it("starts from what an earlier file sets: widens its range, keeps its better limit", () => {
    const t = set("net.ipv4.ip_local_port_range = 1024 65000\nnet.core.netdev_max_backlog = 65536\n", "", "");
    const plan = planInsertion(PROFILE, t, OPTIONS);
    const out = applyEdits("", plan.edits);
    assert.deepEqual(valueLine(out, "net.ipv4.ip_local_port_range"), ["net.ipv4.ip_local_port_range = 1024 65535"]);
    assert.match(out, /^# Was 1024 65000 \(from 10-base\.conf\), now 1024 65535\./m);
    assert.doesNotMatch(out, /netdev_max_backlog/);
    assert.equal(describeOutcome(plan.outcomes[2]!), "left net.core.netdev_max_backlog = 65536 (10-base.conf, line 2): already at least 16384");
    assert.equal(describeOutcome(plan.outcomes[1]!), "added net.ipv4.ip_local_port_range = 1024 65535 (was 1024 65000 from 10-base.conf, line 1)");
  });

  it("never writes a key that a later file sets: names that file, and plans the key there", () => {
    const conf = "net.ipv4.ip_local_port_range = 1024 65000\nnet.core.netdev_max_backlog = 65536\n";
    const t = set("", "net.ipv4.ip_local_port_range = 32768 60999\n", conf);
    const plan = planInsertion(PROFILE, t, OPTIONS);
    const out = applyEdits("net.ipv4.ip_local_port_range = 32768 60999\n", plan.edits);
    assert.deepEqual(valueLine(out, "net.ipv4.ip_local_port_range"), ["net.ipv4.ip_local_port_range = 32768 60999"], "the dead line is left as it is");
    assert.doesNotMatch(out, /netdev_max_backlog/, "a later file's better value is left alone, not copied");
    const over = plan.outcomes.find((o) => o.kind === "overridden");
    assert.equal(over && describeOutcome(over), "did not add net.ipv4.ip_local_port_range: sysctl.conf sets it to 1024 65000 on line 1, after this file, so it belongs there (1024 65535)");
    assert.deepEqual(overridingFiles(plan), [{ uri: C, keys: ["net.ipv4.ip_local_port_range"] }]);
    const [there] = planOverriding(plan, t, OPTIONS);
    assert.equal(there?.uri, C);
    assert.deepEqual(valueLine(applyEdits(conf, there!.plan.edits), "net.ipv4.ip_local_port_range"), ["net.ipv4.ip_local_port_range = 1024 65535"]);
    assert.deepEqual(there!.plan.outcomes.map((o) => o.kind), ["updated"]);
  });

  it("plans nothing in a masked file, and says which file masks it", () => {
    const plan = planInsertion(PROFILE, { ...alone(""), maskedBy: "file:///etc/sysctl.d/99-t.conf" }, OPTIONS);
    assert.deepEqual([plan.edits, plan.outcomes], [[], []]);
    assert.equal(summarize(plan, "/usr/lib/sysctl.d/99-t.conf"), '/usr/lib/sysctl.d/99-t.conf is never applied: /etc/sysctl.d/99-t.conf has the same name in a folder sysctl --system reads first, so "Test profile" belongs there.');
    assert.deepEqual(planOverriding(plan, alone(""), OPTIONS), []);
  });

  it("summarises what it changes, leaves and cannot do", () => {
    const t = set("", "net.ipv4.tcp_tw_reuse = 0\n", "net.ipv4.tcp_synack_retries = 1\nnet.core.netdev_max_backlog = 5\n");
    assert.equal(
      summarize(planInsertion(PROFILE, t, OPTIONS), "99-socket-doctor.conf"),
      '"Test profile" in 99-socket-doctor.conf: updated net.ipv4.tcp_tw_reuse: 0 → 1; added net.ipv4.ip_local_port_range = 32768 65535; ' +
        "did not add net.core.netdev_max_backlog: sysctl.conf sets it to 5 on line 2, after this file, so it belongs there (16384); " +
        "left net.ipv4.tcp_synack_retries = 1 (sysctl.conf, line 1): already at most 2.",
    );
  });
});
