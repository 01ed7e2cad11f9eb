/** Where the netstat fixtures live, and small helpers the netstat tests share. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SocketRecord, TcpState } from "../../../core/netstat/types";

/** out/test/unit/netstat → the repository root. */
export const ROOT = join(__dirname, "..", "..", "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures", "netstat");

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), "utf8");
}

/** Every fixture listing, as "format/name.txt". */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(FIXTURES).sort()) {
    for (const name of readdirSync(join(FIXTURES, dir)).sort()) if (name.endsWith(".txt")) out.push(`${dir}/${name}`);
  }
  return out;
}

export function countStates(records: readonly SocketRecord[]): Partial<Record<TcpState, number>> {
  const counts: Partial<Record<TcpState, number>> = {};
  for (const r of records) counts[r.state] = (counts[r.state] ?? 0) + 1;
  return counts;
}
