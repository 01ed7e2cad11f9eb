/** Test inputs mark the cursor with `|`: "net.ipv4.tcp_|fin_timeout" → text without it, and its position. */
import type { Position } from "../../core/text/range";

export function withCursor(marked: string): { text: string; pos: Position } {
  const at = marked.indexOf("|");
  if (at === -1) throw new Error(`no | cursor in ${JSON.stringify(marked)}`);
  const before = marked.slice(0, at).split("\n");
  return {
    text: marked.slice(0, at) + marked.slice(at + 1),
    pos: { line: before.length - 1, character: (before[before.length - 1] as string).length },
  };
}
