import type { InputLayout } from '../data/inputColumns.ts';
import type { LineSink } from '../data/tsvLines.ts';
import { TsvRow } from '../data/tsvRow.ts';
import type { PostIds } from './postTables.ts';

/**
 * Shared life cycle of the post file readers: `startFile(name)`, `push(line, lineNo)` for every line (header
 * first, checked against the layout), `endFile()`, then `finish()` once. Bad cells throw a DataFormatError
 * naming file, line and column. Subclasses read one data row (`readRow`) and build the table (`build`).
 */
export abstract class PostTableReader<T> implements LineSink {
  protected readonly row: TsvRow;
  /** data rows read so far */
  protected n = 0;
  private finished = false;

  constructor(
    layout: InputLayout,
    readonly ids: PostIds,
  ) {
    this.row = new TsvRow(layout);
  }

  startFile(file: string): void {
    if (this.finished) throw new Error(`${this.row.layout.kind} reader: finish() was already called`);
    this.row.endFile();
    this.row.startFile(file);
  }

  push(line: string, lineNo: number, unterminated = false): void {
    if (!this.row.load(line, lineNo, unterminated)) return;
    this.readRow(this.row, this.n);
    this.n++;
  }

  endFile(): void {
    this.row.endFile();
  }

  finish(): T {
    if (this.finished) throw new Error(`${this.row.layout.kind} reader: finish() was already called`);
    this.row.endFile();
    this.finished = true;
    return this.build(this.n);
  }

  /** Reads data row number `i` (0-based) from the loaded line. */
  protected abstract readRow(r: TsvRow, i: number): void;
  protected abstract build(length: number): T;
}
