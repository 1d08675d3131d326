import type { OutputColumn } from '../../data/writeTsv.ts';
import { parquetBytes } from '../parquetBytes.ts';
import { typedTable, type ColumnType } from '../typedTable.ts';

const INT = /^-?\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A TSV text as a Parquet file typed the way pandas would write it: a column of integers (ids included) as
 * INT64, other numbers as DOUBLE, the rest as STRING; empty cells null. `order` reorders / adds columns
 * (a name not in the TSV becomes an all-null STRING column), to check that readers match columns by name.
 */
export function tsvToParquet(text: string, order?: readonly string[]): Uint8Array {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  const cells = lines.slice(1).map((l) => l.split('\t'));
  const types = new Map<string, ColumnType>();
  const columns: OutputColumn[] = (order ?? header).map((name) => {
    const k = header.indexOf(name);
    const values = cells.map((row) => (k < 0 || row[k] === '' ? null : row[k]));
    const present = values.filter((v): v is string => v !== null);
    const int = present.every((v) => INT.test(v) && BigInt(v) < 2n ** 63n && BigInt(v) >= -(2n ** 63n));
    types.set(
      name,
      present.length === 0 || k < 0
        ? 'string'
        : int
          ? 'int64'
          : present.every((v) => NUMBER.test(v))
            ? 'double'
            : 'string',
    );
    return { name, kind: 'string', values };
  });
  return parquetBytes(typedTable(columns, { typeOf: (n) => types.get(n) }));
}
