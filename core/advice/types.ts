/** Vetted settings: curated groups of sysctl values for common situations, each value with why and at what cost. */

export interface VettedSetting {
  readonly key: string;
  readonly value: string;
  /** One sentence: what this does for the situation. */
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
