/**
 * Per-instance keys: a template holds one placeholder segment, `<iface>` (an interface, plus `all` and
 * `default` where the kernel has them) or `<n>` (a number, such as a protocol family for nf_log).
 */
export const IFACE = "<iface>";
export const NUMBER = "<n>";
export const PLACEHOLDER = /<iface>|<n>/;

/**
 * /proc/sys/net/netfilter/nf_log has one file per protocol family 0..10 on 6.18 (NFPROTO_NUMPROTO is 11
 * since DECnet, family 12, went in 6.1).
 */
const LAST_NF_LOG_FAMILY = 10;

/**
 * An interface name the kernel accepts (dev_valid_name): 1 to 15 bytes, not `.` or `..`, no `/`, `:` or
 * white space. In a sysctl key a dot inside the name is written `/` (`eth0/100` is `eth0.100`).
 */
export function validInterfaceName(segment: string): boolean {
  const real = segment.replace(/\//g, ".");
  if (real === "" || real === "." || real === "..") return false;
  if (utf8Length(real) > 15) return false;
  return !/[:\s]/.test(real);
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The instances a template has on every machine: `all` and `default` under conf, only `default` under
 * neigh (net/core/neighbour.c registers no `all`), none under MPLS, the protocol families under nf_log.
 */
export function fixedInstances(template: string): readonly string[] {
  if (template.includes(NUMBER)) return Array.from({ length: LAST_NF_LOG_FAMILY + 1 }, (_, i) => String(i));
  if (template.includes(".neigh.")) return ["default"];
  if (template.startsWith("net.mpls.")) return [];
  return ["all", "default"];
}

/** Whether `instance` can stand in for the template's placeholder. */
export function validInstance(template: string, instance: string): boolean {
  if (template.includes(NUMBER)) return /^\d{1,2}$/.test(instance) && Number(instance) <= LAST_NF_LOG_FAMILY;
  const fixed = fixedInstances(template);
  if (fixed.includes(instance)) return true;
  if (instance === "all" || instance === "default") return false;
  return validInterfaceName(instance);
}
