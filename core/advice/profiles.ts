/**
 * The shipped vetted profiles. JSON gives `intent` the type string: test/unit/advice/profiles.test.ts checks
 * that every setting has a known intent and a value of that intent's shape, and that each profile lints clean.
 */
import data from "./profiles.json";
import type { Profile } from "./types";

export const PROFILES: readonly Profile[] = data as readonly Profile[];

export function profile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
