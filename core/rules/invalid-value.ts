import type { KeyEntry } from "../catalogue/types";
import { checkValue, numbersRead } from "../catalogue/values";
import { MAX_VALUE_LENGTH, type Assignment } from "../sysctl/parse";
import { lineRange } from "../text/range";
import { isWritable } from "./context-values";
import { setValueFix } from "./fixes";
import { crossKeyRefusals } from "./cross-key";
import type { Finding, Fix, Rule } from "./types";

/** Text keys whose handler reads a pattern and ignores what follows it (proc_tcp_fastopen_key: sscanf "%x-%x-%x-%x"). */
const READS_A_PREFIX = new Set(["net.ipv4.tcp_fastopen_key"]);

const MOVE_COMMENT = "Put the comment on a line of its own.";

function moveCommentFix(a: Assignment, at: number): Fix {
  const start = a.value.range.start.character;
  return {
    title: "Move the comment to the line above",
    edits: [
      { range: lineRange(a.line, 0, 0), newText: `${a.value.text.slice(at).trim()}\n` },
      { range: lineRange(a.line, start, a.value.range.end.character), newText: a.value.text.slice(0, at).trimEnd() },
    ],
    isPreferred: true,
  };
}

type Verdict = Pick<Finding, "severity" | "message"> & { readonly refused: boolean };

/**
 * `key = 600 # ten minutes`: sysctl.conf has no end-of-line comments, so the kernel gets the comment too, and
 * what happens follows the key's type. The integer readers stop after the numbers they need and ignore the
 * rest; text keys take the whole line (the write fails, or the comment is stored); port lists reject it.
 */
function commentVerdict(name: string, e: KeyEntry | undefined, text: string, at: number): Verdict {
  const kept = text.slice(0, at).trimEnd();
  if (!e) {
    return {
      severity: "warning",
      refused: false,
      message: `sysctl.conf has no end-of-line comments: the kernel gets the comment too. If ${name} takes text, the comment is written into it; if it takes numbers, the kernel ignores what follows them. ${MOVE_COMMENT}`,
    };
  }
  const n = numbersRead(e);
  if (n !== undefined || READS_A_PREFIX.has(e.key)) {
    const own = checkValue(e, kept);
    if (own?.rejected) return { severity: "error", refused: true, message: `${name} ${own.message}.` };
    if (n !== undefined && checkValue(e, text)?.rejected) {
      const given = kept.split(/\s+/).filter((w) => w !== "").length;
      return {
        severity: "error",
        refused: true,
        message: `${name} takes ${n} numbers and the comment stands where number ${given + 1} should be, so the kernel rejects the write: sysctl.conf has no end-of-line comments. ${MOVE_COMMENT}`,
      };
    }
    if (own) return { severity: "warning", refused: false, message: `${name} ${own.message}.` };
    return {
      severity: "information",
      refused: false,
      message: `The kernel reads ${kept} and ignores the rest of the line, so this works. Still, sysctl.conf has no end-of-line comments: after a text value the same comment would become part of the value. ${MOVE_COMMENT}`,
    };
  }
  if (e.type === "port-list") {
    return { severity: "error", refused: true, message: `sysctl.conf has no end-of-line comments: the comment is read as part of the port list, so the kernel rejects the write. ${MOVE_COMMENT}` };
  }
  return {
    severity: "error",
    refused: true,
    message: `sysctl.conf has no end-of-line comments: ${name} receives the whole text "${text}", comment included, and the kernel either rejects it or stores the comment in the setting. ${MOVE_COMMENT}`,
  };
}

export const invalidValue: Rule = {
  code: "invalid-value",
  defaultSeverity: "error",
  description: "A value the kernel rejects or does not take as written: the wrong type, out of range, against a limit its handler sets (a power of two, below another key), extra or missing numbers, a comment after it.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      const v = a.value;
      const base = { code: this.code, range: v.range };
      if (v.text.length > MAX_VALUE_LENGTH) {
        const message = `This value is ${v.text.length} characters long; sysctl reads at most ${MAX_VALUE_LENGTH}, so the write fails.`;
        out.push({ ...base, severity: this.defaultSeverity, message, voidsLine: true });
        continue;
      }
      const r = ctx.resolution(a);
      // Keys the kernel does not have (or only reports) are their own rules' story.
      if (r.kind === "unknown" || r.kind === "misplaced") continue;
      const e = r.kind === "key" ? r.resolved.entry : undefined;
      if (e && !isWritable(e, ctx.kernel)) continue;
      const at = v.text.search(/(^|\s)#/);
      if (at !== -1) {
        const { severity, message, refused } = commentVerdict(a.key.name, e, v.text, at);
        out.push({ ...base, severity, message, fixes: [moveCommentFix(a, at)], ...(refused ? { voidsLine: true } : {}) });
        continue;
      }
      const problem = e && checkValue(e, v.text);
      if (!problem) {
        // Its own value is fine; a limit against another key's value at that moment may still refuse it.
        const refusal = crossKeyRefusals(ctx).get(a);
        if (refusal) out.push({ ...base, severity: this.defaultSeverity, message: refusal, voidsLine: true });
        continue;
      }
      const refused = problem.rejected;
      const hint = problem.suggestion !== undefined ? ` Did you mean ${problem.suggestion}?` : "";
      const fixes = problem.suggestion !== undefined ? [{ ...setValueFix(a, problem.suggestion, `Change to ${problem.suggestion}`), isPreferred: false }] : [];
      out.push({
        ...base,
        severity: refused ? this.defaultSeverity : "warning",
        message: `${a.key.name} ${problem.message}.${hint}`,
        ...(fixes.length > 0 ? { fixes } : {}),
        ...(refused ? { voidsLine: true } : {}),
      });
    }
    return out;
  },
};
