/** The shipped vetted profiles; test/unit/profiles checks that every setting lints clean. */
import data from "./profiles.json";
import type { Profile } from "./types";

export const PROFILES: readonly Profile[] = data;

export function profile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
