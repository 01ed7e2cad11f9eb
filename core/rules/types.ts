/** What a rule sees and what it reports. Plain data: the LSP server and the CLI map it to their shapes. */
import type { Catalogue, Misplacement, Resolved } from "../catalogue/catalogue";
import type { KernelVersion } from "../catalogue/version";
import type { Assignment, SysctlDocument } from "../sysctl/parse";
import type { Range, TextEdit } from "../text/range";

export type Severity = "error" | "warning" | "information" | "hint";
export type SeverityOverride = Severity | "off";

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one fix an editor applies on "auto fix". */
  readonly isPreferred?: boolean;
}

export interface Related {
  /** The file the range is in; absent for the file being linted. */
  readonly uri?: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  /** `unnecessary` fades the text (dead lines); `deprecated` strikes it through. */
  readonly tags?: readonly ("unnecessary" | "deprecated")[];
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
  /**
   * The line's value never takes effect: the kernel refuses the write, or a later line overwrites it. Findings
   * of `afterWrite` rules on the same line are then dropped (one line, one story).
   */
  readonly voidsLine?: boolean;
}

/** What an assignment's key turned out to be. */
export type KeyResolution =
  | { readonly kind: "key"; readonly resolved: Resolved }
  | { readonly kind: "glob"; readonly matches: number }
  /** A key of a family the catalogue does not describe key by key (a vendor module, `dev.raid`). */
  | { readonly kind: "unchecked" }
  /** A real key written under the wrong family (`net.ipv4.somaxconn` for `net.core.somaxconn`). */
  | { readonly kind: "misplaced"; readonly misplacement: Misplacement }
  | { readonly kind: "unknown" };

/** One file of a set that `sysctl --system` applies together. */
export interface SysctlFile {
  readonly uri: string;
  readonly doc: SysctlDocument;
}

/** An assignment and the file it is in. */
export interface Located {
  readonly file: SysctlFile;
  readonly assignment: Assignment;
}

export interface RuleContext {
  /**
   * The lines to check: the whole document, or a window of its lines when a large file is linted in parts
   * (lintWindows). Facts about the whole file come from `file`, `assignmentsOf` and `finalValue`.
   */
  readonly doc: SysctlDocument;
  readonly uri: string;
  /** Every file applied together with this one, in the order sysctl applies them (this one included). */
  readonly files: readonly SysctlFile[];
  /** This file, whole, as `files` holds it. */
  readonly file: SysctlFile;
  readonly catalogue: Catalogue;
  readonly kernel: KernelVersion;
  /** This machine's current value of a key, where the caller can read it (the editor on Linux). */
  readonly live?: (name: string) => string | undefined;
  /** The file is meant for this machine (`lint --live`, a file under /etc): compare its values with `live`. */
  readonly compareLive: boolean;
  resolution(a: Assignment): KeyResolution;
  /** Every assignment of a key (exact, not globs) across the file set, in the order they are applied. */
  assignmentsOf(name: string): readonly Located[];
  /** The value a key ends up with after the whole file set is applied, if the set assigns it. */
  finalValue(name: string): Located | undefined;
  /**
   * `make()`'s value, made once per lint and shared by all its windows: whole-file facts, and caps that
   * hold for the whole file. `key` is the rule's own (its module's function or object).
   */
  once<T>(key: object, make: () => T): T;
}

export interface Rule {
  /** Stable kebab-case code: it links a diagnostic to its docs section and its fixes. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for docs and settings descriptions, in plain text. */
  readonly description: string;
  /** Its findings say what an applied value does: they are dropped on a line whose value never takes effect. */
  readonly afterWrite?: boolean;
  /**
   * Its findings say a line could go: they are dropped on a line another rule's finding is about (its own
   * line, or a related line of the same file), where the line is part of another story.
   */
  readonly defers?: boolean;
  check(ctx: RuleContext): Finding[];
}
