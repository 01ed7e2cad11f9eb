/** What a rule sees and what it reports. Plain data: the LSP server and the CLI map it to their shapes. */
import type { Catalogue, Resolved } from "../catalogue/catalogue";
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
}

/** What an assignment's key turned out to be. */
export type KeyResolution =
  | { readonly kind: "key"; readonly resolved: Resolved }
  | { readonly kind: "glob"; readonly matches: number }
  | { readonly kind: "family"; readonly family: string }
  | { readonly kind: "unknown" };

export interface RuleContext {
  readonly doc: SysctlDocument;
  readonly catalogue: Catalogue;
  readonly kernel: KernelVersion;
  resolution(a: Assignment): KeyResolution;
}

export interface Rule {
  /** Stable kebab-case code: it links a diagnostic to its docs section and its fixes. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for docs and settings descriptions. */
  readonly description: string;
  check(ctx: RuleContext): Finding[];
}
