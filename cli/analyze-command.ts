/** `socket-doctor analyze [FILE|-] [--format F] [--port-range LO HI] [--json|--markdown] [--live]` */
import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { createAnalyzer, type AnalyzeOptions } from "../core/analysis/analyze";
import { reportMarkdown } from "../core/analysis/report-markdown";
import type { Analysis } from "../core/analysis/types";
import { reportText } from "./analyze-text";
import { InputError } from "./read-text";

/** The text decoder for a stream, chosen by its byte-order mark (PowerShell writes UTF-16). */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** Streams one input through the analyser: constant memory whatever its size. */
async function feed(stream: Readable, name: string, push: (text: string) => void): Promise<void> {
  let decoder: TextDecoder | undefined;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      decoder ??= decoderFor(bytes);
      push(decoder.decode(bytes, { stream: true }));
    }
    if (decoder) push(decoder.decode());
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(err);
    throw new InputError(`${name}: ${why}`);
  }
}

const CHUNK = 1 << 20;

export async function analyzeInputs(inputs: readonly { stream: () => Readable; name: string }[], opts: AnalyzeOptions): Promise<Analysis> {
  const analyzer = createAnalyzer(opts);
  for (const input of inputs) await feed(input.stream(), input.name, analyzer.push);
  return analyzer.end();
}

export function fileInput(path: string): { stream: () => Readable; name: string } {
  return path === "-"
    ? { stream: () => process.stdin, name: "standard input" }
    : { stream: () => createReadStream(path, { highWaterMark: CHUNK }), name: path };
}

/** This machine's sockets, straight from the kernel's tables (no shell, no external command). */
export function liveInputs(): { stream: () => Readable; name: string }[] {
  const tables = ["/proc/net/tcp", "/proc/net/tcp6"].filter((p) => existsSync(p));
  if (tables.length === 0) throw new InputError("--live reads /proc/net/tcp, which this system does not have (Linux only)");
  return tables.map(fileInput);
}

export function render(a: Analysis, opts: { readonly json?: boolean | undefined; readonly markdown?: boolean | undefined }): string {
  if (opts.json) return JSON.stringify(a, null, 2) + "\n";
  if (opts.markdown) return reportMarkdown(a);
  return reportText(a);
}
