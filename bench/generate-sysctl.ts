/** Writes a realistic N-line sysctl.conf from the catalogue, with a seeded generator so runs compare. */
import { IFACE } from "../core/catalogue/catalogue";
import { shippedCatalogue as catalogue } from "../core/catalogue/shipped";
import type { KeyEntry } from "../core/catalogue/types";
import { seeded } from "../test/support/seeded";

/** A value other than the default, as a tuned file would set: another enum value, or a number in range. */
function tuned(e: KeyEntry): string {
  const other = e.values?.find((v) => v.value !== e.default);
  if (other) return other.value;
  const n = Number(e.default);
  if (e.type === "boolean" && (n === 0 || n === 1)) return String(1 - n);
  if (e.type === "integer" && Number.isInteger(n)) return String(e.max !== undefined && n >= e.max ? n - 1 : n + 1);
  return e.default ?? "1";
}

/**
 * Like a big router's file: per-interface settings for hundreds of VLANs, comments and blank lines, and a few
 * mistakes (typos, bad values, a repeated key) so every rule has work to do.
 */
export function generateSysctl(lines: number, seed = 42): string {
  const rand = seeded(seed);
  const entries = catalogue().entries.filter((e) => !e.readOnly);
  const plain = entries.filter((e) => !e.key.includes(IFACE));
  const templates = entries.filter((e) => e.key.includes(IFACE));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: string[] = [];
  let vlan = 100;
  while (out.length < lines) {
    // A block of global keys, then one block per interface.
    const block = out.length === 0 ? plain : templates;
    const iface = `ens3/${vlan++}`;
    out.push("", `# settings for ${out.length === 0 ? "the host" : iface}`);
    for (const e of block) {
      const key = e.key.replace(IFACE, iface);
      const r = rand();
      if (r < 0.01) out.push(`${key.slice(0, -2)}xx = 1`);
      else if (r < 0.02) out.push(`${key} = banana`);
      else if (r < 0.03) out.push(`${pick(plain).key} = 1`);
      else out.push(`${key} = ${r < 0.1 ? (e.default ?? "1") : tuned(e)}`);
    }
  }
  return out.slice(0, lines).join("\n") + "\n";
}
