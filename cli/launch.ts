#!/usr/bin/env node
/**
 * dist/cli.js, the `socket-doctor` command: runs the command line (dist/cli-main.js, bundled from main.ts)
 * from V8's code cache of it, dist/cli-main.cache, so that start-up skips most of compiling it. A run that
 * found no cache, or one V8 rejected (another Node version, a rebuilt bundle), writes it when it exits; where
 * dist/ is read-only the bundle is simply compiled as usual.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { wrap } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";

const file = join(__dirname, "cli-main.js");
const cacheFile = join(__dirname, "cli-main.cache");
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, ...(cachedData ? { cachedData } : {}) });
if (cachedData === undefined || script.cachedDataRejected === true) {
  process.once("exit", () => {
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // A read-only install: no cache, as before.
    }
  });
}
(script.runInThisContext() as (...args: unknown[]) => void)(exports, require, module, file, __dirname);
