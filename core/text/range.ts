/** Positions have the LSP shape (0-based line, UTF-16 character) so adapters barely convert. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function contains(range: Range, pos: Position): boolean {
  const afterStart =
    pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd =
    pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** A range covering a whole line including its line break, for deleting it. */
export function wholeLine(line: number): Range {
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}
