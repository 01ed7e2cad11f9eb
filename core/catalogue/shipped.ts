/**
 * The catalogue built from the shipped data files. Tests and benchmarks use it; the bundles do not import
 * it (they read dist/catalogue.json when a sysctl feature first needs it, see server/catalogue-file.ts).
 */
import { Catalogue } from "./catalogue";
import { ENTRIES } from "./data";

let shared: Catalogue | undefined;

export function shippedCatalogue(): Catalogue {
  shared ??= new Catalogue(ENTRIES);
  return shared;
}
