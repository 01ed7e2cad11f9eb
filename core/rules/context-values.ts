/** Reading values out of the file set, falling back to the kernel's default. */
import { parseInts, parseKernelInt } from "../catalogue/values";
import type { Assignment } from "../sysctl/parse";
import type { RuleContext } from "./types";

/** The integer a key ends up with after the file set is applied, else its default; undefined if unknown. */
export function finalInt(ctx: RuleContext, name: string): number | undefined {
  const final = ctx.finalValue(name);
  const text = final ? final.assignment.value.text : ctx.catalogue.resolve(name)?.entry.default;
  return text === undefined || text === null ? undefined : parseKernelInt(text.trim());
}

/** This document's assignments of one key. */
export function assignmentsHere(ctx: RuleContext, name: string): Assignment[] {
  return ctx.doc.assignments.filter((a) => a.key.name === name);
}

/** The assignment's value as integers, or undefined when it is not a list of integers. */
export function intsOf(a: Assignment): number[] | undefined {
  return parseInts(a.value.text);
}
