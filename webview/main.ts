/**
 * The "Analyze netstat output" panel. It restores its saved state, tells the host it is ready, analyses pastes
 * itself (analyse-slices.ts) and shows analyses the host sends. Every message in is checked with
 * isHostMessage; every message out with isPanelMessage (state.ts).
 */
import type { Analysis } from "../core/analysis/types";
import { analyseInSlices } from "./analyse-slices";
import { h } from "./dom";
import { fmt } from "./format";
import { exportTree, toSvgString } from "./histogram";
import { isTooLarge, tooLargeMessage } from "./paste-limit";
import { createPasteForm } from "./paste";
import { isHostMessage, type HostMessage, type Source } from "./protocol";
import { renderResults } from "./results";
import "./scanner-browser";
import { post, readState, vsCodeApi, writeState } from "./state";

const PASTE_SOURCE: Source = { kind: "paste", label: "Pasted listing" };

function start(): void {
  const api = vsCodeApi();
  const root = document.getElementById("app") ?? document.body.appendChild(h("main", { id: "app" }));
  root.classList.add("panel");

  const status = h("p", { class: "status", id: "status", role: "status" });
  const results = h("div", { class: "results", id: "results" });
  const form = createPasteForm(() => void analysePaste());
  root.replaceChildren(
    h("header", { class: "panel-header" }, h("h1", {}, "Analyze netstat output"), h("p", { class: "muted" }, "Counts TCP sockets by state and explains what the piles mean.")),
    form.element,
    status,
    results,
  );

  let generation = 0;
  let busy = false;
  let renders = 0;

  const setStatus = (level: "info" | "error" | undefined, message = "") => {
    status.className = level ? `status status-${level}` : "status";
    status.replaceChildren(...(level === "error" ? [h("span", { class: "status-prefix" }, "Error: ")] : []), message);
  };

  function show(analysis: Analysis, source: Source): void {
    renderResults(results, analysis, source, {
      insertSettings: (profile, preview, keys) => post(api, { type: "insertSettings", profile, preview, keys }),
      copyMarkdown: () => post(api, { type: "copyMarkdown" }),
      saveSvg: (tree) => post(api, { type: "saveSvg", svg: toSvgString(exportTree(tree)) }),
      refresh: () => {
        setStatus("info", "Reading this machine's sockets again…");
        post(api, { type: "refresh" });
      },
    });
    // A marker tests (and anyone timing the panel) can wait for: the results are in the DOM.
    root.dataset.renderCount = String(++renders);
    root.dataset.renderedAt = performance.now().toFixed(1);
  }

  function setBusy(b: boolean): void {
    busy = b;
    form.setBusy(b);
    if (b) results.setAttribute("aria-busy", "true");
    else results.removeAttribute("aria-busy");
  }

  async function analysePaste(): Promise<void> {
    if (busy) return;
    const text = form.text();
    if (text.trim() === "") {
      form.showMessage("Paste a socket listing first: the output of netstat -ant, ss -tan or cat /proc/net/tcp.");
      return;
    }
    if (isTooLarge(text)) {
      form.showMessage(tooLargeMessage(text.length));
      return;
    }
    const settings = form.settings();
    if ("error" in settings) {
      form.showMessage(settings.error);
      return;
    }
    form.clearMessage();
    setStatus(undefined);
    const run = ++generation;
    setBusy(true);
    let shown = -1;
    const progress = (fraction: number) => {
      const p = Math.floor(fraction * 10) * 10;
      if (p !== shown) form.setProgress(`Analyzing… ${(shown = p)}%`);
    };
    progress(0);
    try {
      const analysis = await analyseInSlices(text, settings.options, { onProgress: progress, cancelled: () => run !== generation });
      if (!analysis || run !== generation) return;
      show(analysis, PASTE_SOURCE);
      form.setProgress(`Analyzed ${fmt(analysis.total)} TCP socket${analysis.total === 1 ? "" : "s"}.`);
      writeState(api, { analysis, source: PASTE_SOURCE, text, choices: form.choices() });
      post(api, { type: "analysed", analysis, source: PASTE_SOURCE });
    } catch (e) {
      form.setProgress("");
      setStatus("error", `The analysis failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (run === generation) setBusy(false);
    }
  }

  function handle(m: HostMessage): void {
    switch (m.type) {
      case "show": {
        // The host's analysis replaces any paste still being analysed.
        generation++;
        setBusy(false);
        form.setProgress("");
        setStatus(undefined);
        const text = m.text !== undefined && form.setText(m.text, `From ${m.source.label}`) ? m.text : undefined;
        try {
          show(m.analysis, m.source);
        } catch (e) {
          setStatus("error", `This analysis could not be shown: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        writeState(api, { analysis: m.analysis, source: m.source, ...(text !== undefined ? { text } : {}), choices: form.choices() });
        return;
      }
      case "offer": {
        const from = m.origin === "selection" ? "From the editor selection" : "From the clipboard";
        if (form.setText(m.text, `${from}: select Analyze to read it`)) {
          const saved = readState(api);
          writeState(api, { ...saved, text: m.text });
        }
        return;
      }
      case "status":
        setStatus(m.level, m.message);
        return;
    }
  }

  const saved = readState(api);
  if (saved.choices) form.setChoices(saved.choices);
  if (saved.text !== undefined) form.setText(saved.text);
  if (saved.analysis && saved.source) {
    try {
      show(saved.analysis, saved.source);
    } catch {
      results.replaceChildren();
    }
  }
  window.addEventListener("message", (e: MessageEvent<unknown>) => {
    if (isHostMessage(e.data)) handle(e.data);
  });
  post(api, { type: "ready" });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
