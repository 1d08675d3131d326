/**
 * A Frame is a table of named columns over a fixed set of rows: numbers as Float64Array (NaN = missing),
 * strings as (string | null)[]. The scoring stages exchange per-note and per-participant results as Frames,
 * keyed by the output column names of the public files (e.g. `coreNoteIntercept`, `coreRatingStatus`).
 */
export type NumColumn = Float64Array;
export type StrColumn = (string | null)[];
export type Column = NumColumn | StrColumn;

export class Frame {
  private readonly cols = new Map<string, Column>();

  /** `length` rows; `key[i]` is the global index (note or participant) of row i. */
  constructor(
    readonly key: Int32Array,
    private readonly rowOfKey: Map<number, number> = new Map(Array.from(key, (k, i) => [k, i])),
  ) {}

  get length(): number {
    return this.key.length;
  }

  /** Row of a global index, or -1. */
  row(key: number): number {
    const r = this.rowOfKey.get(key);
    return r === undefined ? -1 : r;
  }

  has(name: string): boolean {
    return this.cols.has(name);
  }

  names(): string[] {
    return [...this.cols.keys()];
  }

  /** Numeric column; created filled with NaN when absent. */
  num(name: string): NumColumn {
    let c = this.cols.get(name);
    if (c === undefined) {
      c = new Float64Array(this.length).fill(NaN);
      this.cols.set(name, c);
    } else if (!(c instanceof Float64Array)) throw new Error(`column ${name} is not numeric`);
    return c;
  }

  /** String column; created filled with null when absent. */
  str(name: string): StrColumn {
    let c = this.cols.get(name);
    if (c === undefined) {
      c = new Array<string | null>(this.length).fill(null);
      this.cols.set(name, c);
    } else if (c instanceof Float64Array) throw new Error(`column ${name} is not a string column`);
    return c;
  }

  /** Column if present (no creation). */
  get(name: string): Column | undefined {
    return this.cols.get(name);
  }

  set(name: string, column: Column): void {
    if (column.length !== this.length)
      throw new Error(`column ${name}: ${column.length} rows, frame has ${this.length}`);
    this.cols.set(name, column);
  }

  delete(name: string): void {
    this.cols.delete(name);
  }
}
