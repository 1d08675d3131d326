import { parquetScan, type AsyncBuffer } from 'hyparquet';
import { DataFormatError } from '../data/dataFormatError.ts';
import type { TextTable } from '../data/readOutputTable.ts';
import { columnTexts, parquetColumns } from './parquetInput.ts';

/**
 * One of our output files written as Parquet (e.g. a previous run's scored_notes.parquet for incremental
 * mode) as the TextTable that readOutputTable gives for its TSV twin: every cell as the TSV writer formats it
 * (doubles as their shortest decimal, bools as True / False, null as null). `required` columns must be present.
 *
 * @example const prev = await parquetTextTable('scored_notes.parquet', buffer, ['noteId', 'finalRatingStatus']);
 */
export async function parquetTextTable(
  file: string,
  source: AsyncBuffer,
  required: readonly string[],
): Promise<TextTable> {
  const { metadata, names } = await parquetColumns(file, source);
  for (const name of required) {
    if (!names.includes(name)) throw new DataFormatError({ file, line: 1, reason: `no column ${name}` });
  }
  const columns = new Map<string, (string | null)[]>(names.map((n) => [n, []]));
  const scan = await parquetScan({ file: source, metadata });
  for (const { rowStart, rowEnd } of scan.ranges) {
    for (const [k, name] of names.entries()) {
      const values = await scan.readColumn({ column: name, rowStart, rowEnd });
      const texts = columnTexts(values, ['True', 'False'], (i) => ({
        file,
        row: rowStart + i + 1,
        column: k + 1,
        name,
      }));
      const out = columns.get(name)!;
      for (const text of texts) out.push(text === '' ? null : text);
    }
  }
  return { file, header: names, columns, length: Number(metadata.num_rows) };
}
