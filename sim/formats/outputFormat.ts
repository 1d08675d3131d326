import { writeTsv, type OutputColumn } from '../data/writeTsv.ts';
import { arrowBytes } from './arrowBytes.ts';
import { parquetBytes } from './parquetBytes.ts';
import { typedTable, type TypedTableOptions } from './typedTable.ts';

/** The file formats every table output can be written in: TSV (the public format), Parquet, Arrow IPC. */
export const OUTPUT_FORMATS = ['tsv', 'parquet', 'arrow'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File name extension of each format. */
export const FORMAT_EXTENSION: Record<OutputFormat, string> = { tsv: '.tsv', parquet: '.parquet', arrow: '.arrow' };

/**
 * The formats named in a `--format` value: one name or a comma list ("tsv,parquet"), in the order given,
 * without repeats. Throws an Error naming the unknown format.
 *
 * @example parseOutputFormats('parquet,arrow') // ['parquet', 'arrow']
 */
export function parseOutputFormats(text: string): OutputFormat[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) throw new Error(`no format given; expected ${OUTPUT_FORMATS.join(', ')} or a comma list`);
  for (const n of names) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(n))
      throw new Error(`unknown format "${n}"; expected ${OUTPUT_FORMATS.join(', ')} or a comma list`);
  }
  return [...new Set(names as OutputFormat[])];
}

/**
 * One table in one format, as chunks for a file: TSV text chunks (writeTsv, byte for byte), or the bytes of a
 * Parquet / Arrow file whose values equal the TSV cells (see typedTable). `options.typeOf` declares column types
 * (e.g. scoringOutputType); `options.rows` is needed only for tables of computed cells.
 *
 * @example for (const f of formats) await writeFileAtomic(`runs${FORMAT_EXTENSION[f]}`, encodeTable(cols, f));
 */
export function encodeTable(
  columns: readonly OutputColumn[],
  format: OutputFormat,
  options: TypedTableOptions = {},
): Iterable<string | Uint8Array> {
  switch (format) {
    case 'tsv':
      return writeTsv(columns, { rows: options.rows });
    case 'parquet':
      return [parquetBytes(typedTable(columns, options))];
    case 'arrow':
      return [arrowBytes(typedTable(columns, options))];
  }
}
