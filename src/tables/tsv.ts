/** Tables as tab-separated text, for export. */

/** A column of a table as the UI shows it. */
export interface TableColumn {
  key: string;
  label: string;
  values: ArrayLike<number | string | null>;
  /** 'num' sorts numerically and aligns right */
  kind: 'num' | 'str';
  /** cell text (default: numbers to 3 decimals, missing as empty) */
  format?: (value: number | string | null, row: number) => string;
}

/** Display text of one cell. */
export function cellText(column: TableColumn, row: number): string {
  const v = column.values[row];
  if (column.format) return column.format(v, row);
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : Number.isInteger(v) ? String(v) : v.toFixed(3);
  return v;
}

/** Raw value as TSV text: full precision, tabs and newlines replaced by spaces. */
function rawText(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  return v.replace(/[\t\r\n]/g, ' ');
}

/**
 * The TSV text of `rows` (row indices, in order) of `columns`: a header of column keys, then one line per row
 * with full-precision values.
 *
 * @example tableTsv([{ key: 'id', label: 'Note', kind: 'str', values: ['1'] }], [0]) // "id\n1\n"
 */
export function tableTsv(columns: readonly TableColumn[], rows: ArrayLike<number>): string {
  const lines = [columns.map((c) => c.key).join('\t')];
  for (let i = 0; i < rows.length; i++) lines.push(columns.map((c) => rawText(c.values[rows[i]])).join('\t'));
  return lines.join('\n') + '\n';
}

/**
 * Rows matching `query` (case-insensitive substring of any column's display text) and `keep`, sorted by
 * column `sortKey` (numbers numerically, missing last) in `direction`. Returns row indices.
 */
export function selectRows(
  columns: readonly TableColumn[],
  length: number,
  query: string,
  sortKey: string | null,
  direction: 1 | -1,
  keep: (row: number) => boolean = () => true,
): Int32Array {
  const q = query.trim().toLowerCase();
  const rows: number[] = [];
  for (let r = 0; r < length; r++) {
    if (!keep(r)) continue;
    if (q !== '' && !columns.some((c) => cellText(c, r).toLowerCase().includes(q))) continue;
    rows.push(r);
  }
  const col = columns.find((c) => c.key === sortKey);
  if (col) {
    const v = col.values;
    const missing = (x: unknown) => x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));
    rows.sort((a, b) => {
      const x = v[a];
      const y = v[b];
      if (missing(x)) return missing(y) ? a - b : 1;
      if (missing(y)) return -1;
      const d = col.kind === 'num' ? (x as number) - (y as number) : String(x).localeCompare(String(y));
      return d === 0 ? a - b : d * direction;
    });
  }
  return Int32Array.from(rows);
}
