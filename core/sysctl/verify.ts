/**
 * What applying a set of sysctl files would set, against the values a machine has now (`socket-doctor
 * verify`). The files come in the order they are applied; the machine is asked through `VerifyHost`, so this
 * stays pure. Glob patterns, `-` and exclusions follow systemd-sysctl: an explicit assignment of a key (or an
 * exclusion `-key`) anywhere in the set keeps every glob from setting that key; a later assignment of the
 * same key wins; a glob sets every key it matches on the machine, and a later glob wins over an earlier one.
 */
import { sameValue } from "../catalogue/values";
import type { SysctlFile } from "../rules/types";
import type { Assignment } from "./parse";

export type VerifyStatus = "match" | "differs" | "absent" | "unreadable" | "overridden";

export interface Verified {
  /** The key (a glob assignment gives one row per key it matches; the pattern itself when it matches none). */
  readonly key: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly expected: string;
  /** The machine's value now (for an overridden row too, as the later assignment left it); null when absent or unreadable. */
  readonly live: string | null;
  readonly status: VerifyStatus;
  /** A leading `-`: a failed write is ignored, so a key that is absent is no failure. */
  readonly ignoreFailure: boolean;
  /** The glob pattern this row comes from, if any. */
  readonly glob?: string;
  /** For `overridden`: the assignment that wins. */
  readonly winner?: { readonly file: string; readonly line: number };
}

export type LiveRead = { readonly value: string } | { readonly error: "absent" | "unreadable" };

export interface VerifyHost {
  read(key: string): LiveRead;
  /** The keys the machine has that match a glob pattern (dotted names), in a stable order. */
  expand(pattern: string): readonly string[];
}

interface Placed {
  readonly file: SysctlFile;
  readonly a: Assignment;
}

const where = (p: Placed) => ({ file: p.file.uri, line: p.a.line + 1 });

/** Compares as the kernel reads: white space between words does not matter, nor `0x10` against `16`. */
function compare(r: LiveRead, expected: string): { live: string | null; status: VerifyStatus } {
  if ("error" in r) return { live: null, status: r.error };
  return { live: r.value, status: sameValue(expected, r.value) ? "match" : "differs" };
}

/** The value of an overridden key, for the row that shows it: what the later assignment left. */
const liveOf = (r: LiveRead): string | null => ("error" in r ? null : r.value);

export function verifyFiles(files: readonly SysctlFile[], host: VerifyHost): Verified[] {
  // Keys that globs must leave alone: assigned explicitly or excluded, anywhere in the set.
  const explicit = new Set<string>();
  const lastExplicit = new Map<string, Placed>();
  const globs: Placed[] = [];
  for (const file of files) {
    for (const line of file.doc.lines) {
      if (line.kind === "exclusion" && !line.key.glob) explicit.add(line.key.name);
      if (line.kind !== "assignment") continue;
      if (line.key.glob) globs.push({ file, a: line });
      else {
        explicit.add(line.key.name);
        lastExplicit.set(line.key.name, { file, a: line });
      }
    }
  }
  // Each glob's keys on the machine (all, and those it sets), and for each key the last glob that sets it.
  const matches = new Map<Assignment, { readonly placed: Placed; readonly all: readonly string[]; readonly sets: readonly string[] }>();
  const lastGlob = new Map<string, Placed>();
  for (const g of globs) {
    const all = host.expand(g.a.key.name);
    const sets = all.filter((k) => !explicit.has(k));
    matches.set(g.a, { placed: g, all, sets });
    for (const k of sets) lastGlob.set(k, g);
  }

  // Each key is read once, though an overridden row and its winner both show its value.
  const reads = new Map<string, LiveRead>();
  const read = (key: string): LiveRead => {
    let r = reads.get(key);
    if (r === undefined) reads.set(key, (r = host.read(key)));
    return r;
  };

  const rows: Verified[] = [];
  for (const file of files) {
    for (const a of file.doc.assignments) {
      const expected = a.value.text;
      const base = { file: file.uri, line: a.line + 1, expected, ignoreFailure: a.ignoreFailure };
      if (!a.key.glob) {
        const winner = lastExplicit.get(a.key.name) as Placed;
        if (winner.a !== a) rows.push({ ...base, key: a.key.name, live: liveOf(read(a.key.name)), status: "overridden", winner: where(winner) });
        else rows.push({ ...base, key: a.key.name, ...compare(read(a.key.name), expected) });
        continue;
      }
      const { placed, all, sets } = matches.get(a) as NonNullable<ReturnType<typeof matches.get>>;
      // A pattern that matches nothing here sets nothing (systemd-sysctl does not fail on it).
      if (all.length === 0) rows.push({ ...base, key: a.key.name, live: null, status: "absent", glob: a.key.name });
      for (const key of sets) {
        const winner = lastGlob.get(key) as Placed;
        if (winner !== placed) rows.push({ ...base, key, live: liveOf(read(key)), status: "overridden", glob: a.key.name, winner: where(winner) });
        else rows.push({ ...base, key, ...compare(read(key), expected), glob: a.key.name });
      }
    }
  }
  return rows;
}

/** What makes `verify` fail: a value that differs, or a key the machine lacks that was not marked with `-`. */
export function isFailure(row: Verified): boolean {
  return row.status === "differs" || (row.status === "absent" && !row.ignoreFailure && row.glob === undefined);
}
