/** Findings as cards: severity as an icon and a word (never colour alone), the explanation, evidence and actions. */
import type { Action, AnalysisFinding, FindingSeverity } from "../core/analysis/types";
import { h, richText, uid } from "./dom";
import { list, str } from "./format";

export interface FindingHandlers {
  /** `keys`: the profile's settings the action lists, which may be fewer than the profile has. */
  insertSettings(profile: string, preview: boolean, keys: readonly string[]): void;
}

const SEVERITY: Record<FindingSeverity, { readonly icon: string; readonly text: string }> = {
  error: { icon: "\u2716", text: "Error" },
  warning: { icon: "\u26A0\uFE0E", text: "Warning" },
  information: { icon: "\u2139\uFE0E", text: "Information" },
};

function severityOf(v: unknown): FindingSeverity {
  return v === "error" || v === "warning" ? v : "information";
}

function settingsAction(a: Extract<Action, { kind: "settings" }>, titleId: string, handlers: FindingHandlers): HTMLElement {
  const profile = str(a.profile);
  const insert = h("button", { type: "button", class: "primary", "data-action": "insert", "aria-describedby": titleId }, "Insert settings");
  const preview = h("button", { type: "button", class: "secondary", "data-action": "preview", "aria-describedby": titleId }, "Preview");
  const keys = list(a.settings).map((s) => str(s.key));
  insert.addEventListener("click", () => handlers.insertSettings(profile, false, keys));
  preview.addEventListener("click", () => handlers.insertSettings(profile, true, keys));
  return h(
    "div",
    { class: "settings-action", "data-profile": profile },
    h("p", { class: "settings-title" }, "Vetted settings: ", str(a.title)),
    h(
      "ul",
      { class: "settings" },
      list(a.settings).map((s) => h("li", {}, h("code", { class: "setting" }, `${str(s.key)} = ${str(s.value)}`), h("span", { class: "why" }, str(s.why)))),
    ),
    h("div", { class: "buttons" }, insert, preview),
  );
}

export function findingCard(f: AnalysisFinding, handlers: FindingHandlers): HTMLElement {
  const severity = severityOf(f.severity);
  const sev = SEVERITY[severity];
  const titleId = uid("finding");
  const actions = list(f.actions);
  const advice = actions.filter((a): a is Extract<Action, { kind: "advice" }> => a?.kind === "advice");
  const settings = actions.filter((a): a is Extract<Action, { kind: "settings" }> => a?.kind === "settings");
  const evidence = list(f.evidence);
  return h(
    "article",
    { class: `finding sev-${severity}`, "aria-labelledby": titleId, "data-finding": str(f.id) },
    h(
      "header",
      { class: "finding-header" },
      h("span", { class: "sev-badge" }, h("span", { class: "sev-icon", "aria-hidden": "true" }, sev.icon), h("span", { class: "sev-text" }, sev.text)),
      h("h3", { id: titleId }, str(f.title)),
    ),
    h("p", { class: "explanation" }, richText(str(f.explanation))),
    evidence.length > 0 && h("dl", { class: "evidence" }, evidence.flatMap((e) => [h("dt", {}, str(e.label)), h("dd", {}, richText(str(e.value)))])),
    actions.length > 0 &&
      h(
        "div",
        { class: "actions" },
        h("h4", {}, "What to do"),
        settings.map((a) => settingsAction(a, titleId, handlers)),
        advice.length > 0 && h("ul", { class: "advice" }, advice.map((a) => h("li", {}, richText(str(a.text))))),
      ),
  );
}

export function findingsSection(findings: readonly AnalysisFinding[], handlers: FindingHandlers): HTMLElement {
  const headingId = uid("heading");
  return h(
    "section",
    { class: "findings", "aria-labelledby": headingId },
    h("h2", { id: headingId }, `Findings (${findings.length})`),
    findings.length === 0 ? h("p", { class: "muted" }, "Nothing stands out: no state is piling up.") : h("div", { class: "finding-list" }, findings.map((f) => findingCard(f, handlers))),
  );
}
