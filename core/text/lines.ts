/** Splits text into lines the way LSP counts them: \r\n, \n and a lone \r all end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
