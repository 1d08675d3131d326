import { formatFloat32, formatter, type OutputColumn } from '../data/writeTsv.ts';

/**
 * The format-neutral table behind every binary output (Parquet, Arrow): columns with one declared type each,
 * read lazily in row ranges so a million-row table is never converted whole.
 * - string: text (ids of any width stay exact: never through a float)
 * - double: IEEE float64
 * - int64: 64-bit integer, as bigint
 * - bool: true / false
 * Every type is nullable: an empty TSV cell is null. A value is always what the TSV cell of the same table
 * parses to (a float32 cell "0.2807924" is the double nearest 0.2807924), so a binary file read back equals
 * the TSV file column by column.
 */
export type ColumnType = 'string' | 'double' | 'int64' | 'bool';

export type CellValue = string | number | bigint | boolean | null;

export interface TypedColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** Values of rows [start, end), null for missing. */
  values(start: number, end: number): CellValue[];
}

export interface TypedTable {
  readonly rows: number;
  readonly columns: readonly TypedColumn[];
}

export interface TypedTableOptions {
  /** Row count; needed only when every column is a `cell` column. */
  rows?: number;
  /** Declared type of a column by name; undefined falls back to the column's kind (float → double, int → int64,
   * bool → bool, string and cell → string). */
  typeOf?: (name: string) => ColumnType | undefined;
}

/**
 * The typed view of writeTsv's columns. Throws (naming column and row) when a cell cannot be read as its
 * declared type, e.g. text in a double column or a fraction in an int64 column.
 *
 * @example const table = typedTable(outputTable(result, 'scored_notes'), { typeOf: scoringOutputType });
 */
export function typedTable(columns: readonly OutputColumn[], options: TypedTableOptions = {}): TypedTable {
  if (columns.length === 0) throw new Error('typedTable: no columns');
  let rows = options.rows ?? -1;
  for (const c of columns) {
    if (c.kind === 'cell') continue;
    if (rows < 0) rows = c.values.length;
    else if (c.values.length !== rows)
      throw new Error(`typedTable: column "${c.name}" has ${c.values.length} values, expected ${rows}`);
  }
  if (rows < 0) throw new Error('typedTable: only computed (cell) columns: pass options.rows');
  return {
    rows,
    columns: columns.map((c) => typedColumn(c, options.typeOf?.(c.name) ?? defaultType(c))),
  };
}

function defaultType(c: OutputColumn): ColumnType {
  switch (c.kind) {
    case 'float':
      return 'double';
    case 'int':
      return 'int64';
    case 'bool':
      return 'bool';
    default:
      return 'string';
  }
}

function typedColumn(c: OutputColumn, type: ColumnType): TypedColumn {
  const name = c.name.replace(/[\t\r\n]/g, ' ');
  const direct = directValue(c, type);
  if (direct) return { name, type, values: (start, end) => range(start, end, direct) };
  const text = formatter(c);
  const parse = PARSERS[type];
  return {
    name,
    type,
    values: (start, end) =>
      range(start, end, (i) => {
        const s = text(i);
        if (s === '') return null;
        const v = parse(s);
        if (v === undefined) throw new Error(`column "${name}" row ${i + 1}: "${s}" is not a ${type}`);
        return v;
      }),
  };
}

/** Values taken from the arrays without formatting them, where that gives the same value as parsing the TSV cell. */
function directValue(c: OutputColumn, type: ColumnType): ((i: number) => CellValue) | null {
  if (type === 'double' && (c.kind === 'float' || c.kind === 'int')) {
    const v = c.values;
    if (v instanceof Float32Array)
      return (i) => (Number.isNaN(v[i]) ? null : Number.isFinite(v[i]) ? Number(formatFloat32(v[i])) : v[i]);
    return (i) => (Number.isNaN(v[i]) ? null : v[i]);
  }
  if (type === 'int64' && c.kind === 'int') {
    const v = c.values;
    return (i) => {
      const x = v[i];
      if (Number.isNaN(x)) return null;
      if (!Number.isSafeInteger(x)) throw new Error(`column "${c.name}" row ${i + 1}: ${x} is not an int64`);
      return BigInt(x);
    };
  }
  if (type === 'string' && c.kind === 'string' && !('dictionary' in c)) {
    const v = c.values;
    const text = formatter(c);
    return (i) => (v[i] === null || v[i] === undefined || v[i] === '' ? null : text(i));
  }
  return null;
}

function range(start: number, end: number, value: (i: number) => CellValue): CellValue[] {
  const out = new Array<CellValue>(end - start);
  for (let i = start; i < end; i++) out[i - start] = value(i);
  return out;
}

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INT_RE = /^[-+]?\d+$/;

/** Reading a non-empty TSV cell as each type; undefined when it is not one. */
const PARSERS: Record<ColumnType, (s: string) => CellValue | undefined> = {
  string: (s) => s,
  double: (s) => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : NUMBER_RE.test(s) ? Number(s) : undefined),
  int64: (s) => {
    if (!INT_RE.test(s)) return undefined;
    const v = BigInt(s);
    return v >= -(2n ** 63n) && v < 2n ** 63n ? v : undefined;
  },
  bool: (s) => (s === 'True' ? true : s === 'False' ? false : undefined),
};

/** The value a TSV cell reads as in a column of `type` (null for an empty cell); throws if it cannot. */
export function parseCell(type: ColumnType, s: string): CellValue {
  if (s === '') return null;
  const v = PARSERS[type](s);
  if (v === undefined) throw new Error(`"${s}" is not a ${type}`);
  return v;
}
