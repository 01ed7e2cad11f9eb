/** What the insertion planner (insert.ts) decides for each vetted setting, as plain data for messages and edits. */
import type { TextEdit } from "../text/range";
import type { Profile, VettedSetting } from "./types";

/** Where a key's current value comes from, as `sysctl --system` sees it at the target file. */
export type Source =
  /** Nothing in the set assigns it before the target: the kernel's default. */
  | { readonly kind: "default" }
  /** The target file's own (last) assignment, 0-based line. */
  | { readonly kind: "line"; readonly line: number }
  /** The last assignment in another file of the set. */
  | { readonly kind: "file"; readonly uri: string; readonly line: number };

export interface Current {
  /** Undefined where nobody here knows it: a default the kernel computes at boot, or no catalogue at hand. */
  readonly value: string | undefined;
  readonly source: Source;
}

export type Outcome =
  /** A new line in the target. `before` is what applied until now (an earlier file, or the default). */
  | { readonly kind: "added"; readonly setting: VettedSetting; readonly before: Current; readonly after: string }
  /** The target's own line, rewritten in place. */
  | { readonly kind: "updated"; readonly setting: VettedSetting; readonly before: Current; readonly after: string }
  /** Left alone: the value that applies already meets the setting (it may come from a later file). */
  | { readonly kind: "kept"; readonly setting: VettedSetting; readonly current: Current }
  /** A later file of the set assigns the key and wins: a line here would be dead. `after` belongs in that file. */
  | {
      readonly kind: "overridden";
      readonly setting: VettedSetting;
      readonly by: { readonly uri: string; readonly line: number; readonly value: string };
      readonly after: string;
    };

export interface InsertionPlan {
  readonly profile: Profile;
  /** Edits of the target file only. */
  readonly edits: readonly TextEdit[];
  /** One per setting planned, in the profile's order. */
  readonly outcomes: readonly Outcome[];
  /** The target is never applied: this file of the same name in a stronger folder masks it. */
  readonly maskedBy?: string;
}
