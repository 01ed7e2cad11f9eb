import type { Combine } from "../catalogue/types";
import { intsOf } from "./context-values";
import type { Finding, Located, Rule, RuleContext } from "./types";

/** The family, interface and setting of a `net.ipv4|ipv6.conf.<iface>.<name>` key; undefined for any other. */
function confParts(key: string): { family: string; iface: string; name: string } | undefined {
  if (!key.startsWith("net.ipv4.conf.") && !key.startsWith("net.ipv6.conf.")) return undefined;
  const start = "net.ipv4.conf.".length;
  const dot = key.indexOf(".", start);
  if (dot <= start || dot === key.length - 1 || key.indexOf(".", dot + 1) !== -1) return undefined;
  return { family: key.slice(4, 8), iface: key.slice(start, dot), name: key.slice(dot + 1) };
}

type RuntimeCombine = "max" | "or" | "and";

/** The value the kernel uses for an interface, from `all` and the interface's own value. */
function effective(combine: RuntimeCombine, all: number, own: number): number {
  switch (combine) {
    case "max":
      return Math.max(all, own);
    case "or":
      return all !== 0 || own !== 0 ? 1 : 0;
    case "and":
      return all !== 0 && own !== 0 ? 1 : 0;
  }
}

const HOW: Record<RuntimeCombine, string> = {
  max: "the larger of all and the interface's value",
  or: "all OR the interface's value (either one on turns it on)",
  and: "all AND the interface's value (both must be on)",
};

/** Where an assignment falls in `sysctl --system` order: file first, then line. */
function order(ctx: RuleContext, l: Located): number {
  return ctx.files.indexOf(l.file) * 1e9 + l.assignment.line;
}

/** Interface-level assignments (not `all`) that win their key, by family and setting. */
function interfaceWinners(ctx: RuleContext): Map<string, { located: Located; iface: string }[]> {
  const winners = new Map<string, { located: Located; iface: string }[]>();
  for (const file of ctx.files) {
    for (const x of file.doc.assignments) {
      const parts = confParts(x.key.name);
      if (!parts || parts.iface === "all" || ctx.finalValue(x.key.name)?.assignment !== x) continue;
      const id = `${parts.family}.${parts.name}`;
      let list = winners.get(id);
      if (!list) winners.set(id, (list = []));
      list.push({ located: { file, assignment: x }, iface: parts.iface });
    }
  }
  return winners;
}

/**
 * For `conf` keys the kernel combines `conf.all.X` with `conf.<iface>.X` (see Combine in the catalogue):
 * a value that the other one overrides does nothing. `default` counts as an interface: new interfaces start
 * from it. Keys whose `all` the kernel never reads, and interface lines that a later `all` write overwrites
 * (`propagate`), are reported too.
 */
