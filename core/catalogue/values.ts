/** Checks a value against what the kernel accepts for a catalogue entry. */
import type { KeyEntry } from "./types";

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * The kernel's integer reader takes decimal and 0x-prefixed hex, with an optional sign. Read by hand rather
 * than by a regular expression: the linter calls this for every value of every document on each keystroke.
 */
export function parseKernelInt(text: string): number | undefined {
  const first = text.charCodeAt(0);
  const signed = first === 43 || first === 45;
  const at = signed ? 1 : 0;
  const hex = text.length > at + 2 && text.charCodeAt(at) === 48 && (text.charCodeAt(at + 1) | 32) === 120;
  const digits = hex ? at + 2 : at;
  if (digits >= text.length) return undefined;
  for (let i = digits; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32;
    if (!((c >= 48 && c <= 57) || (hex && lower >= 97 && lower <= 102))) return undefined;
  }
  const n = hex ? parseInt(text.slice(digits), 16) : Number(text.slice(digits));
  return first === 45 ? -n : n;
}

function bounds(entry: KeyEntry): { min: number; max: number } {
  return { min: entry.min ?? INT_MIN, max: entry.max ?? INT_MAX };
}

function checkInt(entry: KeyEntry, text: string, what = "an integer"): string | undefined {
  const n = parseKernelInt(text);
  if (n === undefined) return `expects ${what}, not \`${text}\``;
  const { min, max } = bounds(entry);
  if (n < min || n > max) return `accepts ${min}..${max}; \`${text}\` is out of range`;
  return undefined;
}

function checkPort(text: string): string | undefined {
  const n = parseKernelInt(text);
  if (n === undefined || n < 0 || n > 65535) return `\`${text}\` is not a port number (0..65535)`;
  return undefined;
}

export interface ValueProblem {
  /** A fragment that follows the key name: "`net.ipv4.tcp_sack` expects an integer, ...". */
  readonly message: string;
  /** True when the kernel refuses the write; false when it takes it but the value means nothing documented. */
  readonly rejected: boolean;
}

const rejected = (message: string): ValueProblem => ({ message, rejected: true });

/** Why the kernel would reject (or misread) `text` as a value of `entry`; undefined when it is fine. */
export function checkValue(entry: KeyEntry, text: string): ValueProblem | undefined {
  const problem = (message: string | undefined) => (message === undefined ? undefined : rejected(message));
  switch (entry.type) {
    case "boolean":
    case "integer":
    case "bitmask":
      return problem(text === "" ? "needs a value" : checkInt(entry, text));
    case "enum":
      return checkEnum(entry, text);
    case "vector": {
      const items = text.split(/\s+/).filter((s) => s !== "");
      const length = entry.length ?? 1;
      if (items.length === 0 || items.length > length) {
        return rejected(`expects ${length} integers separated by spaces, got ${items.length}`);
      }
      return problem(items.map((item) => checkInt(entry, item)).find((p) => p !== undefined));
    }
    case "port-range": {
      const items = text.split(/\s+/).filter((s) => s !== "");
      if (items.length !== 2) return rejected(`expects two port numbers \`LOW HIGH\`, got \`${text}\``);
      const bad = items.map(checkPort).find((p) => p !== undefined) ?? checkInt(entry, items[0] as string);
      if (bad) return rejected(bad);
      if (Number(parseKernelInt(items[0] as string)) > Number(parseKernelInt(items[1] as string))) {
        return rejected("has its first port above the second; the kernel rejects the write");
      }
      return undefined;
    }
    case "port-list": {
      if (text === "") return undefined;
      for (const item of text.split(",")) {
        const ends = item.trim().split("-");
        if (ends.length > 2) return rejected(`has \`${item}\`, which is neither a port nor a range \`LOW-HIGH\``);
        const bad = ends.map((e) => checkPort(e.trim())).find((p) => p !== undefined);
        if (bad) return rejected(bad);
      }
      return undefined;
    }
    case "string":
      // proc_dostring keeps what fits and drops the rest without an error.
      if (entry.maxLength !== undefined && text.length > entry.maxLength) {
        return { message: `keeps at most ${entry.maxLength} characters and silently cuts off the rest of these ${text.length}`, rejected: false };
      }
      return undefined;
  }
}

/**
 * Most enums are plain integers to the kernel: a number within its bounds is written, even when it has no
 * documented meaning. Enums of words (such as names) accept only their words.
 */
function checkEnum(entry: KeyEntry, text: string): ValueProblem | undefined {
  const values = entry.values ?? [];
  if (values.some((v) => v.value === text)) return undefined;
  const listed = values.map((v) => `\`${v.value}\``).join(", ");
  const numeric = values.every((v) => parseKernelInt(v.value) !== undefined);
  const n = parseKernelInt(text);
  if (!numeric || n === undefined) return rejected(`accepts ${listed}; not \`${text}\``);
  if (values.some((v) => Number(v.value) === n)) return undefined;
  const bad = checkInt(entry, text);
  if (bad) return rejected(`takes ${listed}; ${bad}`);
  return { message: `takes ${listed}; the kernel accepts \`${text}\` but gives it no documented meaning`, rejected: false };
}

/** The integers of a space-separated value ("4096 131072 6291456"), or undefined if any is not one. */
export function parseInts(text: string): number[] | undefined {
  const out: number[] = [];
  for (const item of text.split(/\s+/)) {
    if (item === "") continue;
    const n = parseKernelInt(item);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** Whether two values say the same: word by word, numbers by value (`0x3c` is 60), other words as written. */
export function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  // The common case, one number each, without splitting: a lone number equals only another number.
  const n = parseKernelInt(x);
  const m = parseKernelInt(y);
  if (n !== undefined || m !== undefined) return n === m;
  const words = (v: string) => v.split(/\s+/).map((w) => String(parseKernelInt(w) ?? w)).join(" ");
  return words(x) === words(y);
}
