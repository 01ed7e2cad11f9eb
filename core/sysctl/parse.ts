/**
 * A parser for the sysctl.conf formats that procps `sysctl -p/--system` and `systemd-sysctl` read.
 * It never throws: every line becomes a node, unreadable lines become `error` nodes, and every part
 * keeps its exact range so diagnostics, hovers and fixes can point at it.
 */
import { lineRange, type Range } from "../text/range";
import { splitLines } from "../text/lines";

/** procps reads at most this many characters of a value; longer values are cut off. */
export const MAX_VALUE_LENGTH = 4096;

export interface KeyPart {
  /** The key as written. */
  readonly text: string;
  /** Dotted form: separators normalised to `.`; a dot inside a name (a VLAN interface) becomes `/`. */
  readonly name: string;
  /** Contains `*`, `?` or `[`: a systemd-sysctl glob pattern. */
  readonly glob: boolean;
  readonly range: Range;
}

interface LineBase {
  readonly line: number;
  readonly range: Range;
}

export interface BlankLine extends LineBase {
  readonly kind: "blank";
}

export interface CommentLine extends LineBase {
  readonly kind: "comment";
  readonly text: string;
}

export interface Assignment extends LineBase {
  readonly kind: "assignment";
  /** Its position in its document's `assignments` (-1 for a line parsed on its own). */
  readonly index: number;
  /** A leading `-`: sysctl ignores a failed write of this key. */
  readonly ignoreFailure: boolean;
  readonly key: KeyPart;
  readonly equals: Range;
  /** The value with surrounding white space removed. */
  readonly value: { readonly text: string; readonly range: Range };
}

/** systemd-sysctl: `-pattern` with no `=` excludes matching keys from an earlier glob assignment. */
export interface Exclusion extends LineBase {
  readonly kind: "exclusion";
  readonly key: KeyPart;
}

export interface ErrorLine extends LineBase {
  readonly kind: "error";
  readonly message: string;
  /** The part of the line the error is about. */
  readonly errorRange: Range;
}

export type SysctlLine = BlankLine | CommentLine | Assignment | Exclusion | ErrorLine;

export interface SysctlDocument {
  readonly lines: readonly SysctlLine[];
  readonly assignments: readonly Assignment[];
}

/** Space, tab, form feed, vertical tab: what procps skips around keys and values. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}

/** `*`, `?` or `[`: systemd-sysctl's glob characters. */
function hasGlobChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 63 || c === 91) return true;
  }
  return false;
}

/**
 * procps and systemd accept `/` as well as `.` between names. When the first separator is a `/`,
 * the remaining dots are part of names (`net/ipv4/conf/eth0.100/rp_filter`), so we swap them.
 */
export function normalizeKey(text: string): string {
  const dot = text.indexOf(".");
  const slash = text.indexOf("/");
  if (slash === -1 || (dot !== -1 && dot < slash)) return text;
  return text.replace(/[./]/g, (c) => (c === "/" ? "." : "/"));
}

export function parseSysctl(text: string): SysctlDocument {
  const lines: SysctlLine[] = [];
  const assignments: Assignment[] = [];
  const raw = splitLines(text);
  for (let i = 0; i < raw.length; i++) {
    const node = parseLine(raw[i] ?? "", i, assignments.length);
    lines.push(node);
    if (node.kind === "assignment") assignments.push(node);
  }
  return { lines, assignments };
}

function firstNonSpace(s: string, from: number): number {
  let i = from;
  // A UTF-8 byte-order mark at the start of the file is not content.
  while (i < s.length && (isSpace(s.charCodeAt(i)) || s.charCodeAt(i) === 0xfeff)) i++;
  return i;
}

function lastNonSpace(s: string, to: number): number {
  let i = to;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/*
 * Nodes keep offsets and make their ranges when asked: a document of thousands of lines would otherwise hold
 * a dozen small objects per line that every re-parse allocates and the collector copies, though rules only
 * look at the ranges of the lines they report.
 */

class Span {
  constructor(
    readonly line: number,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.from, this.to);
  }
}

class KeyNode extends Span implements KeyPart {
  readonly name: string;
  readonly glob: boolean;

  constructor(
    readonly text: string,
    line: number,
    start: number,
  ) {
    super(line, start, start + text.length);
    this.name = normalizeKey(text);
    this.glob = hasGlobChar(text);
  }
}

class ValueNode extends Span {
  constructor(
    readonly text: string,
    line: number,
    start: number,
  ) {
    super(line, start, start + text.length);
  }
}

class AssignmentNode extends Span implements Assignment {
  readonly kind = "assignment";

  constructor(
    line: number,
    length: number,
    readonly ignoreFailure: boolean,
    readonly key: KeyNode,
    private readonly eq: number,
    readonly value: ValueNode,
    readonly index: number,
  ) {
    super(line, 0, length);
  }

  get equals(): Range {
    return lineRange(this.line, this.eq, this.eq + 1);
  }
}

class BlankNode extends Span implements BlankLine {
  readonly kind = "blank";
}

class CommentNode extends Span implements CommentLine {
  readonly kind = "comment";

  constructor(line: number, length: number, readonly text: string) {
    super(line, 0, length);
  }
}

class ExclusionNode extends Span implements Exclusion {
  readonly kind = "exclusion";

  constructor(line: number, length: number, readonly key: KeyNode) {
    super(line, 0, length);
  }
}

function errorLine(line: number, length: number, message: string, errorRange: Range): ErrorLine {
  return { kind: "error", line, range: lineRange(line, 0, length), message, errorRange };
}

/** One line; `index` is the position the line takes among the document's assignments if it is one. */
export function parseLine(s: string, line: number, index = -1): SysctlLine {
  const start = firstNonSpace(s, 0);
  if (start === s.length) return new BlankNode(line, 0, s.length);
  const first = s[start];
  if (first === "#" || first === ";") return new CommentNode(line, s.length, s.slice(start));

  const ignoreFailure = first === "-";
  const keyStart = ignoreFailure ? firstNonSpace(s, start + 1) : start;
  const eq = s.indexOf("=", keyStart);
  if (eq === -1) {
    const end = lastNonSpace(s, s.length);
    if (ignoreFailure && keyStart < end && !/\s/.test(s.slice(keyStart, end))) {
      return new ExclusionNode(line, s.length, new KeyNode(s.slice(keyStart, end), line, keyStart));
    }
    return errorLine(line, s.length, "This line has no equals sign: sysctl expects key = value.", lineRange(line, start, end));
  }
  const keyEnd = lastNonSpace(s, eq);
  if (keyEnd <= keyStart) return errorLine(line, s.length, "There is no key before the equals sign.", lineRange(line, start, eq + 1));
  const key = new KeyNode(s.slice(keyStart, keyEnd), line, keyStart);
  if (/\s/.test(key.text)) return errorLine(line, s.length, "A key cannot contain white space.", key.range);
  const valueStart = firstNonSpace(s, eq + 1);
  const valueEnd = Math.max(valueStart, lastNonSpace(s, s.length));
  return new AssignmentNode(line, s.length, ignoreFailure, key, eq, new ValueNode(s.slice(valueStart, valueEnd), line, valueStart), index);
}
