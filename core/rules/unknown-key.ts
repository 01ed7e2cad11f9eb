import { distinctFixes, replaceKeyFix } from "./fixes";
import { fixedInstances, IFACE } from "../catalogue/catalogue";
import { PLACEHOLDER } from "../catalogue/instances";
import { liveUnknownKeys } from "./context-values";
import type { Finding, Rule } from "./types";

/** Why an instance segment cannot stand where it stands. */
function instanceProblem(template: string, instance: string): string {
  if (!template.includes(IFACE)) return `${template.replace("<n>", "")} has files 0 to 10 only, not ${instance}`;
  if (instance === "all") return "neighbour settings have no all, only default and one per interface";
  return `${instance} is not an interface name the kernel accepts (1 to 15 characters, not . or .., no : or white space; a dot inside a name is written /)`;
}

/**
 * A key of a family the catalogue covers key by key that matches nothing: most likely a typo, and writing it
 * fails on a mainline kernel (a vendor kernel may add keys of its own). Suggestions stay inside the key's
 * family. A name this machine has anyway (a vendor build's own key) is left to unchecked-key.
 */
/** A suggestion costs a fuzzy search: a file of thousands of garbage keys gets them for its first ones only. */
const MAX_SUGGESTED = 1000;

export const unknownKey: Rule = {
  code: "unknown-key",
  defaultSeverity: "warning",
  description: "A key (or glob pattern) that matches no key of mainline Linux 6.18: writing it fails unless a vendor kernel or module adds it.",
  check(ctx) {
    const out: Finding[] = [];
    // The cap holds for the whole file, however many windows it is linted in.
    const suggested = ctx.once(unknownKey, () => ({ count: 0 }));
    const vendor = liveUnknownKeys(ctx);
    for (const a of ctx.doc.assignments) {
      const r = ctx.resolution(a);
      if (r.kind === "glob") {
        if (r.matches === 0) {
          out.push({
            code: this.code,
            severity: "information",
            range: a.key.range,
            message: `The pattern ${a.key.text} matches no key of Linux 6.18, so it sets nothing.`,
          });
        }
        continue;
      }
      if (r.kind !== "unknown" || vendor.has(a)) continue;
      const bad = ctx.catalogue.badInstance(a.key.name);
      // A bad instance: the same setting on the template's first fixed instance (`default`) comes first.
      const fixed = bad && fixedInstances(bad.template)[0];
      const similar = suggested.count++ < MAX_SUGGESTED ? ctx.catalogue.suggest(a.key.name) : [];
      const suggestions = [...new Set([...(fixed ? [bad.template.replace(PLACEHOLDER, fixed)] : []), ...similar])];
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions[0]}?` : "";
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: bad
          ? `${a.key.name} does not exist: ${instanceProblem(bad.template, bad.instance)}, so writing it fails.${hint}`
          : `${a.key.name} is not a key of mainline Linux (as of 6.18): unless your kernel or one of its modules adds it, writing it fails.${hint}`,
        fixes: distinctFixes(suggestions.map((s, i) => replaceKeyFix(ctx, a, s, i === 0))),
        voidsLine: true,
      });
    }
    return out;
  },
};
