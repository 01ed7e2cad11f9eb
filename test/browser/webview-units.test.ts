/** The panel's browser-free parts, in Node: paste limits, sliced analysis, sorting, and the page's source rules. */
import "../support/scanner";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzeText } from "../../core/analysis/analyze";
import { analyseInSlices } from "../../webview/analyse-slices";
import { exceedsLimit, isTooLarge, tooLargeMessage, utf8Length } from "../../webview/paste-limit";
import { MAX_PASTE_BYTES } from "../../webview/protocol";
import { nextSort, sortRows, type Column } from "../../webview/tables";
import { fixture, largeNetstat } from "./support/listings";
import { ROOT } from "./support/panel-server";

describe("paste limit", () => {
  it("measures UTF-8 bytes like TextEncoder", () => {
    for (const s of ["", "netstat", "État établi", "端口", "😀 emoji", "\ud800 lone surrogate", "a\u00e9\u4e2d\ud83d\ude00"]) {
      assert.equal(utf8Length(s), new TextEncoder().encode(s).length, JSON.stringify(s));
    }
  });

  it("decides from lengths alone unless the text is near the limit", () => {
    assert.equal(isTooLarge("x".repeat(10), 10), false);
    assert.equal(isTooLarge("x".repeat(11), 10), true);
    assert.equal(isTooLarge("é".repeat(5), 10), false);
    assert.equal(isTooLarge("é".repeat(6), 10), true);
    assert.equal(isTooLarge("😀".repeat(3), 10), true);
    // A paste replacing a selection: what is kept plus what arrives.
    const value = "0123456789";
    assert.equal(exceedsLimit([[value, 0, 2], ["abcdefgh", 0, 8], [value, 10, 10]], 10), false);
    assert.equal(exceedsLimit([[value, 0, 3], ["abcdefgh", 0, 8], [value, 10, 10]], 10), true);
  });

  it("is the protocol's MAX_PASTE_BYTES by default, and says where large captures go", () => {
    assert.equal(isTooLarge("x".repeat(MAX_PASTE_BYTES)), false);
    assert.equal(isTooLarge("x".repeat(MAX_PASTE_BYTES + 1)), true);
    const message = tooLargeMessage(100 * 1024 * 1024);
    assert.match(message, /^This text \(about 100 MB\) is larger than the 50 MB the panel analyzes/);
    assert.match(tooLargeMessage(MAX_PASTE_BYTES + 1), /^This text is larger than the 50 MB/);
    assert.match(message, /Socket Doctor: Analyze Current File/);
    assert.match(message, /socket-doctor analyze/);
  });
});

describe("analysis in slices", () => {
  it("gives the same analysis as reading the text at once, whatever the slice size", async () => {
    const text = fixture("mixed/paste-crlf.txt") + largeNetstat(3000) + fixture("linux-netstat/netstat-antp.txt");
    const whole = analyzeText(text);
    for (const size of [7, 997, 4096, 256 * 1024]) {
      const progress: number[] = [];
      const sliced = await analyseInSlices(text, {}, { onProgress: (f) => progress.push(f) }, size);
      assert.deepEqual(sliced, whole, `slice ${size}`);
      assert.equal(progress.at(-1), 1);
      assert.deepEqual([...progress].sort((a, b) => a - b), progress);
    }
  });

  it("stops when cancelled", async () => {
    let checks = 0;
    const result = await analyseInSlices(largeNetstat(2000), {}, { cancelled: () => ++checks >= 2 }, 4096);
    assert.equal(result, undefined);
    assert.equal(checks, 2);
  });
});

describe("sortable tables", () => {
  type R = { host: string; total: number };
  const rows: R[] = [
    { host: "10.0.1.9", total: 5 },
    { host: "10.0.1.10", total: 7 },
    { host: "10.0.1.100", total: 5 },
    { host: "2001:db8::1", total: 1 },
  ];
  const host: Column<R> = { id: "host", label: "Host", value: (r) => r.host };
  const total: Column<R> = { id: "total", label: "Sockets", numeric: true, value: (r) => r.total };

  it("sorts numbers as numbers, text naturally, and keeps ties in their order", () => {
    assert.deepEqual(sortRows(rows, total, "descending").map((r) => r.host), ["10.0.1.10", "10.0.1.9", "10.0.1.100", "2001:db8::1"]);
    assert.deepEqual(sortRows(rows, total, "ascending").map((r) => r.host), ["2001:db8::1", "10.0.1.9", "10.0.1.100", "10.0.1.10"]);
    assert.deepEqual(sortRows(rows, host, "ascending").map((r) => r.host), ["10.0.1.9", "10.0.1.10", "10.0.1.100", "2001:db8::1"]);
  });

  it("toggles the direction on the same column, and starts numbers most first", () => {
    assert.deepEqual(nextSort(undefined, total), { column: "total", direction: "descending" });
    assert.deepEqual(nextSort({ column: "total", direction: "descending" }, total), { column: "total", direction: "ascending" });
    assert.deepEqual(nextSort({ column: "total", direction: "ascending" }, host), { column: "host", direction: "ascending" });
  });
});

describe("page source", () => {
  const dir = join(ROOT, "webview");
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ f, text: readFileSync(join(dir, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "") }));

  it("parses no HTML and sets no inline style anywhere", () => {
    const sinks = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|\.style\b|setAttribute\(\s*["']style|\beval\(|new Function/;
    assert.deepEqual(sources.filter((s) => sinks.test(s.text)).map((s) => `${s.f}: ${sinks.exec(s.text)?.[0]}`), []);
    const bundle = readFileSync(join(ROOT, "dist", "webview.js"), "utf8");
    assert.doesNotMatch(bundle, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
