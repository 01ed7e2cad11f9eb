import { instanceDefault } from "../catalogue/catalogue";
import { appliedValue, sameValue } from "../catalogue/values";
import { deleteLineFix } from "./fixes";
import { isWritable, knownAssignments } from "./context-values";
import type { Finding, Rule } from "./types";

export const redundantDefault: Rule = {
  code: "redundant-default",
  defaultSeverity: "hint",
  description: "A key set to the kernel's default: the line changes nothing unless it overrides another file.",
  afterWrite: true,
  defers: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e, instance } of knownAssignments(ctx)) {
      // The default of the instance written: conf.all.accept_source_route is 0 where every interface has 1.
      const def = instanceDefault(e, instance);
      if (def === null || e.status !== "active" || !isWritable(e, ctx.kernel)) continue;
      const applied = appliedValue(e, a.value.text);
      if (applied === undefined || !sameValue(applied, def)) continue;
      // Restating the default on purpose, to undo an earlier file, is not redundant.
      if (ctx.assignmentsOf(a.key.name)[0]?.assignment !== a) continue;
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.range,
        message: `${a.key.name} is ${def === "" ? "empty" : def} by default, so this line changes nothing unless it overrides another file.`,
        tags: ["unnecessary"],
        fixes: [{ ...deleteLineFix(a), isPreferred: true }],
      });
    }
    return out;
  },
};
