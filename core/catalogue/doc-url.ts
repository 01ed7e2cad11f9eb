/** Links into the Linux 6.18 documentation, derived from an entry's `sources.doc` ("path.rst#Section"). */
import type { KeyEntry } from "./types";

const DOC_ROOT = "https://www.kernel.org/doc/html/v6.18/";

/** Sphinx's anchor for a section title: lower case, runs of other characters become one `-`. */
export function sectionAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function docUrl(entry: KeyEntry): string | null {
  const doc = entry.sources.doc;
  if (!doc) return null;
  const [path = "", section] = doc.split("#");
  const page = DOC_ROOT + path.replace(/\.rst$/, ".html");
  return section ? `${page}#${sectionAnchor(section)}` : page;
}
