import { checkValue } from "../catalogue/values";
import { MAX_VALUE_LENGTH, type Assignment } from "../sysctl/parse";
import { lineRange } from "../text/range";
import type { Finding, Rule, RuleContext } from "./types";

/** `key = 1 # on`: sysctl.conf has no end-of-line comments, so the `# on` is written into the key too. */
function trailingComment(ctx: RuleContext, a: Assignment, code: string): Finding | undefined {
  if (!a.value.text.includes("#")) return undefined;
  const at = a.value.text.search(/(^|\s)#/);
  if (at === -1) return undefined;
  const r = ctx.resolution(a);
  // Numbers with text after them are refused; free text (and keys we do not know) silently get the comment.
  const refused = r.kind === "key" && r.resolved.entry.type !== "string";
  const kept = a.value.text.slice(0, at).trimEnd();
  const start = a.value.range.start;
  return {
    code,
    severity: refused ? "error" : "warning",
    range: a.value.range,
    message: `sysctl.conf has no end-of-line comments: the text after \`#\` is part of the value${refused ? ", so the kernel rejects the write" : ` and is written into \`${a.key.name}\``}. Put the comment on a line of its own.`,
    fixes: [
      {
        title: "Move the comment to the line above",
        edits: [
          { range: lineRange(a.line, 0, 0), newText: `${a.value.text.slice(at).trim()}\n` },
          { range: lineRange(a.line, start.character, a.value.range.end.character), newText: kept },
        ],
        isPreferred: true,
      },
    ],
  };
}

export const invalidValue: Rule = {
  code: "invalid-value",
  defaultSeverity: "error",
  description: "A value of the wrong type or outside the range the kernel accepts, or with a comment after it.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const v = a.value;
      if (v.text.length > MAX_VALUE_LENGTH) {
        out.push({
          code: this.code,
          severity: this.defaultSeverity,
          range: v.range,
          message: `This value is ${v.text.length} characters long; sysctl reads at most ${MAX_VALUE_LENGTH}.`,
        });
        continue;
      }
      const comment = trailingComment(ctx, a, this.code);
      if (comment) {
        out.push(comment);
        continue;
      }
      const r = ctx.resolution(a);
      if (r.kind !== "key" || r.resolved.entry.readOnly) continue;
      const problem = checkValue(r.resolved.entry, v.text);
      if (problem) {
        out.push({
          code: this.code,
          severity: problem.rejected ? this.defaultSeverity : "warning",
          range: v.range,
          message: `\`${a.key.name}\` ${problem.message}.`,
        });
      }
    }
    return out;
  },
};
