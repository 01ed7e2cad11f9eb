/**
 * The catalogue as the bundles ship it: dist/catalogue.json beside dist/server.js and dist/cli.js, read on
 * first use. Keeping the data out of the JavaScript bundles means the extension's activation, the analysis
 * panel and `socket-doctor analyze` never pay for parsing it. Shared with the CLI.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Catalogue } from "../core/catalogue/catalogue";
import type { KeyEntry } from "../core/catalogue/types";

export const CATALOGUE_FILE = "catalogue.json";

let loaded: Catalogue | undefined;

export function loadCatalogue(dir = __dirname): Catalogue {
  loaded ??= new Catalogue(JSON.parse(readFileSync(join(dir, CATALOGUE_FILE), "utf8")) as KeyEntry[]);
  return loaded;
}
