import type { Rule } from "./types";

/** Lines sysctl cannot read at all: it skips them with an error. */
export const syntaxError: Rule = {
  code: "syntax-error",
  defaultSeverity: "error",
  description: "A line that is neither a comment nor key = value.",
  check(ctx) {
    return ctx.doc.lines.flatMap((l) =>
      l.kind === "error"
        ? [{ code: this.code, severity: this.defaultSeverity, range: l.errorRange, message: l.message, voidsLine: true }]
        : [],
    );
  },
};
