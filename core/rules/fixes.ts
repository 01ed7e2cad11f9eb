/** Small edit builders shared by rules. */
import type { Assignment } from "../sysctl/parse";
import { wholeLine } from "../text/range";
import type { Fix } from "./types";

export function deleteLineFix(a: Assignment, title = "Remove this line"): Fix {
  return { title, edits: [{ range: wholeLine(a.line), newText: "" }] };
}

export function replaceKeyFix(a: Assignment, key: string, preferred: boolean): Fix {
  return { title: `Change to ${key}`, edits: [{ range: a.key.range, newText: key }], isPreferred: preferred };
}
