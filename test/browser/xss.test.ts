/**
 * Hostile text stays text. Probes go in through a paste (process names, unreadable lines), a `show` analysis
 * (every string field), `status` and `offer`, and must show up literally and run nothing: no dialog, no
 * window.__pwned, no element made from them. The same checks run with the host's CSP (where any attempt
 * would also be a violation) and without it (where only the page's own care stops them).
 */
import "../support/scanner";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { analyzeText } from "../../core/analysis/analyze";
import type { Analysis } from "../../core/analysis/types";
import { fixture } from "./support/listings";
import { startHarness, type Harness, type Panel, type TestWindow } from "./support/panel";

const PROBES = [
  `<script>window.__pwned=1;alert(1)</script>`,
  `<img src=x onerror="window.__pwned=2;alert(2)">`,
  `</textarea><script>window.__pwned=3;alert(3)</script>`,
  `<svg onload="window.__pwned=4;alert(4)"></svg>`,
  `"><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>`,
] as const;

function hostilePaste(): string {
  const row = (local: string, remote: string, state: string, program: string) => `tcp        0      0 ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(11)} ${program}`;
  return [
    "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name",
    ...PROBES.map((p, i) => row(`10.0.0.5:${40000 + i}`, "10.0.1.10:8080", "CLOSE_WAIT", `${100 + i}/${p}`)),
    ...Array.from({ length: 10 }, (_, i) => row(`10.0.0.5:${41000 + i}`, "10.0.1.10:8080", "CLOSE_WAIT", `${200 + i}/${PROBES[i % PROBES.length]}`)),
    ...PROBES,
  ].join("\n");
}

/** A real analysis with a probe in every string the panel shows. */
function hostileAnalysis(): Analysis {
  const a = JSON.parse(JSON.stringify(analyzeText(fixture("linux-netstat/netstat-antp.txt") + hostilePaste()))) as Record<string, any>;
  const p = (i: number) => PROBES[i % PROBES.length] as string;
  a.format = p(0);
  a.formats = [p(1), "linux-netstat"];
  a.unparsedExamples = PROBES.map((text, i) => ({ line: i + 1, text }));
  a.unparsed = PROBES.length;
  a.breakdowns.remoteHosts[0].host = p(2);
  a.breakdowns.remoteEndpoints[0].host = p(3);
  a.breakdowns.processes[0].process = p(4);
  a.portPressure.rangeSource = p(0);
  a.portPressure.destinations = [{ localAddress: p(1), remoteAddress: p(2), remotePort: 8080, held: 10, timeWait: 5, fraction: 0.5, sustainableRate: 470 }];
  a.findings = [
    {
      id: p(3),
      severity: p(4),
      title: p(0),
      explanation: `${p(1)} and \`${p(2)}\``,
      evidence: [{ label: p(3), value: p(4) }],
      actions: [
        { kind: "advice", text: p(0) },
        { kind: "settings", profile: p(1), title: p(2), settings: [{ key: p(3), value: p(4), why: p(0) }] },
      ],
    },
    ...a.findings,
  ];
  return a as Analysis;
}

async function assertInert(panel: Panel): Promise<void> {
  const found = await panel.page.evaluate(() => ({
    pwned: (window as unknown as TestWindow).__pwned,
    elements: document.querySelectorAll("#app script, #app img, #app iframe, #app [onerror], #app [onload], #app [srcdoc], body > script:not([nonce])").length,
    svgs: document.querySelectorAll("#app svg:not(.histogram)").length,
  }));
  assert.deepEqual(found, { pwned: undefined, elements: 0, svgs: 0 });
  assert.deepEqual(panel.dialogs, []);
}

async function assertLiteral(panel: Panel, selector: string): Promise<void> {
  const text = (await panel.page.textContent(selector)) ?? "";
  for (const probe of PROBES) assert.ok(text.includes(probe), `${selector} shows ${probe} literally`);
}

for (const csp of [true, false]) {
  describe(`hostile text ${csp ? "under the host's CSP" : "with no CSP at all"}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await startHarness();
    });
    after(async () => {
      await harness?.close();
    });

    it("a paste with probes in process names and unreadable lines", async () => {
      const panel = await harness.open({ csp });
      const text = hostilePaste();
      await panel.analyse(text);
      await panel.page.click("details.unparsed > summary");
      await assertInert(panel);
      assert.equal(await panel.page.inputValue("#paste-text"), text);
      const processes = await panel.page.locator("table.breakdown").filter({ has: panel.page.locator("caption", { hasText: /^Processes$/ }) }).locator("tbody th").allTextContents();
      for (const probe of PROBES) assert.ok(processes.some((p) => p.endsWith(`/${probe}`)), probe);
      assert.deepEqual(await panel.page.locator(".unparsed-text").allTextContents(), [...PROBES]);
      assert.ok(await panel.page.locator(".unparsed-list").isVisible());
      if (csp) await panel.assertClean();
      await panel.close();
    });

    it("a `show` analysis with probes in every field, and probes in `status` and `offer`", async () => {
      const panel = await harness.open({ csp });
      await panel.hostPost({ type: "show", analysis: hostileAnalysis(), source: { kind: "file", label: PROBES[2] } });
      await panel.waitForRender(0);
      await panel.hostPost({ type: "status", level: "error", message: PROBES.join(" ") });
      await panel.hostPost({ type: "offer", text: PROBES.join("\n"), origin: "clipboard" });
      await assertInert(panel);
      await assertLiteral(panel, "#results .findings");
      await assertLiteral(panel, "#results .unparsed");
      await assertLiteral(panel, "#results");
      await assertLiteral(panel, "#status");
      assert.equal(await panel.page.textContent("#results .source-label"), PROBES[2]);
      assert.equal(await panel.page.inputValue("#paste-text"), PROBES.join("\n"));
      // The hostile card's button posts the profile as data, for the host to validate.
      await panel.page.locator("article.finding").first().locator('button[data-action="insert"]').click();
      assert.deepEqual(await panel.waitForPosted("insertSettings"), { type: "insertSettings", profile: PROBES[1], preview: false, keys: [PROBES[3]] });
      // Analysing the offered probes adds nothing live either.
      await panel.page.click("#analyse");
      await panel.waitForPosted("analysed");
      await assertInert(panel);
      if (csp) await panel.assertClean();
      await panel.close();
    });
  });
}
