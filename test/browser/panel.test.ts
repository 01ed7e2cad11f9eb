/**
 * The panel in Chromium, under the host's CSP: analysing a paste, showing the host's analyses, sorting,
 * the messages its buttons post, and surviving a reload.
 */
import "../support/scanner";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { analyzeText } from "../../core/analysis/analyze";
import type { Analysis } from "../../core/analysis/types";
import { TCP_STATES } from "../../core/netstat/types";
import { fmt, share } from "../../webview/format";
import { exportTree, histogramTree, toSvgString } from "../../webview/histogram";
import { isPanelMessage } from "../../webview/protocol";
import { sortRows } from "../../webview/tables";
import { fixture, troubledHost } from "./support/listings";
import { startHarness, type Harness } from "./support/panel";

/** The analysis as it arrives through postMessage (a structured clone, here JSON). */
const cloned = (a: Analysis): Analysis => JSON.parse(JSON.stringify(a)) as Analysis;
const nonZero = (a: Analysis): [string, number][] => TCP_STATES.filter((s) => a.states[s] > 0).map((s) => [s, a.states[s]]);
const PASTE = { kind: "paste", label: "Pasted listing" } as const;

describe("analysis panel", () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });

  it("analyses a paste in the page: the chart and its data table show the capture's counts", async () => {
    const panel = await harness.open();
    const text = fixture("linux-netstat/netstat-antp.txt");
    const expected = analyzeText(text);
    await panel.analyse(text);

    // The counts the fixture is known to hold (its .expected.json), bar by bar in TCP_STATES order.
    const known = (JSON.parse(fixture("linux-netstat/netstat-antp.expected.json")) as { states: Record<string, number> }).states;
    assert.deepEqual(Object.fromEntries(await panel.bars()), known);
    assert.deepEqual(await panel.bars(), nonZero(expected));
    assert.deepEqual(
      await panel.stateTableRows(),
      nonZero(expected).map(([s, n]) => [s, fmt(n), share(n, expected.total)]),
    );
    assert.equal(await panel.page.getAttribute("#results svg.histogram", "role"), "img");
    assert.match((await panel.page.getAttribute("#results svg.histogram", "aria-label")) ?? "", /^TCP socket states of 336 sockets: ESTABLISHED 132 \(39\.3%\)/);
    assert.equal(await panel.page.textContent("#results .summary"), `336 TCP sockets in ${expected.lines} lines (linux-netstat).`);
    assert.equal(await panel.page.textContent("#progress"), "Analyzed 336 TCP sockets.");

    // The host gets the same analysis the CLI computes, and the state keeps it with the (small) paste.
    assert.deepEqual(await panel.waitForPosted("analysed"), { type: "analysed", analysis: cloned(expected), source: PASTE });
    assert.deepEqual(await panel.state(), { analysis: cloned(expected), source: PASTE, text, choices: { portRange: { low: 32768, high: 60999 } } });
    for (const p of await panel.posted()) assert.ok(isPanelMessage(p.message), p.message.type);
    await panel.assertClean();
    await panel.close();
  });

  it("analyses with Ctrl+Enter, using the chosen format and port range", async () => {
    const panel = await harness.open();
    const text = fixture("ss/ss-tan.txt");
    await panel.setPaste(text);
    await panel.page.selectOption("#format", "ss");
    await panel.page.fill("#port-low", "1024");
    await panel.page.fill("#port-high", "65535");
    await panel.page.focus("#paste-text");
    await panel.page.keyboard.press("Control+Enter");
    const analysed = await panel.waitForPosted("analysed");
    assert.deepEqual(analysed.analysis, cloned(analyzeText(text, { format: "ss", portRange: { low: 1024, high: 65535 }, rangeSource: "set in the panel" })));
    assert.match((await panel.page.textContent("#results .range-note")) ?? "", /^Local port range 1024–65535 \(64,512 ports, set in the panel\)/);

    // A range that is not one is refused before anything runs.
    await panel.page.fill("#port-low", "70000");
    await panel.page.click("#analyse");
    assert.match((await panel.page.textContent("#paste-message")) ?? "", /local port range needs two whole numbers/);
    assert.equal(await panel.page.getAttribute("#port-low", "aria-invalid"), "true");
    assert.equal((await panel.messages("analysed")).length, 1);
    await panel.assertClean();
    await panel.close();
  });

  it("renders a `show` message, reports `status`, takes `offer`s, and ignores anything else", async () => {
    const panel = await harness.open();
    const text = fixture("ss/ss-tanp.txt");
    const analysis = analyzeText(text);
    const source = { kind: "file", label: "ss-tanp.txt" } as const;
    await panel.hostPost({ type: "show", analysis, source });
    await panel.waitForRender(0);
    assert.equal(await panel.page.textContent("#results .source-label"), "ss-tanp.txt");
    assert.deepEqual(await panel.bars(), nonZero(analysis));
    assert.equal(await panel.page.locator("#results article.finding").count(), analysis.findings.length);
    const processes = panel.page.locator("table.breakdown").filter({ has: panel.page.locator("caption", { hasText: /^Processes$/ }) });
    assert.deepEqual(
      await processes.locator("tbody th").allTextContents(),
      analysis.breakdowns.processes.map((p) => p.process),
    );
    assert.deepEqual(await panel.state(), { analysis: cloned(analysis), source, choices: { portRange: { low: 32768, high: 60999 } } });

    await panel.hostPost({ type: "status", level: "error", message: "Could not write /etc/sysctl.d/90-net.conf: permission denied" });
    assert.equal(await panel.page.textContent("#status"), "Error: Could not write /etc/sysctl.d/90-net.conf: permission denied");
    assert.equal(await panel.page.getAttribute("#status", "class"), "status status-error");

    // Malformed or unknown messages change nothing; the next valid one still arrives.
    for (const bad of [
      { type: "show" },
      { type: "show", analysis: { total: 1 }, source },
      { type: "show", analysis, source: { kind: "ftp", label: "x" } },
      { type: "offer", text: 42, origin: "clipboard" },
      { type: "status", level: "debug", message: "x" },
      { type: "evil", analysis },
      { type: "__proto__" },
    ]) {
      await panel.hostPost(bad);
    }
    await panel.hostPost({ type: "status", level: "info", message: "Settings inserted." });
    assert.equal(await panel.page.textContent("#status"), "Settings inserted.");
    assert.equal(await panel.renderCount(), 1);

    const offered = fixture("linux-netstat/netstat-ant.txt");
    await panel.hostPost({ type: "offer", text: offered, origin: "selection" });
    assert.equal(await panel.page.inputValue("#paste-text"), offered);
    assert.match((await panel.page.textContent("#paste-origin")) ?? "", /^From the editor selection/);
    assert.equal((await panel.messages("analysed")).length, 0, "an offer is not analysed until asked");
    await panel.hostPost({ type: "offer", text: "tcp 0 0 1.2.3.4:5 6.7.8.9:10 ESTABLISHED", origin: "clipboard" });
    assert.match((await panel.page.textContent("#paste-origin")) ?? "", /^From the clipboard/);
    await panel.assertClean();
    await panel.close();
  });

  it("sorts a breakdown by the column whose header is selected, toggling the direction and aria-sort", async () => {
    const panel = await harness.open();
    const analysis = analyzeText(troubledHost());
    await panel.hostPost({ type: "show", analysis, source: { kind: "live", label: "This machine" } });
    await panel.waitForRender(0);
    const table = panel.page.locator("table.breakdown").filter({ has: panel.page.locator("caption", { hasText: /^Remote hosts$/ }) });
    const th = (column: string) => table.locator("thead th").filter({ has: panel.page.locator(`button[data-column="${column}"]`) });
    const hosts = () => table.locator("tbody th").allTextContents();
    const rows = analysis.breakdowns.remoteHosts;
    const host = { id: "host", label: "Host", value: (r: (typeof rows)[number]) => r.host };
    const total = { id: "total", label: "Sockets", numeric: true, value: (r: (typeof rows)[number]) => r.total };

    assert.equal(await th("total").getAttribute("aria-sort"), "descending");
    assert.deepEqual(await hosts(), rows.map((r) => r.host));

    await th("total").locator("button").click();
    assert.equal(await th("total").getAttribute("aria-sort"), "ascending");
    assert.deepEqual(await hosts(), sortRows(rows, total, "ascending").map((r) => r.host));
    const counts = (await table.locator("tbody tr td:nth-of-type(1)").allTextContents()).map((s) => Number(s.replace(/,/g, "")));
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b));

    await th("host").locator("button").click();
    assert.equal(await th("host").getAttribute("aria-sort"), "ascending");
    assert.equal(await th("total").getAttribute("aria-sort"), null);
    assert.deepEqual(await hosts(), sortRows(rows, host, "ascending").map((r) => r.host));

    // Keyboard: the header is a button, so Enter sorts too.
    await th("host").locator("button").focus();
    await panel.page.keyboard.press("Enter");
    assert.equal(await th("host").getAttribute("aria-sort"), "descending");
    assert.deepEqual(await hosts(), sortRows(rows, host, "descending").map((r) => r.host));
    assert.equal(await th("host").locator(".sort-indicator").textContent(), "▼");
    await panel.assertClean();
    await panel.close();
  });

  it("posts insertSettings, copyMarkdown and saveSvg from its buttons", async () => {
    const panel = await harness.open();
    await panel.analyse(troubledHost());
    const { analysis } = await panel.waitForPosted("analysed");
    const pressure = panel.page.locator('article.finding[data-finding="ephemeral-port-pressure"]');
    assert.equal(await pressure.locator(".sev-text").textContent(), "Warning");
    assert.deepEqual(
      await pressure.locator("ul.settings code").allTextContents(),
      ["net.ipv4.tcp_tw_reuse = 1", "net.ipv4.ip_local_port_range = 32768 65535"],
    );

    await pressure.locator('button[data-action="insert"]').click();
    assert.deepEqual(await panel.waitForPosted("insertSettings"), { type: "insertSettings", profile: "reverse-proxy", preview: false, keys: ["net.ipv4.tcp_tw_reuse", "net.ipv4.ip_local_port_range"] });
    await pressure.locator('button[data-action="preview"]').click();
    assert.deepEqual(await panel.waitForPosted("insertSettings", 2), { type: "insertSettings", profile: "reverse-proxy", preview: true, keys: ["net.ipv4.tcp_tw_reuse", "net.ipv4.ip_local_port_range"] });
    await panel.page.locator('article.finding[data-finding="syn-recv-pile"] button[data-action="preview"]').click();
    assert.deepEqual(await panel.waitForPosted("insertSettings", 3), { type: "insertSettings", profile: "syn-flood", preview: true, keys: ["net.ipv4.tcp_synack_retries"] });

    await panel.page.click('button[data-action="copy-markdown"]');
    assert.deepEqual(await panel.waitForPosted("copyMarkdown"), { type: "copyMarkdown" });

    await panel.page.click('button[data-action="save-svg"]');
    const { svg } = await panel.waitForPosted("saveSvg");
    assert.equal(svg, toSvgString(exportTree(histogramTree(analysis.states, analysis.total))));
    // A well-formed standalone SVG document (parsed in a blank page: its <style> is the file's, not the panel's).
    const blank = await harness.context.newPage();
    const parsed = await blank.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      return { errors: doc.getElementsByTagName("parsererror").length, root: doc.documentElement.namespaceURI, bars: doc.querySelectorAll("rect").length };
    }, svg);
    assert.deepEqual(parsed, { errors: 0, root: "http://www.w3.org/2000/svg", bars: nonZero(analysis).length });
    await blank.close();

    for (const p of await panel.posted()) assert.ok(isPanelMessage(p.message), JSON.stringify(p.message).slice(0, 80));
    await panel.assertClean();
    await panel.close();
  });

  it("offers Refresh on a live capture only, and posts refresh from it", async () => {
    const panel = await harness.open();
    const analysis = analyzeText(fixture("proc-net-tcp/proc-net-tcp-tcp6.txt"));
    await panel.hostPost({ type: "show", analysis, source: { kind: "file", label: "tcp.txt" } });
    await panel.waitForRender(0);
    assert.equal(await panel.page.locator('button[data-action="refresh"]').count(), 0);
    await panel.hostPost({ type: "show", analysis, source: { kind: "live", label: "this machine, 10:00:00" } });
    await panel.waitForRender(1);
    await panel.page.click('button[data-action="refresh"]');
    assert.deepEqual(await panel.waitForPosted("refresh"), { type: "refresh" });
    assert.equal(await panel.page.textContent("#status"), "Reading this machine's sockets again…");
    // The host answers with a fresh analysis, which replaces the status.
    await panel.hostPost({ type: "show", analysis, source: { kind: "live", label: "this machine, 10:00:05" } });
    await panel.waitForRender(2);
    assert.equal(await panel.page.textContent("#results .source-label"), "this machine, 10:00:05");
    assert.equal(await panel.page.textContent("#status"), "");
    await panel.assertClean();
    await panel.close();
  });

  it("isolates pasted names: a right-to-left override cannot reverse the counts after it", async () => {
    const panel = await harness.open();
    const rlo = "\u202E";
    const rows = Array.from({ length: 30 }, (_, i) => `tcp        0      0 10.0.0.5:443            198.51.100.${i}:40000       CLOSE_WAIT  4242/ja${rlo}va`);
    await panel.analyse(["Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name", ...rows].join("\n"));
    const evidence = panel.page.locator('article.finding[data-finding="close-wait-leak"] dd').last();
    assert.equal(await evidence.textContent(), "4242/ja<U+202E>va (30)");
    const cell = panel.page.locator("table.breakdown").filter({ has: panel.page.locator("caption", { hasText: /^Processes$/ }) }).locator("tbody th bdi");
    assert.equal(await cell.textContent(), "4242/ja<U+202E>va");
    // The numbers render left to right after the name: "(30)", never "(03)".
    const isolated = await panel.page.evaluate(() => getComputedStyle(document.querySelector(".evidence dd") as Element).unicodeBidi);
    assert.equal(isolated, "isolate");
    await panel.assertClean();
    await panel.close();
  });

  it("survives a reload: the saved state renders the same results before it says ready", async () => {
    const panel = await harness.open();
    const text = fixture("linux-netstat/netstat-anto.txt");
    // The form's choices come back too.
    await panel.page.selectOption("#format", "linux-netstat");
    await panel.page.fill("#port-low", "40000");
    await panel.page.fill("#port-high", "40999");
    await panel.analyse(text);
    const results = await panel.page.locator("#results").evaluate((e) => e.outerHTML);
    const state = await panel.state();

    await panel.page.reload();
    await panel.waitForPosted("ready");
    const [ready] = await panel.posted();
    assert.equal(ready?.message.type, "ready");
    assert.equal(ready?.renderCount, 1, "the restored analysis was on screen before ready");
    assert.equal(await panel.page.locator("#results").evaluate((e) => e.outerHTML), results);
    assert.equal(await panel.page.inputValue("#paste-text"), text);
    assert.deepEqual([await panel.page.inputValue("#format"), await panel.page.inputValue("#port-low"), await panel.page.inputValue("#port-high")], ["linux-netstat", "40000", "40999"]);
    assert.deepEqual(await panel.state(), state);

    // A state that is not one (an old version's, a corrupted one) is an empty panel, not a broken one.
    await panel.page.evaluate(() => sessionStorage.setItem("socket-doctor-panel-state", JSON.stringify({ analysis: { total: "many" }, text: 5 })));
    await panel.page.reload();
    await panel.waitForPosted("ready");
    assert.equal(await panel.renderCount(), 0);
    assert.equal(await panel.page.inputValue("#paste-text"), "");
    await panel.assertClean();
    await panel.close();
  });
});
