/** Applies non-overlapping text edits to a text, as an editor would (for previews and tests). */
import { splitLines } from "./lines";
import type { Position, TextEdit } from "./range";

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = splitLines(text);
  const breaks = text.match(/\r\n|\r|\n/g) ?? [];
  const starts: number[] = [];
  let at = 0;
  lines.forEach((l, i) => {
    starts.push(at);
    at += l.length + (breaks[i]?.length ?? 0);
  });
  const offset = (p: Position) =>
    p.line >= lines.length ? text.length : Math.min((starts[p.line] as number) + p.character, (starts[p.line] as number) + (lines[p.line] as string).length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
