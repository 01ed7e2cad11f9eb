/** Writes a realistic N-line sysctl.conf from the catalogue, with a seeded generator so runs compare. */
import { catalogue, IFACE } from "../core/catalogue/catalogue";
import { seeded } from "../test/support/seeded";

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
      else out.push(`${key} = ${e.default ?? "1"}`);
    }
  }
  return out.slice(0, lines).join("\n") + "\n";
}
