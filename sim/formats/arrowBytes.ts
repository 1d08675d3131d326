import {
  bool,
  columnFromValues,
  float64,
  int64,
  tableFromColumns,
  tableToIPC,
  utf8,
  type DataType,
} from '@uwdata/flechette';
import type { ColumnType, TypedTable } from './typedTable.ts';

/** Rows converted to JS values at a time (and rows per Arrow record batch). */
const BATCH = 65_536;

const ARROW_TYPE: Record<ColumnType, () => DataType> = {
  string: utf8,
  double: float64,
  int64: int64,
  bool: bool,
};

/**
 * A typed table as the bytes of one Arrow IPC file (the "file" format, also read as Feather v2), via flechette:
 * string → Utf8, double → Float64, int64 → Int64, bool → Bool; nulls as nulls (never NaN).
 *
 * @example await writeFileAtomic('scored_notes.arrow', [arrowBytes(typedTable(columns))]);
 */
export function arrowBytes(table: TypedTable): Uint8Array {
  const columns = table.columns.map((c) => {
    const visit = (callback: (value: unknown) => void): void => {
      for (let start = 0; start < table.rows; start += BATCH) {
        for (const v of c.values(start, Math.min(table.rows, start + BATCH))) callback(v);
      }
    };
    return [c.name, columnFromValues(visit, ARROW_TYPE[c.type](), { maxBatchRows: BATCH })] as const;
  });
  const bytes = tableToIPC(tableFromColumns(Object.fromEntries(columns)), { format: 'file' });
  if (!bytes) throw new Error('arrowBytes: flechette returned no bytes');
  return bytes;
}
