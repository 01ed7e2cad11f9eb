/** Reads a text file for the CLI: UTF-8 (with or without BOM) or UTF-16 with BOM; refuses binary files. */
import { readFileSync } from "node:fs";

export class InputError extends Error {}

/** The name that stands for standard input wherever a command reads a file. */
export const STDIN = "-";

/** The inputs, each once: standard input can be read only once, so `- -` reads it once and says so. */
export function eachOnce(names: readonly string[], warn: (line: string) => void): string[] {
  const stdin = names.filter((n) => n === STDIN).length;
  if (stdin > 1) warn(`standard input (-) is named ${stdin} times: it is read once`);
  return [...new Set(names)];
}

/** An input that cannot be read, as the CLI reports it. */
export function inputError(name: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(err);
  return new InputError(`${name}: ${why}`);
}

/** The UTF-16 encoding whose byte-order mark starts `bytes` (PowerShell writes these), if any. */
export function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
}

export function decodeText(bytes: Uint8Array, name: string): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new InputError(`${name}: looks like a binary file (it contains NUL bytes), not a text file`);
  // Invalid UTF-8 (a Latin-1 comment, say) becomes U+FFFD instead of failing: the keys are ASCII anyway.
  return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
}

export function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = path === STDIN ? readFileSync(0) : readFileSync(path);
  } catch (err) {
    throw inputError(path, err);
  }
  return decodeText(bytes, path === STDIN ? "standard input" : path);
}
