import { tableFromIPC } from '@uwdata/flechette';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { parquetCellText } from '../parquetInput.ts';

/** A table read back from a binary file: column names in order, and each column's values. */
export interface ReadBack {
  names: string[];
  values: Map<string, unknown[]>;
}

/** Every column of a Parquet file, read with hyparquet (INT64 as bigint). */
export async function readParquetBack(bytes: Uint8Array): Promise<ReadBack> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = await parquetReadObjects({ file });
  const names = parquetSchema(parquetMetadata(file)).children.map((c) => c.element.name);
  return { names, values: new Map(names.map((n) => [n, rows.map((r) => r[n])])) };
}

/** Every column of an Arrow IPC file, read with flechette (Int64 as bigint). */
export function readArrowBack(bytes: Uint8Array): ReadBack {
  const table = tableFromIPC(bytes, { useBigInt: true });
  const names = table.names;
  return {
    names,
    values: new Map(names.map((n) => [n, Array.from(table.getChild(n).toArray() as ArrayLike<unknown>)])),
  };
}

/**
 * Where a table read back from Parquet / Arrow differs from the TSV text of the same output: header, row
 * count, and every cell compared as text (the binary value formatted as the TSV writer would). Empty = equal.
 * `textColumns` must come back as strings (ids: never numbers).
 */
export function differencesFromTsv(tsv: string, back: ReadBack, textColumns: readonly string[] = []): string[] {
  const lines = tsv.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0].split('\t');
  const problems: string[] = [];
  if (header.join('\t') !== back.names.join('\t')) return [`header ${back.names.join(',')} != ${header.join(',')}`];
  const rows = lines.length - 1;
  header.forEach((name, c) => {
    const values = back.values.get(name)!;
    if (values.length !== rows) {
      problems.push(`${name}: ${values.length} rows, TSV has ${rows}`);
      return;
    }
    for (let r = 0; r < rows && problems.length < 20; r++) {
      const want = lines[r + 1].split('\t')[c];
      const v = values[r];
      const got = parquetCellText(v, ['True', 'False']);
      if (got !== want) problems.push(`${name} row ${r + 1}: ${String(v)} (${typeof v}) != "${want}"`);
      if (textColumns.includes(name) && v !== null && typeof v !== 'string')
        problems.push(`${name} row ${r + 1}: ${typeof v}`);
    }
  });
  return problems;
}