export const ineffectiveInterfaceSetting: Rule = {
  code: "ineffective-interface-setting",
  defaultSeverity: "warning",
  description: "A conf.all or conf.<iface> setting that the other one overrides (rp_filter uses the larger of the two, ...).",
  afterWrite: true,
  check(ctx) {
    const out: Finding[] = [];
    // Built when first needed, once per lint.
    const winnersFor = (family: string, name: string) => ctx.once(interfaceWinners, () => interfaceWinners(ctx)).get(`${family}.${name}`) ?? [];
    for (const a of ctx.doc.assignments) {
      const m = confParts(a.key.name);
      if (!m) continue;
      const r = ctx.resolution(a);
      if (r.kind !== "key") continue;
      const combine: Combine | undefined = r.resolved.entry.combine;
      if (!combine) continue;
      const { family, iface, name } = m;
      const allKey = `net.${family}.conf.all.${name}`;
      if (combine === "interface") {
        if (iface !== "all") continue;
        // The usual hardening pair sets default too: that covers interfaces created later, so the all line is
        // only dead weight (a note). Alone, it leaves the user believing the setting is off everywhere.
        const pairedDefault = ctx.finalValue(`net.${family}.conf.default.${name}`);
        const paired = pairedDefault !== undefined && pairedDefault.assignment.value.text.trim() === a.value.text.trim();
        out.push({
          code: this.code,
          severity: paired ? "information" : this.defaultSeverity,
          range: a.key.range,
          message: paired
            ? `The kernel never reads conf.all.${name} for ${family === "ipv6" ? "IPv6" : "IPv4"}, so this line changes nothing; conf.default.${name} covers interfaces created later, and interfaces that already exist keep their own value (set conf.<interface>.${name} for those).`
            : `The kernel never reads conf.all.${name} for ${family === "ipv6" ? "IPv6" : "IPv4"}: this line changes nothing. Set conf.default.${name} for interfaces created later, and conf.<interface>.${name} for those that exist.`,
          tags: ["unnecessary"],
          ...(paired ? { related: [{ uri: pairedDefault.file.uri, range: pairedDefault.assignment.range, message: `conf.default.${name} is set here` }] } : {}),
        });
        continue;
      }
      const here: Located = { file: ctx.file, assignment: a };
      if (combine === "propagate") {
        // Writing all copies its value to every interface and to default; an earlier interface line is
        // overwritten, and the last all write is the value it ends up with.
        // IPv6 force_forwarding is the one propagating key whose all write skips default (addrconf.c).
        if (iface === "all" || (iface === "default" && name === "force_forwarding")) continue;
        const laterAll = ctx.finalValue(allKey);
        if (!laterAll || order(ctx, laterAll) < order(ctx, here) || laterAll.assignment.value.text.trim() === a.value.text.trim()) continue;
        out.push({
          code: this.code,
          severity: this.defaultSeverity,
          range: a.value.range,
          message: `This has no effect: conf.all.${name} = ${laterAll.assignment.value.text} is written after it, and writing all copies its value to every interface${iface === "default" ? " and to default" : ""}.`,
          related: [{ uri: laterAll.file.uri, range: laterAll.assignment.range, message: `conf.all.${name} is set here` }],
        });
        continue;
      }
      const mine = intsOf(ctx, a)?.[0];
      if (mine === undefined || ctx.finalValue(a.key.name)?.assignment !== a) continue;
      if (iface !== "all") {
        const winner = ctx.finalValue(allKey);
        const all = winner && intsOf(ctx, winner.assignment)?.[0];
        if (winner === undefined || all === undefined) continue;
        const result = effective(combine, all, mine);
        if (result === mine) continue;
        out.push({
          code: this.code,
          severity: this.defaultSeverity,
          range: a.value.range,
          message: `This has no effect: for ${name} the kernel uses ${HOW[combine]}, and conf.all.${name} is ${all}, so ${iface} ends up with ${result}.`,
          related: [{ uri: winner.file.uri, range: winner.assignment.range, message: `conf.all.${name} is set here` }],
        });
        continue;
      }
      // `all = 0` meant to turn a setting off everywhere: it cannot, where an interface (or default) has it on.
      if (mine !== 0 || combine === "and") continue;
      const blocked = winnersFor(family, name).filter(({ located }) => {
        const own = intsOf(ctx, located.assignment)?.[0];
        return own !== undefined && effective(combine, mine, own) !== mine;
      });
      if (blocked.length === 0) continue;
      const names = blocked.map(({ located, iface: i }) => `${i} = ${located.assignment.value.text}`).join(", ");
      out.push({
        code: this.code,
        severity: this.defaultSeverity,
        range: a.value.range,
        message: `conf.all.${name} = 0 does not turn ${name} off everywhere: the kernel uses ${HOW[combine]}, and ${names} keeps it on.`,
        related: blocked.map(({ located }) => ({ uri: located.file.uri, range: located.assignment.range, message: "this interface setting wins" })),
      });
    }
    return out;
  },
};
