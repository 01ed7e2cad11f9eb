/** Checks a value against what the kernel accepts for a catalogue entry. */
import { closest } from "./edit-distance";
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

/** Why one word is not an integer the entry accepts; a fragment that follows the key name. */
function checkInt(entry: KeyEntry, word: string, each: string): string | undefined {
  const n = parseKernelInt(word);
  if (n === undefined) return `expects ${each === "" ? "an integer" : "integers"}, not "${word}", so the kernel rejects the write`;
  const { min, max } = bounds(entry);
  // A bound taken from the running system (an interface's MTU) is named, not checked.
  const accepts = entry.maxNote === undefined ? `${min} to ${max}` : `at least ${min} and at most ${entry.maxNote}`;
  if (n < min || n > max) return `accepts ${accepts}${each}, so the kernel rejects ${word}`;
  return undefined;
}

const isPowerOfTwo = (n: number): boolean => n > 0 && Number.isInteger(Math.log2(n));

/** The limits of the key's own handler (Constraint) that need no other key; a fragment that follows the key name. */
function checkConstraints(entry: KeyEntry, ints: readonly number[]): ValueProblem | undefined {
  const [n, second] = ints;
  if (n === undefined) return undefined;
  for (const c of entry.constraints ?? []) {
    if (c.kind === "power-of-two" && !isPowerOfTwo(n)) {
      if (!c.roundsUp) return rejected(`takes a power of two (1, 2, 4, 8, ...), so the kernel rejects ${n}`);
      if (n > 0) return taken(`is rounded up to a power of two: the kernel applies ${2 ** Math.ceil(Math.log2(n))}, not ${n}`);
    }
    if (c.kind === "zero-or-at-least" && n !== 0 && n < c.min) return rejected(`takes 0 (off) or at least ${c.min}, so the kernel rejects ${n}`);
    if (c.kind === "first-below-second" && second !== undefined && n >= second && second !== c.unlessSecond) {
      const unless = c.unlessSecond === undefined ? "" : ` (unless the second is ${c.unlessSecond})`;
      return rejected(`needs its first number below its second${unless}, so the kernel rejects "${n} ${second}"`);
    }
  }
  return undefined;
}

export interface ValueProblem {
  /** Plain text that follows the key name: "net.ipv4.tcp_ecn accepts 0 to 2, so the kernel rejects 3". */
  readonly message: string;
  /**
   * True when the kernel refuses the write; false when it takes it, but not as written (it ignores or cuts off
   * part of it) or gives it no documented meaning, or when only what is loaded decides (a name no mainline
   * module registers).
   */
  readonly rejected: boolean;
  /** A value that is probably meant instead (the closest known name). */
  readonly suggestion?: string;
}

const rejected = (message: string): ValueProblem => ({ message, rejected: true });
const taken = (message: string): ValueProblem => ({ message, rejected: false });

/** Enums of words (a name such as hmac-sha1) are text to the kernel; the others are integers. */
function isNumericEnum(entry: KeyEntry): boolean {
  return (entry.values ?? []).every((v) => parseKernelInt(v.value) !== undefined);
}

/**
 * How many integers the kernel reads for the entry; undefined for text and port lists. The integer readers
 * (proc_dointvec and its siblings) take up to this many white-space separated integers and stop: whatever
 * follows them, a comment included, is ignored, and fewer change only the first values.
 */
export function numbersRead(entry: KeyEntry): number | undefined {
  switch (entry.type) {
    case "boolean":
    case "integer":
    case "bitmask":
      return 1;
    case "enum":
      return isNumericEnum(entry) ? 1 : undefined;
    case "vector":
      return entry.length ?? 1;
    case "port-range":
      return 2;
    default:
      return undefined;
  }
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== "");
/** Space, tab, line feed, vertical tab, form feed or carriage return: what separates the kernel's numbers. */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) return true;
  }
  return false;
}
const numbers = (n: number): string => (n === 1 ? "one number" : `${n} numbers`);

/**
 * Verdicts by entry and value. Rules ask about the same lines several times per lint, and the server lints
 * the same values on every keystroke; most files repeat a handful of values (0, 1, ...).
 */
const verdicts = new WeakMap<KeyEntry, Map<string, ValueProblem | null>>();
const MAX_REMEMBERED = 256;

/** Why the kernel would reject (or misread) `text` as a value of `entry`; undefined when it is fine. */
export function checkValue(entry: KeyEntry, text: string): ValueProblem | undefined {
  let known = verdicts.get(entry);
  if (!known) verdicts.set(entry, (known = new Map()));
  let verdict = known.get(text);
  if (verdict === undefined) {
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(text, (verdict = judge(entry, text) ?? null));
  }
  return verdict ?? undefined;
}

