import type { Combine } from "../catalogue/types";
import { parseKernelInt } from "../catalogue/values";
import type { Finding, Located, Rule } from "./types";

const CONF = "net.ipv4.conf.";

/** The interface and setting of a `net.ipv4.conf.<iface>.<name>` key, or undefined for any other key. */
function confParts(key: string): { iface: string; name: string } | undefined {
  if (!key.startsWith(CONF)) return undefined;
  const dot = key.indexOf(".", CONF.length);
  if (dot <= CONF.length || dot === key.length - 1 || key.indexOf(".", dot + 1) !== -1) return undefined;
  return { iface: key.slice(CONF.length, dot), name: key.slice(dot + 1) };
}

/** The value the kernel uses for an interface, from `all` and the interface's own value. */
function effective(combine: Combine, all: number, own: number): number {
  switch (combine) {
    case "max":
      return Math.max(all, own);
    case "or":
      return all !== 0 || own !== 0 ? 1 : 0;
    case "and":
      return all !== 0 && own !== 0 ? 1 : 0;
    case "interface":
      return own;
  }
}

const HOW: Record<Combine, string> = {
  max: "the larger of `all` and the interface's value",
  or: "`all` OR the interface's value (either one on turns it on)",
  and: "`all` AND the interface's value (both must be on)",
  interface: "the interface's own value",
};

const intOf = (l: Located | undefined) => (l ? parseKernelInt(l.assignment.value.text.trim()) : undefined);

/**
 * For `net.ipv4.conf` keys the kernel combines `conf.all.X` with `conf.<iface>.X`; a value that the other one
 * overrides does nothing. `default` counts as an interface: new interfaces start from it.
 */
export const ineffectiveInterfaceSetting: Rule = {
  code: "ineffective-interface-setting",
  defaultSeverity: "warning",
  description: "A conf.all or conf.<iface> setting that the other one overrides (rp_filter uses the larger of the two, ...).",
  check(ctx) {
    const out: Finding[] = [];
    // Interface-level assignments (not `all`) that win their key, by setting name; built when first needed.
    let winners: Map<string, { located: Located; iface: string }[]> | undefined;
    const interfaceWinners = (name: string) => {
      if (!winners) {
        winners = new Map();
        for (const file of ctx.files) {
          for (const x of file.doc.assignments) {
            const parts = confParts(x.key.name);
            if (!parts || parts.iface === "all" || ctx.finalValue(x.key.name)?.assignment !== x) continue;
            let list = winners.get(parts.name);
            if (!list) winners.set(parts.name, (list = []));
            list.push({ located: { file, assignment: x }, iface: parts.iface });
          }
        }
      }
      return winners.get(name) ?? [];
    };
    for (const a of ctx.doc.assignments) {
      const m = confParts(a.key.name);
      if (!m) continue;
      const r = ctx.resolution(a);
      if (r.kind !== "key") continue;
      const combine = r.resolved.entry.combine;
      if (!combine || combine === "interface") continue;
      const { iface, name } = m;
      const mine = parseKernelInt(a.value.text.trim());
      if (mine === undefined || ctx.finalValue(a.key.name)?.assignment !== a) continue;
      if (iface !== "all") {
        const winner = ctx.finalValue(`net.ipv4.conf.all.${name}`);
        const all = intOf(winner);
        if (winner === undefined || all === undefined) continue;
        const result = effective(combine, all, mine);
        if (result === mine) continue;
        out.push({
          code: this.code,
          severity: this.defaultSeverity,
          range: a.value.range,
          message: `This has no effect: for \`${name}\` the kernel uses ${HOW[combine]}, and \`conf.all.${name}\` is ${all}, so ${iface} ends up with ${result}.`,
          related: [{ uri: winner.file.uri, range: winner.assignment.range, message: `conf.all.${name} is set here` }],
        });
        continue;
      }
      // `all = 0` meant to turn a setting off everywhere: it cannot, where an interface (or default) has it on.
      if (mine !== 0 || combine === "and") continue;
      const blocked = interfaceWinners(name).filter(({ located }) => {
        const own = intOf(located);
        return own !== undefined && effective(combine, mine, own) !== mine;
      });
      if (blocked.length === 0) continue;
      const names = blocked.map(({ located, iface: i }) => `${i} = ${located.assignment.value.text}`).join(", ");
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `\`conf.all.${name} = 0\` does not turn \`${name}\` off everywhere: the kernel uses ${HOW[combine]}, and ${names} keeps it on.`,
        related: blocked.map(({ located }) => ({ uri: located.file.uri, range: located.assignment.range, message: "this interface setting wins" })),
      });
    }
    return out;
  },
};
