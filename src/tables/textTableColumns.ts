import type { TextTable } from '../../sim/index.ts';
import type { TableColumn } from './tsv.ts';

/** A read-back cell that is empty or a number. */
export const isNumberCell = (c: string | null): boolean =>
  c === null || (c.trim() !== '' && Number.isFinite(Number(c)));

/** A read-back table's columns for DataTable: a column whose non-empty cells are all numbers is numeric. */
export function textTableColumns(table: TextTable): TableColumn[] {
  return table.header.map((key) => {
    const cells = table.columns.get(key)!;
    const numeric = cells.every(isNumberCell);
    return numeric
      ? { key, label: key, kind: 'num', values: Float64Array.from(cells, (c) => (c === null ? NaN : Number(c))) }
      : { key, label: key, kind: 'str', values: cells };
  });
}
