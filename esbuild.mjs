// Bundles every entry point into dist/. Type checking is `tsc -b` (esbuild does not type-check).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from "esbuild";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  target: "node20",
  platform: "node",
  format: "cjs",
  logLevel: "warning",
  // docs/rules.md goes into the CLI as text: the SARIF output's rule help.
  loader: { ".md": "text" },
};

const builds = [
  { ...common, entryPoints: ["client/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
  { ...common, entryPoints: ["server/main.ts"], outfile: "dist/server.js" },
  {
    ...common,
    entryPoints: ["cli/main.ts"],
    outfile: "dist/cli.js",
    define: { "process.env.SOCKET_DOCTOR_VERSION": JSON.stringify(version) },
    // lint, explain and keys: a bundle of their own, required when one of them runs.
    external: ["./sysctl-commands.js"],
  },
  { ...common, entryPoints: ["cli/sysctl-commands.ts"], outfile: "dist/sysctl-commands.js" },
];

// The analysis panel runs in a browser: no Node built-ins may reach it (a core/ import of one fails here).
builds.push({
  ...common,
  platform: "browser",
  format: "iife",
  target: "chrome120",
  entryPoints: { webview: "webview/main.ts", "webview-style": "webview/style.css" },
  outdir: "dist",
  // The scanner module (dist/scanner.wasm, built by `npm run build:wasm`) goes into the bundle as bytes.
  loader: { ".wasm": "binary" },
});

/**
 * The key catalogue ships as data beside the bundles, not inside them: the server and the CLI read
 * dist/catalogue.json when a sysctl feature first needs it (server/catalogue-file.ts), so activation, the
 * panel and `analyze` never parse it. Every file in core/catalogue/data/ goes in, in name order.
 */
function writeCatalogue() {
  const dir = "core/catalogue/data";
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, "utf8")));
  mkdirSync("dist", { recursive: true });
  writeFileSync("dist/catalogue.json", JSON.stringify(entries));
}
writeCatalogue();

const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("esbuild: watching for changes");
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
