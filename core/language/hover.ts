/** Hover docs for the key (or value) under the cursor. */
import { writeInstead, type Catalogue } from "../catalogue/catalogue";
import { entryBlocks, UNCHECKED_NOTE } from "../render/entry-view";
import { toMarkdown } from "../render/render";
import { resolveKey } from "../rules/lint";
import { misplacedReason } from "../rules/misplaced-key";
import type { SysctlDocument } from "../sysctl/parse";
import { contains, type Position, type Range } from "../text/range";

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

export interface HoverOptions {
  readonly catalogue: Catalogue;
  /** This machine's current value of a dotted key, where it can be read. */
  readonly liveValue?: (name: string) => string | undefined;
}

export function hover(doc: SysctlDocument, pos: Position, options: HoverOptions): HoverResult | null {
  const line = doc.lines[pos.line];
  if (!line || (line.kind !== "assignment" && line.kind !== "exclusion")) return null;
  const onKey = contains(line.key.range, pos);
  const onValue = line.kind === "assignment" && contains(line.value.range, pos);
  if (!onKey && !onValue) return null;
  const range = onKey || line.kind !== "assignment" ? line.key.range : line.value.range;
  const r = resolveKey(options.catalogue, line);
  switch (r.kind) {
    case "key": {
      const name = line.key.name;
      const liveValue = options.liveValue?.(name);
      const fileValue = line.kind === "assignment" ? line.value.text : undefined;
      const blocks = entryBlocks(r.resolved.entry, {
        name,
        ...(r.resolved.instance !== undefined ? { instance: r.resolved.instance } : {}),
        ...(liveValue !== undefined ? { liveValue } : {}),
        ...(fileValue !== undefined ? { fileValue } : {}),
      });
      return { markdown: toMarkdown(blocks), range };
    }
    case "glob": {
      const keys = options.catalogue.matchGlob(line.key.name).map((e) => `\`${e.key}\``);
      const list = keys.length > 0 ? keys.slice(0, 10).join(", ") + (keys.length > 10 ? ", …" : "") : "no known key";
      return { markdown: `**${line.key.text}**\n\nA glob pattern: it sets every matching key. Matches ${list}.`, range };
    }
    case "misplaced": {
      const m = r.misplacement;
      const shown = writeInstead(m) ?? m.key;
      const right = options.catalogue.resolve(shown);
      const docs = right ? `\n\n---\n\n${toMarkdown(entryBlocks(right.entry, { name: shown }))}` : "";
      return { markdown: `\`${line.key.name}\` does not exist. ${misplacedReason(line.key.name, m)}${docs}`, range };
    }
    case "unchecked":
    case "unknown": {
      // A name the catalogue does not have: worth a hover only when this machine has it (a vendor key).
      const live = options.liveValue?.(line.key.name);
      if (r.kind === "unknown" && live === undefined) return null;
      const value = live !== undefined ? `\n\n- **Live value:** \`${live}\`` : "";
      return { markdown: `**\`${line.key.name}\`**\n\n${UNCHECKED_NOTE}${value}`, range };
    }
  }
}
