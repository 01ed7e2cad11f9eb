/** Vetted settings: curated groups of sysctl values for common situations, each value with why and at what cost. */

/**
 * What a setting's value means, so an insertion only ever helps (core/advice/intent.ts):
 * - `exactly`: a switch or mode; the file ends up with this value.
 * - `at-least`: a limit or queue size; a larger value in the file is left alone (numbers, or vectors item by item).
 * - `at-most`: a timeout or retry count; a smaller value in the file is left alone.
 * - `cover`: a range `LOW HIGH`; the file's range is widened to cover this one, never narrowed.
 */
export type Intent = "exactly" | "at-least" | "at-most" | "cover";

export const INTENTS: readonly Intent[] = ["exactly", "at-least", "at-most", "cover"];

export interface VettedSetting {
  readonly key: string;
  readonly value: string;
  readonly intent: Intent;
  /**
   * One sentence: what this value does. For `at-least` and `at-most`, compared with the kernel's default (the
   * comment quotes it only where the default is what changes); a `cover` range's effect is counted instead.
   */
  readonly why: string;
  /** One sentence: what it costs or when it does not help. */
  readonly tradeoff: string;
}

export interface Profile {
  /** Stable id, used by commands and code actions. */
  readonly id: string;
  readonly title: string;
  /** The symptoms that call for this profile. */
  readonly situation: string;
  readonly settings: readonly VettedSetting[];
  /** Fixes outside sysctl that matter more than any setting (keep-alive pools, application changes). */
  readonly notes: readonly string[];
}
