/** Reads a text file for the CLI: UTF-8 (with or without BOM) or UTF-16 with BOM; refuses binary files. */
import { readFileSync } from "node:fs";

export class InputError extends Error {}

export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new InputError(`${name}: looks like a binary file (it contains NUL bytes), not a text file`);
  // Invalid UTF-8 (a Latin-1 comment, say) becomes U+FFFD instead of failing: the keys are ASCII anyway.
  return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
}

export function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = path === "-" ? readFileSync(0) : readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(err);
    throw new InputError(`${path}: ${why}`);
  }
  return decodeText(bytes, path === "-" ? "standard input" : path);
}