function judge(entry: KeyEntry, text: string): ValueProblem | undefined {
  const n = numbersRead(entry);
  if (n !== undefined) return checkNumbers(entry, text, n);
  switch (entry.type) {
    case "enum": {
      if ((entry.values ?? []).some((v) => v.value === text)) return undefined;
      return rejected(`accepts ${listed(entry)}, not "${text}", so the kernel rejects the write`);
    }
    case "port-list": {
      if (text === "") return undefined;
      for (const item of text.split(",")) {
        const ends = item.trim().split("-");
        const bad = ends.length > 2 || ends.some((e) => !isPort(e.trim()));
        if (bad) return rejected(`has "${item}", which is neither a port (0 to 65535) nor a range LOW-HIGH, so the kernel rejects the write`);
      }
      return undefined;
    }
    default: {
      const unknown = unknownName(entry, text);
      if (unknown) return unknown;
      // proc_dostring keeps what fits and drops the rest without an error.
      if (entry.maxLength !== undefined && text.length > entry.maxLength) {
        return taken(`keeps at most ${entry.maxLength} characters: the kernel silently cuts off the rest of these ${text.length}`);
      }
      return undefined;
    }
  }
}

/**
 * A name Linux 6.18 does not register (Names): the kernel refuses it unless a module or a BPF program
 * registers one by that name, which the file cannot tell, so the write is not called refused.
 */
function unknownName(entry: KeyEntry, text: string): ValueProblem | undefined {
  const names = entry.names;
  if (!names) return undefined;
  const word = (names.list ? words(text) : [text]).find((w) => !names.known.includes(w));
  if (word === undefined) return undefined;
  const unprefixed = names.modulePrefix && word.startsWith(names.modulePrefix) ? word.slice(names.modulePrefix.length) : undefined;
  const near = unprefixed !== undefined && names.known.includes(unprefixed) ? unprefixed : closest(word, names.known)[0];
  const module = unprefixed !== undefined && near === unprefixed ? `. ${word} is the name of the module; the ${names.of} is called ${near}` : "";
  return {
    message: `${names.list ? "lists" : "names"} "${word}", which is no ${names.of} of Linux 6.18: unless a module or a BPF program registers one by that name, the kernel refuses the write (ENOENT)${module}`,
    rejected: false,
    ...(near !== undefined ? { suggestion: names.list ? words(text).map((w) => (w === word ? near : w)).join(" ") : near } : {}),
  };
}

function isPort(word: string): boolean {
  const n = parseKernelInt(word);
  return n !== undefined && n >= 0 && n <= 65535;
}

const listed = (entry: KeyEntry): string => (entry.values ?? []).map((v) => v.value).join(", ");

function checkNumbers(entry: KeyEntry, text: string, n: number): ValueProblem | undefined {
  const all = hasSpace(text) ? words(text) : text === "" ? [] : [text];
  if (all.length === 0) return rejected("needs a value: the kernel rejects an empty write");
  const read = all.slice(0, n);
  const each = n > 1 ? " for each number" : "";
  const bad = read.map((w) => checkInt(entry, w, each)).find((p) => p !== undefined);
  if (bad) return rejected(bad);
  const ints = read.map((w) => parseKernelInt(w) as number);
  if (entry.type === "port-range") {
    const [low, high] = ints as [number, number | undefined];
    if (high !== undefined && low > high) return rejected(`starts at ${low}, above its end ${high}, so the kernel rejects the write`);
  }
  const limits = checkConstraints(entry, ints);
  if (limits) return limits;
  if (entry.type === "enum") {
    const value = parseKernelInt(read[0] as string);
    if (!(entry.values ?? []).some((v) => parseKernelInt(v.value) === value)) {
      return taken(`takes ${listed(entry)}; the kernel accepts ${read[0]} but gives it no documented meaning`);
    }
  }
  if (all.length > n) return taken(`takes ${numbers(n)}: the kernel applies "${read.join(" ")}" and ignores "${all.slice(n).join(" ")}"`);
  if (all.length < n) return taken(`takes ${numbers(n)}: given ${all.length}, the kernel changes only the first ${all.length === 1 ? "one" : all.length} and keeps the current value of the rest`);
  return undefined;
}

/**
 * The value as the kernel applies it, where it accepts the write: the numbers it reads (without what it
 * ignores after them), or the text cut to the longest it keeps. Undefined when the kernel rejects the write.
 */
export function appliedValue(entry: KeyEntry, text: string): string | undefined {
  if (checkValue(entry, text)?.rejected) return undefined;
  const n = numbersRead(entry);
  if (n !== undefined) return hasSpace(text) ? words(text).slice(0, n).join(" ") : text;
  return entry.maxLength !== undefined ? text.slice(0, entry.maxLength) : text;
}

/** The integers of a space-separated value ("4096 131072 6291456"), or undefined if any is not one. */
export function parseInts(text: string): number[] | undefined {
  if (!hasSpace(text)) {
    const n = parseKernelInt(text);
    return n === undefined ? (text === "" ? [] : undefined) : [n];
  }
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
