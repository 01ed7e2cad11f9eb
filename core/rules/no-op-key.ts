import { PLACEHOLDER } from "../catalogue/instances";
import type { KeyEntry, Unit } from "../catalogue/types";
import { appliedValue, checkValue, parseKernelInt } from "../catalogue/values";
import type { Assignment } from "../sysctl/parse";
import { deleteLineFix, replaceKeyFix, replaceLineFix } from "./fixes";
import { isGone, knownAssignments } from "./context-values";
import type { Finding, Fix, Rule, RuleContext } from "./types";

/** Ticks per second of the time units that convert into one another exactly (jiffies depend on CONFIG_HZ). */
const PER_SECOND: Partial<Record<Unit, number>> = { seconds: 1, centiseconds: 100, milliseconds: 1000, microseconds: 1e6, nanoseconds: 1e9 };
const UNIT_WORDS: Partial<Record<Unit, string>> = { jiffies: "jiffies (kernel ticks, whose length depends on CONFIG_HZ)" };
const unitWords = (u: Unit): string => UNIT_WORDS[u] ?? u;

/** How a deprecated key's value reads in its replacement: what differs, and the value converted where that is exact. */
function conversion(e: KeyEntry, by: KeyEntry, value: string | undefined): { differs?: string; converted?: string } {
  if (e.replacementValues) {
    const differs = `takes ${Object.values(e.replacementValues).join(" or ")} where this one takes ${Object.keys(e.replacementValues).join(" or ")}`;
    const converted = value !== undefined ? e.replacementValues[value] : undefined;
    return { differs, ...(converted !== undefined ? { converted } : {}) };
  }
  if (!e.unit || !by.unit || e.unit === by.unit) return {};
  const differs = `counts ${unitWords(by.unit)}, not ${unitWords(e.unit)}`;
  const from = PER_SECOND[e.unit];
  const to = PER_SECOND[by.unit];
  const n = value !== undefined ? parseKernelInt(value) : undefined;
  if (from === undefined || to === undefined || to % from !== 0 || n === undefined) return { differs };
  const converted = String(n * (to / from));
  return checkValue(by, converted) ? { differs } : { differs, converted };
}

/**
 * A deprecated key that still works: a note naming the user's own key and its replacement, and what differs;
 * never a removal, which would drop the setting. Made when asked for: a generated file can hold hundreds.
 */
class DeprecatedFinding implements Finding {
  readonly code = noOpKey.code;
  // It still works: a note, not a warning.
  readonly severity = "information";
  readonly tags = DEPRECATED;
  private told: { readonly message: string; readonly fixes: Fix[] } | undefined;

  constructor(
    private readonly ctx: RuleContext,
    private readonly a: Assignment,
    private readonly e: KeyEntry,
    private readonly instance: string | undefined,
  ) {}

  get range() {
    return this.a.key.range;
  }

  get message(): string {
    return this.tell().message;
  }

  get fixes(): Fix[] {
    return this.tell().fixes;
  }

  private tell(): { readonly message: string; readonly fixes: Fix[] } {
    this.told ??= deprecated(this.ctx, this.a, this.e, this.instance);
    return this.told;
  }
}

const DEPRECATED = ["deprecated"] as const;

/** The message and fixes of a deprecated key that still works. */
function deprecated(ctx: RuleContext, a: Assignment, e: KeyEntry, instance: string | undefined): { message: string; fixes: Fix[] } {
  const still = `${a.key.name} still works, but it is deprecated`;
  if (!e.replacement) return { message: `${still}: a later kernel may drop it or ignore it.`, fixes: [] };
  const key = instance !== undefined ? e.replacement.replace(PLACEHOLDER, instance) : e.replacement;
  const by = ctx.catalogue.resolve(key)?.entry;
  const value = appliedValue(e, a.value.text);
  const { differs, converted } = by ? conversion(e, by, value) : {};
  const instead = `${still}: ${key} replaces it`;
  if (differs === undefined) return { message: `${instead} and takes the same value.`, fixes: [replaceKeyFix(ctx, a, key, true)] };
  if (converted === undefined) return { message: `${instead} and ${differs}, so the value does not carry over as it is.`, fixes: [] };
  const fix = replaceLineFix(ctx, a, key, converted, `Change to ${key} = ${converted}`);
  return { message: `${instead} and ${differs}: ${value} here is ${converted} there.`, fixes: fix ? [{ ...fix, isPreferred: true }] : [] };
}

/** Keys that still exist but that the target kernel ignores, or that are on their way out. */
export const noOpKey: Rule = {
  code: "no-op-key",
  defaultSeverity: "warning",
  description: "A key the kernel still accepts but ignores (a warning), or has deprecated but still honours (a note).",
  check(ctx) {
    const out: Finding[] = [];
    for (const { a, e, instance } of knownAssignments(ctx)) {
      const noOp = e.status === "no-op" && isGone(e, ctx.kernel);
      if (!noOp && e.status !== "deprecated") continue;
      if (!noOp) {
        out.push(new DeprecatedFinding(ctx, a, e, instance));
        continue;
      }
      const since = e.removedIn ? ` since Linux ${e.removedIn}` : "";
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.key.range,
        message: `${a.key.name} has no effect${since}: the kernel accepts the write and ignores it.`,
        tags: ["unnecessary"],
        fixes: [{ ...deleteLineFix(a), isPreferred: true }],
      });
    }
    return out;
  },
};
