/**
 * A unified diff (`diff -u` format, 3 lines of context) of two texts, for `socket-doctor apply --diff`.
 * Lines are compared with their line breaks, so a last line without one is marked as `diff` marks it.
 * Myers' O((N+M)·D) algorithm after trimming the common head and tail: an insertion into a config file of
 * thousands of lines differs in a few dozen.
 */

type Op = { readonly kind: " " | "-" | "+"; readonly line: string };

const CONTEXT = 3;

function splitKeepingBreaks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The shortest edit script from a to b (Myers), as deletions before insertions within each change. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  /** v for k in [-d, d] after each round d, to walk back. */
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1] as Int32Array;
    const at = (k: number) => prev[k + d - 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    for (; x > prevX && y > prevY; y--) ops.push({ kind: " ", line: a[--x] as string });
    if (down) ops.push({ kind: "+", line: b[--y] as string });
    else ops.push({ kind: "-", line: a[--x] as string });
  }
  while (x > 0) ops.push({ kind: " ", line: a[--x] as string });
  return ops.reverse();
}

function range(start: number, count: number): string {
  // diff -u: an empty side is named by the line before it; a count of one is left out.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function printed(op: Op): string {
  return op.line.endsWith("\n") ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** The diff of `before` and `after` under the names given, or "" when they are the same. */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string): string {
  if (before === after) return "";
  const a = splitKeepingBreaks(before);
  const b = splitKeepingBreaks(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line) => ({ kind: " ", line }) as const),
    ...editScript(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line) => ({ kind: " ", line }) as const),
  ];
  const out = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  while (i < ops.length) {
    const change = ops.findIndex((o, j) => j >= i && o.kind !== " ");
    if (change < 0) break;
    // Context before the change, then changes and the context between them while gaps stay within 2 × CONTEXT.
    const start = Math.max(i, change - CONTEXT);
    oldLine += start - i;
    newLine += start - i;
    let end = change;
    for (let j = change; j < ops.length; j++) {
      if (ops[j]?.kind !== " ") end = j + 1;
      else if (j - end >= 2 * CONTEXT) break;
    }
    end = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== "+").length;
    const newCount = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`, ...hunk.map(printed));
    oldLine += oldCount;
    newLine += newCount;
    i = end;
  }
  return out.join("");
}
