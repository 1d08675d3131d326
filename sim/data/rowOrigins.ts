import { DataFormatError } from './dataFormatError.ts';
import { ensureLength } from './growable.ts';

/**
 * Where each row of a table being read came from (file, line) plus a hash of its content: what duplicate
 * checks need to tell exact duplicates from conflicting ones and to name both lines. Temporary: readers
 * drop it in `finish()`.
 */
export class RowOrigins {
  /** the files started so far, in order */
  readonly files: string[] = [];
  private readonly firstRows: number[] = [];
  lines = new Uint32Array(0);
  hashes = new Uint32Array(0);

  /** Rows from `firstRow` on come from `file`. */
  startFile(file: string, firstRow: number): void {
    this.files.push(file);
    this.firstRows.push(firstRow);
  }

  record(row: number, line: number, hash: number): void {
    if (row >= this.lines.length) {
      this.lines = ensureLength(this.lines, row + 1);
      this.hashes = ensureLength(this.hashes, row + 1);
    }
    this.lines[row] = line;
    this.hashes[row] = hash;
  }

  /**
   * A row whose key (in column 1) already appeared at row `seen`: returns when it is an exact duplicate (the
   * reader drops it, as the reference does); throws a DataFormatError naming both lines when the content differs.
   */
  assertExactDuplicate(
    seen: number,
    hash: number,
    at: { file: string; line: number; columnName: string; key: string },
  ): void {
    if (this.hashes[seen] === hash) return;
    throw new DataFormatError({
      file: at.file,
      line: at.line,
      column: 1,
      columnName: at.columnName,
      reason: `duplicate ${at.columnName} ${at.key}: already at ${this.where(seen)} with different content`,
    });
  }

  fileOf(row: number): string {
    let lo = 0;
    let hi = this.firstRows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firstRows[mid] <= row) lo = mid;
      else hi = mid - 1;
    }
    return this.files[lo] ?? '';
  }

  /** "file:line" of a row. */
  where(row: number): string {
    return `${this.fileOf(row)}:${this.lines[row]}`;
  }

  release(): void {
    this.lines = new Uint32Array(0);
    this.hashes = new Uint32Array(0);
  }
}

/** Row of each key (a dictionary index), -1 when the key has no row yet; for tables with one row per key. */
export class KeyRowIndex {
  private rows = new Int32Array(0);

  get(key: number): number {
    return key < this.rows.length ? this.rows[key] : -1;
  }

  set(key: number, row: number): void {
    if (key >= this.rows.length) this.rows = ensureLength(this.rows, key + 1, -1);
    this.rows[key] = row;
  }
}
