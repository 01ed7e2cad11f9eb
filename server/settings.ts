/** The `socketDoctor.*` settings the server reads, validated as they arrive. */
import { parseKernelVersion, type KernelVersion } from "../core/catalogue/version";
import { RULE_CODES } from "../core/rules/registry";
import type { SeverityOverride } from "../core/rules/types";

export interface Settings {
  /** "" means: the running kernel on Linux, else the newest the catalogue knows. */
  readonly kernelVersion: string;
  readonly rules: Readonly<Record<string, SeverityOverride>>;
}

/** Must match the defaults in package.json `contributes.configuration` (a test checks it). */
export const DEFAULT_SETTINGS: Settings = { kernelVersion: "", rules: {} };

const SEVERITIES: readonly string[] = ["off", "hint", "information", "info", "warning", "error"];

export interface Validated {
  readonly settings: Settings;
  /** Human-readable problems with what the user wrote; the bad parts fall back to defaults. */
  readonly problems: readonly string[];
}

export function validateSettings(raw: unknown): Validated {
  const problems: string[] = [];
  const obj = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  let kernelVersion = DEFAULT_SETTINGS.kernelVersion;
  if (typeof obj.kernelVersion === "string" && obj.kernelVersion.trim() !== "") {
    if (parseKernelVersion(obj.kernelVersion)) kernelVersion = obj.kernelVersion.trim();
    else problems.push(`socketDoctor.kernelVersion: "${obj.kernelVersion}" is not a version like 6.1 or 5.15.`);
  }
  const rules: Record<string, SeverityOverride> = {};
  if (typeof obj.rules === "object" && obj.rules !== null) {
    for (const [code, level] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!RULE_CODES.includes(code)) problems.push(`socketDoctor.rules: there is no rule "${code}".`);
      else if (typeof level !== "string" || !SEVERITIES.includes(level)) {
        problems.push(`socketDoctor.rules.${code}: use one of off, hint, info, warning, error.`);
      } else rules[code] = (level === "info" ? "information" : level) as SeverityOverride;
    }
  }
  return { settings: { kernelVersion, rules }, problems };
}

/** The kernel version rules check against. */
export function targetKernel(settings: Settings, running: string | undefined, newest: KernelVersion): KernelVersion {
  return parseKernelVersion(settings.kernelVersion) ?? (running ? parseKernelVersion(running) : undefined) ?? newest;
}
