/**
 * The shape of the rules that flag harmful values of single keys (tcp-feature-off, drops-connections,
 * limit-lowered, insecure-setting): a table of keys, each with the values that do harm, a message that says
 * what breaks and what to do instead, and a fix where one is safe.
 */
import { parseInts } from "../catalogue/values";
import type { Assignment } from "../sysctl/parse";
import { appliedText, assignmentsHere, isWritable } from "./context-values";
import type { Finding, Fix, Rule, RuleContext } from "./types";

/** A value as the kernel applies it (without what it ignores), and its integers where it is made of them. */
export interface Applied {
  readonly text: string;
  readonly ints: readonly number[];
}

export interface Harm {
  readonly key: string;
  readonly harmful: (v: Applied, ctx: RuleContext) => boolean;
  readonly message: (v: Applied, ctx: RuleContext) => string;
  readonly fixes?: (a: Assignment, ctx: RuleContext) => readonly (Fix | undefined)[];
}

export function harmRule(code: string, description: string, harms: readonly Harm[]): Rule {
  return {
    code,
    defaultSeverity: "warning",
    description,
    afterWrite: true,
    check(ctx) {
      const out: Finding[] = [];
      for (const harm of harms) {
        for (const a of assignmentsHere(ctx, harm.key)) {
          const r = ctx.resolution(a);
          if (r.kind !== "key" || !isWritable(r.resolved.entry, ctx.kernel)) continue;
          const text = appliedText(ctx, a);
          if (text === undefined) continue;
          const v = { text, ints: parseInts(text) ?? [] };
          if (!harm.harmful(v, ctx)) continue;
          const fixes = (harm.fixes?.(a, ctx) ?? []).filter((f): f is Fix => f !== undefined);
          out.push({
            code,
            severity: "warning",
            range: a.value.range,
            message: harm.message(v, ctx),
            ...(fixes.length > 0 ? { fixes } : {}),
          });
        }
      }
      return out;
    },
  };
}
