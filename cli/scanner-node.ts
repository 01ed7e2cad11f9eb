/**
 * The scanner module for Node (the CLI, the extension host, the tests): dist/scanner.wasm, next to the bundle
 * (dist/cli.js, dist/extension.js) or, for the compiled sources in out/, in the build's dist/. Compiled once;
 * an instance per analysis.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { provideScanner, type ScannerExports } from "../core/netstat/scanner-module";

/** The part of the WebAssembly API used here (@types/node does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

function wasmFile(): string {
  const here = join(__dirname, "scanner.wasm");
  return existsSync(here) ? here : join(__dirname, "..", "..", "dist", "scanner.wasm");
}

let compiled: object | undefined;

/** A fresh instance (the module is compiled on the first call). */
export function nodeScanner(): ScannerExports {
  compiled ??= new wasm.Module(readFileSync(wasmFile()));
  return new wasm.Instance(compiled, {}).exports as ScannerExports;
}

provideScanner(nodeScanner);
