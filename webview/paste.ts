/**
 * The paste area: the listing, its format, the host's local port range, and the Analyze button. Text over
 * MAX_PASTE_BYTES is refused as it arrives (paste, drop, typing), so the textarea never holds it.
 */
import type { AnalyzeOptions } from "../core/analysis/analyze";
import { DEFAULT_PORT_RANGE } from "../core/analysis/thresholds";
import { FORMAT_NAMES, type FormatName } from "../core/netstat/types";
import { h } from "./dom";
import { exceedsLimit, isTooLarge, tooLargeMessage } from "./paste-limit";
import { readChoices, type FormChoices } from "./protocol";

export const FORMAT_LABELS: Readonly<Record<FormatName, string>> = {
  "linux-netstat": "Linux netstat (net-tools)",
  ss: "ss (iproute2)",
  "proc-net-tcp": "/proc/net/tcp",
  "busybox-netstat": "BusyBox netstat",
  "bsd-netstat": "macOS / FreeBSD netstat",
  "windows-netstat": "Windows netstat",
};

export type PasteSettings = { readonly options: AnalyzeOptions } | { readonly error: string };

export interface PasteForm {
  readonly element: HTMLElement;
  text(): string;
  /** Puts text in the paste area with a note saying where it came from; false (and a message) when it is too large. */
  setText(text: string, note?: string): boolean;
  settings(): PasteSettings;
  /** The format and port range as chosen, for the saved state. */
  choices(): FormChoices;
  setChoices(c: FormChoices): void;
  setBusy(busy: boolean): void;
  setProgress(text: string): void;
  showMessage(text: string): void;
  clearMessage(): void;
}

export function createPasteForm(onAnalyse: () => void): PasteForm {
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const textarea = h("textarea", {
    id: "paste-text",
    class: "paste-text",
    rows: "10",
    spellcheck: "false",
    autocomplete: "off",
    wrap: "off",
    placeholder: "Proto Recv-Q Send-Q Local Address           Foreign Address         State\ntcp        0      0 10.0.0.5:41234          10.0.1.10:8080          TIME_WAIT",
    "aria-describedby": "paste-help paste-message",
  });
  const origin = h("span", { class: "paste-origin", id: "paste-origin" });
  const message = h("p", { class: "paste-message", id: "paste-message", role: "alert" });
  const progress = h("p", { class: "progress", id: "progress", "aria-live": "polite" });
  const format = h(
    "select",
    { id: "format", class: "format" },
    h("option", { value: "auto" }, "Detect automatically"),
    FORMAT_NAMES.map((f) => h("option", { value: f }, FORMAT_LABELS[f])),
  );
  const portInput = (id: string, label: string, value: number) =>
    h("input", { id, class: "port", type: "number", min: "1", max: "65535", step: "1", inputmode: "numeric", value: String(value), "aria-label": label });
  const low = portInput("port-low", "Lowest local port", DEFAULT_PORT_RANGE.low);
  const high = portInput("port-high", "Highest local port", DEFAULT_PORT_RANGE.high);
  const button = h("button", { type: "button", id: "analyse", class: "primary", "aria-keyshortcuts": mac ? "Meta+Enter" : "Control+Enter" }, "Analyze");

  const element = h(
    "section",
    { class: "paste", "aria-labelledby": "paste-label" },
    h("div", { class: "paste-head" }, h("label", { for: "paste-text", id: "paste-label", class: "paste-label" }, "Socket listing"), origin),
    textarea,
    h(
      "p",
      { class: "muted", id: "paste-help" },
      "Paste the output of ",
      h("code", {}, "netstat -ant"),
      ", ",
      h("code", {}, "ss -tan"),
      " or ",
      h("code", {}, "cat /proc/net/tcp"),
      " (up to 50 MB). It is analyzed here, in this panel.",
    ),
    message,
    h(
      "div",
      { class: "controls" },
      h("div", { class: "field" }, h("label", { for: "format" }, "Format"), format),
      h(
        "fieldset",
        { class: "field port-range" },
        h("legend", {}, "Local port range"),
        h("div", { class: "port-inputs" }, low, h("span", { "aria-hidden": "true" }, "–"), high),
      ),
      h("div", { class: "analyse-group" }, button, h("kbd", { class: "shortcut" }, mac ? "⌘+Enter" : "Ctrl+Enter")),
    ),
    progress,
  );

  const showMessage = (text: string) => {
    message.textContent = text;
    message.classList.add("visible");
  };
  const clearMessage = () => {
    message.textContent = "";
    message.classList.remove("visible");
  };

  // The size check happens before the text lands in the textarea: the paste is refused, not trimmed.
  textarea.addEventListener("paste", (e) => {
    const incoming = e.clipboardData?.getData("text/plain") ?? "";
    const { value, selectionStart: a, selectionEnd: b } = textarea;
    if (exceedsLimit([[value, 0, a], [incoming, 0, incoming.length], [value, b, value.length]])) {
      e.preventDefault();
      showMessage(tooLargeMessage(a + incoming.length + value.length - b));
    } else clearMessage();
  });
  // Drops, typing and anything else that bypasses the paste event.
  textarea.addEventListener("input", () => {
    origin.textContent = "";
    if (isTooLarge(textarea.value)) {
      const units = textarea.value.length;
      textarea.value = "";
      showMessage(tooLargeMessage(units));
    }
  });
  button.addEventListener("click", () => onAnalyse());
  element.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onAnalyse();
    }
  });
  for (const input of [low, high]) input.addEventListener("input", () => [low, high].forEach((i) => i.removeAttribute("aria-invalid")));
  // The form's choices, with the same checks a saved state gets: a port range that is not valid is left out.
  const choices = () => readChoices({ format: format.value, portRange: { low: Number(low.value), high: Number(high.value) } });

  return {
    element,
    text: () => textarea.value,
    setText(text, note) {
      if (isTooLarge(text)) {
        showMessage(tooLargeMessage(text.length));
        return false;
      }
      clearMessage();
      textarea.value = text;
      origin.textContent = note ?? "";
      return true;
    },
    settings() {
      // An empty field reads as 0, which is not a port.
      const { format: f, portRange } = choices();
      if (!portRange) {
        [low, high].forEach((i) => i.setAttribute("aria-invalid", "true"));
        const { low: lo, high: hi } = DEFAULT_PORT_RANGE;
        return { error: `The local port range needs two whole numbers from 1 to 65535, the first no larger than the second (${lo} and ${hi} by default).` };
      }
      const isDefault = portRange.low === DEFAULT_PORT_RANGE.low && portRange.high === DEFAULT_PORT_RANGE.high;
      return { options: { ...(f ? { format: f } : {}), portRange, rangeSource: isDefault ? "the kernel default" : "set in the panel" } };
    },
    choices,
    setChoices(c) {
      if (c.format) format.value = c.format;
      if (c.portRange) {
        low.value = String(c.portRange.low);
        high.value = String(c.portRange.high);
      }
    },
    setBusy(busy) {
      button.disabled = busy;
      element.setAttribute("aria-busy", String(busy));
    },
    setProgress(text) {
      progress.textContent = text;
    },
    showMessage,
    clearMessage,
  };
}
