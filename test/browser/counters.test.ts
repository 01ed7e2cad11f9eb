/**
 * The panel's "Kernel counters" section in Chromium: a scenario captured in a throw-away namespace (the
 * TIME_WAIT cap lowered until the kernel destroyed TIME_WAIT state), pasted as an SRE would, and what the
 * page shows of it: how it was sampled, the gauges, the counters that matter, the conntrack listing, and the
 * finding's Insert settings.
 */
import "../support/scanner";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { analyzeText } from "../../core/analysis/analyze";
import { gaugeText, notableCounters } from "../../core/counters/summary";
import { fmt } from "../../webview/format";
import { paste } from "../unit/counters/support";
import { fixture } from "./support/listings";
import { startHarness, type Harness } from "./support/panel";

describe("kernel counters in the panel", () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });

  it("shows the sampling, the gauges, the moving counters first and the conntrack listing", async () => {
    const panel = await harness.open();
    const text = paste("tw-overflow");
    const expected = analyzeText(text);
    await panel.analyse(text);
    const section = panel.page.locator("#results section.counters");
    assert.equal(await section.locator("h2").textContent(), "Kernel counters");
    assert.match((await section.locator("p.muted").first().textContent()) ?? "", /^Read from nstat, .*: 2 snapshots, 2 s apart: changes between the first and the last\.$/);

    // One gauge per limit the paste has, with the same words as the CLI's report.
    assert.deepEqual(
      await section.locator("li.gauge .gauge-text").allTextContents(),
      expected.gauges.map((g) => `${gaugeText(g)} (${g.setting})`),
    );
    assert.deepEqual(await section.locator("li.gauge").evaluateAll((els) => els.map((e) => e.getAttribute("data-gauge"))), ["time-wait", "conntrack"]);
    assert.equal(await section.locator('li[data-gauge="time-wait"] meter').getAttribute("value"), "32");

    // The counters that moved or are not 0, in the report's order, with their change; the rest folded away.
    const rows = notableCounters(expected);
    const moving = rows.filter((r) => r.value > 0 || (r.change ?? 0) > 0);
    const shown = await section.locator("table.counter-table").first().locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td, th")].slice(0, 3).map((c) => c.textContent)));
    assert.deepEqual(shown, moving.map((r) => [r.name, fmt(r.value), (r.change ?? 0) > 0 ? `+${fmt(r.change)}` : "0"]));
    assert.equal(shown[0]?.[0], "TcpExtTCPTimeWaitOverflow");
    assert.equal(await section.locator("details.zero-counters > summary").textContent(), `${rows.length - moving.length} more at 0`);
    assert.equal(await section.locator("details.zero-counters").getAttribute("open"), null);

    // The conntrack listing's breakdown.
    assert.match((await section.locator(".conntrack-listing p").first().textContent()) ?? "", /^400 entries: 400 tcp\./);

    // The finding comes as a card whose vetted settings restore the TIME_WAIT cap.
    const card = panel.page.locator('article.finding[data-finding="tw-bucket-overflow"]');
    assert.equal(await card.locator(".sev-text").textContent(), "Error");
    await card.locator('button[data-action="insert"]').click();
    assert.deepEqual(await panel.waitForPosted("insertSettings"), { type: "insertSettings", profile: "tw-buckets", preview: false, keys: ["net.ipv4.tcp_max_tw_buckets"] });
    await panel.assertClean();
    await panel.close();
  });

  it("shows /proc/net/softnet_stat's readings and counters, and the softnet-drops card", async () => {
    const panel = await harness.open();
    // Two CPUs read 10 s apart: CPU 0 dropped 64 more packets meanwhile (hexadecimal columns, as the kernel prints them).
    const row = (processed: number, dropped: number, squeeze: number, cpu: number) =>
      [processed, dropped, squeeze, 0, 0, 0, 0, 0, 0, 0, 0, 0, cpu, 0, 0].map((v) => v.toString(16).padStart(8, "0")).join(" ");
    const text = ["$ cat /proc/net/softnet_stat; sleep 10; cat /proc/net/softnet_stat", row(5000, 16, 3, 0), row(7000, 0, 1, 1), row(9000, 80, 51, 0), row(7100, 0, 1, 1), ""].join("\n");
    await panel.analyse(text);
    const section = panel.page.locator("#results section.counters");
    assert.match((await section.locator("p.muted").first().textContent()) ?? "", /\/proc\/net\/softnet_stat: 2 CPUs, 2 readings, 10 s apart: changes between the first and the last\.$/);
    const shown = await section.locator("table.counter-table").first().locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td, th")].slice(0, 3).map((c) => c.textContent)));
    assert.deepEqual(shown[0], ["softnet_stat dropped", "80", "+64"]);
    const card = panel.page.locator('article.finding[data-finding="softnet-drops"]');
    assert.equal(await card.locator(".sev-text").textContent(), "Error");
    await card.locator('button[data-action="insert"]').first().click();
    assert.deepEqual(await panel.waitForPosted("insertSettings"), { type: "insertSettings", profile: "softnet-backlog", preview: false, keys: ["net.core.netdev_max_backlog"] });
    await panel.assertClean();
    await panel.close();
  });

  it("has no counters section for a listing alone", async () => {
    const panel = await harness.open();
    await panel.analyse(fixture("ss/ss-tan.txt"));
    assert.equal(await panel.page.locator("#results section.counters").count(), 0);
    await panel.assertClean();
    await panel.close();
  });
});
