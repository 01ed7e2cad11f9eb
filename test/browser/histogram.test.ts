/** The histogram is a pure function of the counts: bars in the fixed state order, shares, escaping, colours. */
import "../support/scanner";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzeText } from "../../core/analysis/analyze";
import type { StateCounts } from "../../core/analysis/types";
import { TCP_STATES } from "../../core/netstat/types";
import { escapeAttribute, escapeText, exportTree, histogramBars, histogramTree, STATE_SWATCHES, stateClass, toSvgString, type SvgNode } from "../../webview/histogram";
import { ROOT } from "./support/panel-server";

function counts(partial: Partial<StateCounts>): StateCounts {
  return Object.fromEntries(TCP_STATES.map((s) => [s, partial[s] ?? 0])) as StateCounts;
}

const rows = (tree: SvgNode) => tree.children.filter((c) => c.tag === "g");
const texts = (n: SvgNode): string[] => [...(n.text !== undefined ? [n.text] : []), ...n.children.flatMap(texts)];

describe("histogram", () => {
  // Given out of order on purpose: the chart must follow TCP_STATES, not the object's key order.
  const states = counts({ LISTEN: 3, TIME_WAIT: 67, ESTABLISHED: 132, CLOSE_WAIT: 67, FIN_WAIT2: 67 });

  it("draws one bar per state with sockets, in the fixed TCP_STATES order", () => {
    const tree = histogramTree(states, 336);
    assert.deepEqual(
      rows(tree).map((g) => [g.attrs["data-state"], Number(g.attrs["data-count"])]),
      [["ESTABLISHED", 132], ["FIN_WAIT2", 67], ["TIME_WAIT", 67], ["CLOSE_WAIT", 67], ["LISTEN", 3]],
    );
  });

  it("labels each bar with its count and share of the total", () => {
    const values = rows(histogramTree(states, 336)).map((g) => g.children.find((c) => c.attrs.class?.includes("hist-value"))?.text);
    assert.deepEqual(values, ["132 (39.3%)", "67 (19.9%)", "67 (19.9%)", "67 (19.9%)", "3 (0.9%)"]);
    assert.deepEqual(
      histogramBars(counts({ ESTABLISHED: 99_999, TIME_WAIT: 1 }), 100_000).map((b) => b.share),
      [">99.9%", "<0.1%"],
    );
    assert.deepEqual(
      histogramBars(counts({ ESTABLISHED: 12_345 }), 12_345).map((b) => [b.count, b.share]),
      [[12_345, "100.0%"]],
    );
  });

  it("scales bars to the largest count, and never draws a visible state at zero width", () => {
    const bars = rows(histogramTree(counts({ ESTABLISHED: 100_000, LISTEN: 1 }), 100_001)).map((g) => Number(g.children.find((c) => c.tag === "rect")?.attrs.width));
    assert.equal(bars[0], 210);
    assert.ok((bars[1] ?? 0) >= 1);
  });

  it("has a title and an accessible name with every number", () => {
    const tree = histogramTree(states, 336);
    assert.equal(tree.attrs.role, "img");
    assert.equal(tree.children[0]?.tag, "title");
    assert.equal(tree.children[0]?.text, "TCP socket states (336 sockets)");
    assert.equal(tree.attrs["aria-label"], "TCP socket states of 336 sockets: ESTABLISHED 132 (39.3%), FIN_WAIT2 67 (19.9%), TIME_WAIT 67 (19.9%), CLOSE_WAIT 67 (19.9%), LISTEN 3 (0.9%)");
  });

  it("says so when there is nothing to draw", () => {
    const tree = histogramTree(counts({}), 0);
    assert.equal(rows(tree).length, 0);
    assert.ok(texts(tree).includes("No TCP sockets"));
    assert.match(toSvgString(tree), /^<svg [^>]*>.*No TCP sockets.*<\/svg>$/s);
  });

  it("ignores counts that are not numbers (a message's shape is never trusted)", () => {
    const hostile = { ...counts({ ESTABLISHED: 2 }), TIME_WAIT: "<script>" as unknown as number, LISTEN: Number.NaN };
    assert.deepEqual(histogramBars(hostile, 2).map((b) => b.state), ["ESTABLISHED"]);
  });

  it("colours through classes only: no style, fill or event attributes anywhere", () => {
    const walk = (n: SvgNode): string[] => [...Object.keys(n.attrs), ...n.children.flatMap(walk)];
    const names = new Set(walk(histogramTree(counts(Object.fromEntries(TCP_STATES.map((s) => [s, 1]))), 12)));
    for (const bad of ["style", "fill", "stroke", "color"]) assert.ok(!names.has(bad), bad);
    assert.ok(![...names].some((n) => n.startsWith("on")));
  });

  it("gives every state one class, and style.css colours each class with the same theme variable", () => {
    const css = readFileSync(join(ROOT, "dist", "webview-style.css"), "utf8");
    for (const s of TCP_STATES) {
      const rule = new RegExp(`\\.${stateClass(s)}\\s*\\{\\s*fill:\\s*var\\(--vscode-charts-${STATE_SWATCHES[s].colour}\\);\\s*\\}`);
      assert.match(css, rule, s);
    }
    assert.equal(new Set(TCP_STATES.map(stateClass)).size, TCP_STATES.length);
  });
});

describe("toSvgString", () => {
  it("escapes text and attribute values", () => {
    const tree: SvgNode = {
      tag: "svg",
      attrs: { xmlns: "http://www.w3.org/2000/svg", "aria-label": `"><script>alert(1)</script>&'` },
      children: [{ tag: "text", attrs: {}, children: [], text: "</text><script>alert(1)</script> & <img src=x onerror=alert(1)>" }],
    };
    assert.equal(
      toSvgString(tree),
      `<svg xmlns="http://www.w3.org/2000/svg" aria-label="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;">` +
        `<text>&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</text></svg>`,
    );
    assert.equal(escapeText("a\u0000b\u001bc"), "abc");
    assert.equal(escapeAttribute("a\nb"), "a&#10;b");
  });

  it("refuses element and attribute names that are not names", () => {
    assert.throws(() => toSvgString({ tag: "svg onload=alert(1)", attrs: {}, children: [] }));
    assert.throws(() => toSvgString({ tag: "svg", attrs: { 'x="1" onload': "alert(1)" }, children: [] }));
  });

  it("exports a standalone file: the same drawing plus its colours, as a saveSvg message accepts", () => {
    const a = analyzeText(readFileSync(join(ROOT, "test", "fixtures", "netstat", "linux-netstat", "netstat-antp.txt"), "utf8"));
    const tree = histogramTree(a.states, a.total);
    const svg = toSvgString(exportTree(tree));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.length < 1_000_000);
    assert.match(svg, /<style>[^<]*\.s-established\{fill:var\(--vscode-charts-green,#388a34\)\}/);
    // The page's tree is the exported one minus the <style>.
    assert.equal(toSvgString(tree), svg.replace(/<style>[^<]*<\/style>/, ""));
    for (const s of TCP_STATES) if (a.states[s] > 0) assert.ok(svg.includes(`data-state="${s}"`), s);
  });
});
