/**
 * Standard output for the commands: written as it is made (waiting when the reader is slower, so memory stays
 * bounded), quiet when the reader goes away (`socket-doctor keys --json | head`), colour only where it is
 * wanted, and nothing from the input that a terminal would obey.
 */

/** Exit status when the reader of standard output went away, as for a Unix tool killed by SIGPIPE. */
export const BROKEN_PIPE = 141;

export type ColorMode = "auto" | "always" | "never";
export const COLOR_MODES: readonly ColorMode[] = ["auto", "always", "never"];

/** `--color` decides; `auto` (the default) colours a terminal unless NO_COLOR is set to anything but "". */
export function useColor(mode: ColorMode, stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode !== "auto") return mode === "always";
  return stream.isTTY === true && !env.NO_COLOR;
}

/** SGR codes for the few styles the commands use. */
const SGR = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof SGR;

export type Paint = (style: Style, text: string) => string;

export function paint(color: boolean): Paint {
  return color ? (style, text) => `\x1b[${SGR[style]}m${text}\x1b[0m` : (_style, text) => text;
}

/**
 * C0 controls other than the line feed, DEL and the C1 controls (0x9b is a CSI on some terminals) as `\xNN`:
 * an escape sequence in a process name or a key is shown, not obeyed.
 */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

const HAS_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

export function escapeControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`) : text;
}

/**
 * JSON text in which DEL and the C1 controls are `\u` escapes too (JSON.stringify escapes only C0): the
 * same value for a parser, harmless on a terminal.
 */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  return /[\u007f-\u009f]/.test(text) ? text.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
}

export interface Output {
  /** Writes a chunk; the promise settles when the stream can take more. */
  write(chunk: string): Promise<void>;
}

/** Standard output; a reader that goes away (EPIPE) ends the process quietly with BROKEN_PIPE. */
export function stdout(stream: NodeJS.WriteStream = process.stdout): Output {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") process.stderr.write(`socket-doctor: cannot write the output: ${err.message}\n`);
    process.exit(err.code === "EPIPE" ? BROKEN_PIPE : 3);
  });
  return {
    write: (chunk) =>
      new Promise<void>((resolve) => {
        if (stream.write(chunk)) resolve();
        else stream.once("drain", resolve);
      }),
  };
}
