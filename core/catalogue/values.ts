/** Checks a value against what the kernel accepts for a catalogue entry. */
import type { KeyEntry } from "./types";

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** The kernel's integer reader takes decimal and 0x-prefixed hex, with an optional sign. */
export function parseKernelInt(text: string): number | undefined {
  const m = /^([+-]?)(0x[0-9a-f]+|\d+)$/i.exec(text);
  if (!m) return undefined;
  const n = Number((m[2] as string).toLowerCase().startsWith("0x") ? parseInt(m[2] as string, 16) : m[2]);
  return m[1] === "-" ? -n : n;
}

function bounds(entry: KeyEntry): { min: number; max: number } {
  return { min: entry.min ?? INT_MIN, max: entry.max ?? INT_MAX };
}

function describeBounds(entry: KeyEntry): string {
  const { min, max } = bounds(entry);
  return `${min}..${max}`;
}

function checkInt(entry: KeyEntry, text: string, what = "an integer"): string | undefined {
  const n = parseKernelInt(text);
  if (n === undefined) return `expects ${what}, not \`${text}\``;
  const { min, max } = bounds(entry);
  if (n < min || n > max) return `accepts ${describeBounds(entry)}; \`${text}\` is out of range`;
  return undefined;
}

function checkPort(text: string): string | undefined {
  const n = parseKernelInt(text);
  if (n === undefined || n < 0 || n > 65535) return `\`${text}\` is not a port number (0..65535)`;
  return undefined;
}

/**
 * Returns why the kernel would reject (or misread) `text` as a value of `entry`, or undefined when it is fine.
 * Messages are fragments that follow the key name: "`net.ipv4.tcp_sack` expects an integer, ...".
 */
export function checkValue(entry: KeyEntry, text: string): string | undefined {
  if (text.includes("#") && entry.type !== "string") {
    return "has a `#` in its value: sysctl.conf has no end-of-line comments, so the text after `#` is part of the value";
  }
  switch (entry.type) {
    case "boolean":
    case "integer":
    case "bitmask":
      if (text === "") return "needs a value";
      return checkInt(entry, text);
    case "enum": {
      const values = entry.values ?? [];
      if (values.some((v) => v.value === text)) return undefined;
      const n = parseKernelInt(text);
      if (n !== undefined && values.some((v) => Number(v.value) === n)) return undefined;
      return `accepts ${values.map((v) => `\`${v.value}\``).join(", ")}; not \`${text}\``;
    }
    case "vector": {
      const items = text.split(/\s+/).filter((s) => s !== "");
      const length = entry.length ?? 1;
      if (items.length === 0 || items.length > length) {
        return `expects ${length} integers separated by spaces, got ${items.length}`;
      }
      for (const item of items) {
        const problem = checkInt(entry, item);
        if (problem) return problem;
      }
      return undefined;
    }
    case "port-range": {
      const items = text.split(/\s+/).filter((s) => s !== "");
      if (items.length !== 2) return `expects two port numbers \`LOW HIGH\`, got \`${text}\``;
      const problem = items.map(checkPort).find((p) => p !== undefined) ?? checkInt(entry, items[0] as string);
      if (problem) return problem;
      if (Number(parseKernelInt(items[0] as string)) > Number(parseKernelInt(items[1] as string))) {
        return "has its first port above the second; the kernel rejects the write";
      }
      return undefined;
    }
    case "port-list": {
      if (text === "") return undefined;
      for (const item of text.split(",")) {
        const ends = item.trim().split("-");
        if (ends.length > 2) return `has \`${item}\`, which is neither a port nor a range \`LOW-HIGH\``;
        const problem = ends.map((e) => checkPort(e.trim())).find((p) => p !== undefined);
        if (problem) return problem;
      }
      return undefined;
    }
    case "string":
      return undefined;
  }
}
