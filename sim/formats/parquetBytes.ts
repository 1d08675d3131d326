import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];
import type { ColumnType, TypedTable } from './typedTable.ts';

/** Rows per Parquet row group: also the rows converted to JS values at a time. */
const ROW_GROUP = 65_536;

const PARQUET_TYPE: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  double: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  int64: { type: 'INT64', repetition_type: 'OPTIONAL' },
  bool: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
};

/**
 * A typed table as the bytes of one Parquet file (hyparquet-writer, Snappy): string → BYTE_ARRAY/UTF8 (STRING),
 * double → DOUBLE, int64 → INT64, bool → BOOLEAN, every column OPTIONAL (null = empty TSV cell). Written one row
 * group at a time; deterministic for the same table.
 *
 * @example await writeFileAtomic('scored_notes.parquet', [parquetBytes(typedTable(columns))]);
 */
export function parquetBytes(table: TypedTable): Uint8Array {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: table.columns.length },
    ...table.columns.map((c) => ({ name: c.name, ...PARQUET_TYPE[c.type] })),
  ];
  const writer = new ByteWriter();
  const pq = new ParquetWriter({ writer, schema, createdBy: 'bridgelab' });
  for (let start = 0; start < table.rows; start += ROW_GROUP) {
    const end = Math.min(table.rows, start + ROW_GROUP);
    const result = pq.write({
      columnData: table.columns.map((c) => ({ name: c.name, data: c.values(start, end) })),
      rowGroupSize: end - start,
    });
    if (result) throw new Error('parquetBytes: the in-memory writer is synchronous');
  }
  const finished = pq.finish();
  if (finished) throw new Error('parquetBytes: the in-memory writer is synchronous');
  return new Uint8Array(writer.getBuffer());
}
