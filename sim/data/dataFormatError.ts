/**
 * An input file that does not follow the public Community Notes format.
 *
 * `file` is the file name as given to the reader, `line` is 1-based (the header is line 1),
 * `column` is the 1-based column number and `columnName` its expected name (both null when the problem is
 * not about one column, e.g. an empty file). `reason` is the bare explanation; `message` prefixes it with
 * the location: `ratings-00000.tsv:17: column 9 (helpfulnessLevel): unknown value "MAYBE"; expected ...`.
 * A Parquet file has rows, not lines: `row` (1-based data row) is set and the message says `notes.parquet: row 16:`;
 * `line` is then row + 1, the line the same row would have in a TSV file.
 */
export class DataFormatError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number | null;
  readonly columnName: string | null;
  readonly reason: string;
  readonly row: number | null;

  constructor(where: {
    file: string;
    line: number;
    column?: number | null;
    columnName?: string | null;
    reason: string;
    row?: number | null;
  }) {
    const column = where.column ?? null;
    const columnName = where.columnName ?? null;
    const col =
      column === null ? '' : columnName === null ? ` column ${column}:` : ` column ${column} (${columnName}):`;
    const row = where.row ?? null;
    super(`${where.file}${row === null ? `:${where.line}:` : `: row ${row}:`}${col} ${where.reason}`);
    this.name = 'DataFormatError';
    this.file = where.file;
    this.line = where.line;
    this.column = column;
    this.columnName = columnName;
    this.reason = where.reason;
    this.row = row;
  }
}
