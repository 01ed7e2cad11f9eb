/** The outline: one symbol per assignment. */
import type { SysctlDocument } from "../sysctl/parse";
import type { Range } from "../text/range";

export interface SymbolInfo {
  readonly name: string;
  readonly detail: string;
  readonly range: Range;
  readonly selectionRange: Range;
}

export function documentSymbols(doc: SysctlDocument): SymbolInfo[] {
  return doc.assignments.map((a) => ({
    name: a.key.name || a.key.text,
    detail: a.value.text.length > 80 ? `${a.value.text.slice(0, 79)}…` : a.value.text,
    range: a.range,
    selectionRange: a.key.range,
  }));
}
