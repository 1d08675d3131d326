import type { TextTable } from './readOutputTable.ts';

/**
 * A column to write. Missing values are written as empty cells: NaN in numeric columns, null in string
 * and bool columns, negative codes in dictionary-coded string columns, 255 in Uint8Array bool columns.
 * - float: Float32Array values use the shortest decimal that reads back as the same float32 (0.2807924);
 *   Float64Array / number[] the shortest JS representation; +-Infinity as inf / -inf.
 * - int: integer values (timestamps, counts) written without a decimal point.
 * - string: plain strings, or Int32Array codes into `dictionary`. Tabs and line breaks become spaces.
 * - bool: True / False (the reference's spelling); Uint8Array 0/1, or booleans.
 * - cell: any per-row text, computed by `cell(row)` (sanitised like strings).
 */
export type OutputColumn =
  | { name: string; kind: 'float'; values: Float64Array | Float32Array | readonly number[] }
  | {
      name: string;
      kind: 'int';
      values:
        Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | readonly number[];
    }
  | { name: string; kind: 'string'; values: readonly (string | null)[] }
  | { name: string; kind: 'string'; values: Int32Array; dictionary: readonly string[] }
  | { name: string; kind: 'bool'; values: Uint8Array | readonly (boolean | null)[] }
  | { name: string; kind: 'cell'; cell: (row: number) => string };

/** Options of writeTsv: `rows` is needed only when every column is a `cell` column. */
export interface WriteTsvOptions {
  rows?: number;
  /** Rows per yielded chunk (default 2048). */
  rowsPerChunk?: number;
}

/**
 * Writes columns as TSV text: yields the header line, then chunks of whole rows (so a million-row table is
 * never one giant string). Every line ends with "\n". Throws when columns have different lengths.
 *
 * @example
 * for (const chunk of writeTsv([{ name: 'noteId', kind: 'string', values: ids }, ...])) out.write(chunk);
 */
export function* writeTsv(columns: readonly OutputColumn[], options: WriteTsvOptions = {}): Generator<string> {
  if (columns.length === 0) throw new Error('writeTsv: no columns to write');
  const rows = rowCount(columns, options.rows);
  const perChunk = Math.max(1, options.rowsPerChunk ?? 2048);
  const cells = columns.map(formatter);
  const last = cells.length - 1;
  yield columns.map((c) => sanitize(c.name)).join('\t') + '\n';
  for (let start = 0; start < rows; start += perChunk) {
    const end = Math.min(rows, start + perChunk);
    let out = '';
    for (let i = start; i < end; i++) {
      for (let c = 0; c < last; c++) out += cells[c](i) + '\t';
      out += cells[last](i) + '\n';
    }
    yield out;
  }
}

/**
 * The TextTable that readOutputTable would return for writeTsv's text of `columns`, without writing and parsing
 * the text: every cell as writeTsv formats it, empty cells as null. `required` columns must be present.
 *
 * @example const prev = outputTextTable('scored_notes.tsv', columns, ['noteId']);
 */
export function outputTextTable(
  file: string,
  columns: readonly OutputColumn[],
  required: readonly string[],
): TextTable {
  if (columns.length === 0) throw new Error('outputTextTable: no columns');
  const rows = rowCount(columns, undefined);
  const header = columns.map((c) => sanitize(c.name));
  for (const name of required)
    if (!header.includes(name)) throw new Error(`outputTextTable: ${file} has no column ${name}`);
  const table = new Map<string, (string | null)[]>();
  columns.forEach((c, k) => {
    const cell = formatter(c);
    const out = new Array<string | null>(rows);
    for (let i = 0; i < rows; i++) {
      const v = cell(i);
      out[i] = v === '' ? null : v;
    }
    table.set(header[k], out);
  });
  return { file, header, columns: table, length: rows };
}

/** Joins writeTsv's chunks into one string (small tables, tests). */
export const tsvText = (columns: readonly OutputColumn[], options?: WriteTsvOptions): string =>
  [...writeTsv(columns, options)].join('');

/** Shortest decimal text that parses back to the same float32 as `v` (e.g. 0.2807924); "" for NaN. */
export function formatFloat32(v: number): string {
  if (Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  const f = Math.fround(v);
  // Rounding to more digits never moves further from f, so the digit counts that round-trip form a suffix
  // of 1..9 (9 always does). Most float32 values need 7 or 8 digits: start there.
  let s = f.toPrecision(7);
  if (Math.fround(Number(s)) === f) {
    for (let p = 6; p >= 1; p--) {
      const t = f.toPrecision(p);
      if (Math.fround(Number(t)) !== f) break;
      s = t;
    }
  } else {
    s = f.toPrecision(8);
    if (Math.fround(Number(s)) !== f) s = f.toPrecision(9);
  }
  return plainDecimal(s);
}

/** toPrecision text without trailing zeros; exponent forms re-rendered the way String() does. */
function plainDecimal(s: string): string {
  if (s.indexOf('e') >= 0) return String(Number(s));
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Shortest text of a float64 ("" for NaN, inf / -inf for infinities). */
export function formatFloat64(v: number): string {
  if (Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

function rowCount(columns: readonly OutputColumn[], rows: number | undefined): number {
  let n = rows ?? -1;
  let from = '';
  for (const c of columns) {
    if (c.kind === 'cell') continue;
    if (n < 0) {
      n = c.values.length;
      from = c.name;
    } else if (c.values.length !== n) {
      throw new Error(
        `writeTsv: column "${c.name}" has ${c.values.length} values but ${from ? `column "${from}" has` : 'rows ='} ${n}`,
      );
    }
  }
  if (n < 0) throw new Error('writeTsv: only computed (cell) columns: pass options.rows');
  return n;
}

/** The TSV cell text of row i of `c`, exactly as writeTsv writes it ("" = empty cell). */
export function formatter(c: OutputColumn): (i: number) => string {
  switch (c.kind) {
    case 'float': {
      const v = c.values;
      return v instanceof Float32Array ? (i) => formatFloat32(v[i]) : (i) => formatFloat64(v[i]);
    }
    case 'int': {
      const v = c.values;
      return (i) => formatFloat64(v[i]);
    }
    case 'string': {
      if ('dictionary' in c) {
        const { values, dictionary } = c;
        return (i) => {
          const code = values[i];
          if (code < 0) return '';
          const s = dictionary[code];
          if (s === undefined)
            throw new Error(`writeTsv: column "${c.name}" row ${i}: code ${code} is not in its dictionary`);
          return sanitize(s);
        };
      }
      const v = c.values;
      return (i) => {
        const s = v[i];
        return s === null || s === undefined ? '' : sanitize(s);
      };
    }
    case 'bool': {
      const v = c.values;
      if (v instanceof Uint8Array) return (i) => (v[i] === 1 ? 'True' : v[i] === 0 ? 'False' : '');
      return (i) => (v[i] === true ? 'True' : v[i] === false ? 'False' : '');
    }
    case 'cell': {
      const cell = c.cell;
      return (i) => sanitize(cell(i));
    }
  }
}

const BREAKS = /[\t\r\n]/g;
const sanitize = (s: string): string =>
  s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace(BREAKS, ' ');
