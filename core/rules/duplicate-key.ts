import { deleteLineFix } from "./fixes";
import type { Assignment } from "../sysctl/parse";
import type { Finding, Fix, Related, Rule, RuleContext } from "./types";

/**
 * The last assignment of a key in this file: the one that wins there. The set's assignments come in
 * application order, file by file, so a binary search by file finds it.
 */
function lastHere(ctx: RuleContext, name: string): Assignment | undefined {
  const list = ctx.assignmentsOf(name);
  const mine = ctx.files.indexOf(ctx.file);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.files.indexOf((list[mid] as (typeof list)[number]).file) <= mine) lo = mid + 1;
    else hi = mid;
  }
  const last = list[lo - 1];
  return last?.file === ctx.file ? last.assignment : undefined;
}

const UNNECESSARY = ["unnecessary"] as const;

/**
 * A repeated key can make a finding of every line of a generated file: the related location and the fix are
 * made only when asked for (the CLI never asks).
 */
class DuplicateFinding implements Finding {
  readonly code = duplicateKey.code;
  readonly severity = duplicateKey.defaultSeverity;
  readonly tags = UNNECESSARY;
  /** The line is overwritten: what its value would do is moot. */
  readonly voidsLine = true;

  constructor(
    private readonly a: Assignment,
    private readonly winner: Assignment,
  ) {}

  get range() {
    return this.a.range;
  }

  get message(): string {
    return `${this.a.key.name} is set again on line ${this.winner.line + 1}, so this line has no effect.`;
  }

  get related(): Related[] {
    return [{ range: this.winner.range, message: "The assignment that wins" }];
  }

  get fixes(): Fix[] {
    return [{ ...deleteLineFix(this.a, "Remove the dead assignment"), isPreferred: true }];
  }
}

/** sysctl applies lines in order, so an earlier assignment of the same key is dead. */
export const duplicateKey: Rule = {
  code: "duplicate-key",
  defaultSeverity: "warning",
  description: "A key assigned again later in the same file: the earlier line has no effect.",
  check(ctx) {
    const out: Finding[] = [];
    for (const a of ctx.doc.assignments) {
      if (a.key.glob) continue;
      const winner = lastHere(ctx, a.key.name);
      if (winner && winner !== a) out.push(new DuplicateFinding(a, winner));
    }
    return out;
  },
};
