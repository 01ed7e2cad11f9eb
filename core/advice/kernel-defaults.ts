/** The kernel's default of a key as the planner reads it: the catalogue's fixed default of the key's instance. */
import type { Catalogue } from "../catalogue/catalogue";
import { instanceDefault } from "../catalogue/catalogue";

export function kernelDefaults(catalogue: Catalogue): (key: string) => string | undefined {
  return (key) => {
    const r = catalogue.resolve(key);
    return (r && instanceDefault(r.entry, r.instance)) ?? undefined;
  };
}
