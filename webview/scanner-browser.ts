/**
 * The scanner module in the panel: its bytes are in the bundle (esbuild's binary loader), compiled and
 * instantiated asynchronously (a browser refuses to compile a module of more than 4 KB synchronously on its
 * main thread; the CSP allows it with 'wasm-unsafe-eval'). One instance is kept ready: an analysis takes it
 * (after core's scannerReady()) and the next one is made at once. Imported by main.ts, the bundle's entry.
 */
import bytes from "../dist/scanner.wasm";
import { provideScanner, type ScannerExports } from "../core/netstat/scanner-module";

let compiled: Promise<WebAssembly.Module> | undefined;
let spare: ScannerExports | undefined;
let making: Promise<void> | undefined;

function make(): Promise<void> {
  compiled ??= WebAssembly.compile(bytes);
  making ??= compiled
    .then((m) => WebAssembly.instantiate(m, {}))
    .then((instance) => {
      spare = instance.exports as unknown as ScannerExports;
      making = undefined;
    });
  return making;
}

provideScanner(
  () => {
    const instance = spare;
    if (instance === undefined) throw new Error("the scanner module is not ready (await scannerReady())");
    spare = undefined;
    void make();
    return instance;
  },
  async () => {
    while (spare === undefined) await make();
  },
);
