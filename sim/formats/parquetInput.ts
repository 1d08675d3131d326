import { parquetMetadataAsync, parquetScan, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { DataFormatError } from '../data/dataFormatError.ts';
import type { InputLayout } from '../data/inputColumns.ts';
import type { LineSink } from '../data/tsvLines.ts';
import { formatFloat64 } from '../data/writeTsv.ts';

/** Columns holding ids: a float cannot carry their 19 digits, so FLOAT / DOUBLE storage is rejected. */
const ID_COLUMNS = new Set([
  'noteId',
  'tweetId',
  'ratedOnTweetId',
  'suggestionId',
  'noteAuthorParticipantId',
  'raterParticipantId',
  'participantId',
]);

/** Logical types whose values are not plain text, integers or floats (timestamps as Date, decimals as floats). */
const UNSUPPORTED =
  /^(DECIMAL|DATE|TIME|TIMESTAMP|TIME_MILLIS|TIME_MICROS|TIMESTAMP_MILLIS|TIMESTAMP_MICROS|INTERVAL|JSON|BSON|UUID|MAP|LIST|VARIANT|GEOMETRY|GEOGRAPHY|FLOAT16)$/;

/** A pandas index written as a column: not data, ignored. */
const PANDAS_INDEX = /^__index_level_\d+__$/;

/** A Parquet file's flat columns, checked: names, physical types. */
export interface ParquetColumns {
  metadata: FileMetaData;
  names: string[];
}

/**
 * Reads and checks the schema of a Parquet file: flat columns of text, integers, floats or booleans only, and
 * no float storage for an id column. Errors are DataFormatErrors naming the file and the column.
 */
export async function parquetColumns(file: string, source: AsyncBuffer): Promise<ParquetColumns> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(source);
  } catch (err) {
    throw new DataFormatError({ file, line: 1, reason: `not a valid Parquet file (${(err as Error).message})` });
  }
  const children = parquetSchema(metadata).children;
  children.forEach((child, k) => {
    const e = child.element;
    const at = { file, line: 1, column: k + 1, columnName: e.name };
    const logical = e.logical_type?.type ?? e.converted_type;
    if (child.children.length > 0 || e.repetition_type === 'REPEATED' || (logical && UNSUPPORTED.test(logical))) {
      throw new DataFormatError({
        ...at,
        reason: `type ${logical ?? 'nested'} is not supported; expected text, an integer, a float or a boolean`,
      });
    }
    if (ID_COLUMNS.has(e.name) && (e.type === 'FLOAT' || e.type === 'DOUBLE')) {
      throw new DataFormatError({
        ...at,
        reason: `an id stored as ${e.type}: a float cannot hold 64-bit ids exactly; store ids as STRING or INT64`,
      });
    }
    if (e.type === 'INT96' || e.type === 'FIXED_LEN_BYTE_ARRAY') {
      throw new DataFormatError({ ...at, reason: `physical type ${e.type} is not supported` });
    }
  });
  return { metadata, names: children.map((c) => c.element.name) };
}

/**
 * The text of one Parquet value as it would appear in a TSV cell: null → "", bigint and integers exactly,
 * floats as their shortest decimal (inf / -inf), booleans as `bools` (["1", "0"] for input flags, ["True",
 * "False"] as the scoring outputs write them); tabs and line breaks in text become spaces. Undefined when the
 * value is of no supported kind.
 */
export function parquetCellText(v: unknown, bools: readonly [string, string]): string | undefined {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return /[\t\r\n]/.test(v) ? v.replace(/[\t\r\n]/g, ' ') : v;
    case 'bigint':
      return String(v);
    case 'number':
      return formatFloat64(v);
    case 'boolean':
      return v ? bools[0] : bools[1];
    default:
      return undefined;
  }
}

/**
 * parquetCellText of a whole column chunk (one loop per chunk keeps it fast); a value of no supported kind is a
 * DataFormatError at the place `where(i)` names.
 */
export function columnTexts(
  values: ArrayLike<unknown>,
  bools: readonly [string, string],
  where: (i: number) => { file: string; row: number; column: number; name: string },
): string[] {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const text = typeof v === 'string' && !BREAK.test(v) ? v : parquetCellText(v, bools);
    if (text === undefined) {
      const at = where(i);
      throw new DataFormatError({
        file: at.file,
        line: at.row + 1,
        row: at.row,
        column: at.column,
        columnName: at.name,
        reason: `unsupported value of type ${typeof v}`,
      });
    }
    out[i] = text;
  }
  return out;
}

const BREAK = /[\t\r\n]/;

/**
 * Feeds a Parquet input file (notes, ratings, noteStatusHistory, userEnrollment) into a table reader as TSV
 * lines, so that every check of the TSV readers applies unchanged: columns are matched by name (the layout's
 * names or aliases, in any order; a pandas index column is ignored), a missing or unknown column is an error
 * naming it, and a bad value is an error naming the file, the row (1-based) and the column.
 * The caller calls `startFile` / `endFile` on the reader. `onRows(done, total)` reports progress.
 *
 * @example reader.ratings.startFile('ratings-00000.parquet'); await pushParquetRows(name, buffer, RATINGS_LAYOUT, reader.ratings);
 */
export async function pushParquetRows(
  file: string,
  source: AsyncBuffer,
  layout: InputLayout,
  sink: LineSink,
  onRows?: (done: number, total: number) => void,
): Promise<void> {
  const { metadata, names } = await parquetColumns(file, source);
  const used = layoutColumns(file, names, layout);
  sink.push(used.map((_, j) => layout.columns[j].name).join('\t'), 1);
  const scan = await parquetScan({ file: source, metadata, columns: used.map((k) => names[k]) });
  const total = Number(metadata.num_rows);
  for (const { rowStart, rowEnd } of scan.ranges) {
    const texts = await Promise.all(
      used.map(async (k) => {
        const values = await scan.readColumn({ column: names[k], rowStart, rowEnd });
        return columnTexts(values, ['1', '0'], (i) => ({ file, row: rowStart + i + 1, column: k + 1, name: names[k] }));
      }),
    );
    for (let r = rowStart; r < rowEnd; r++) {
      const i = r - rowStart;
      let line = texts[0][i];
      for (let c = 1; c < texts.length; c++) line += '\t' + texts[c][i];
      try {
        sink.push(line, r + 2);
      } catch (err) {
        if (!(err instanceof DataFormatError)) throw err;
        const k = err.column === null ? -1 : err.column - 1;
        throw new DataFormatError({
          file,
          line: err.line,
          row: err.line - 1,
          column: k >= 0 && k < used.length ? used[k] + 1 : null,
          columnName: k >= 0 && k < used.length ? names[used[k]] : null,
          reason: err.reason,
        });
      }
    }
    onRows?.(rowEnd, total);
  }
}

/**
 * Indices (into the file's columns) of the layout's columns, in layout order: the longest prefix of the layout
 * the file has, which must be one of the accepted column counts.
 */
function layoutColumns(file: string, names: readonly string[], layout: InputLayout): number[] {
  const at = (k: number) => {
    const c = layout.columns[k];
    return names.findIndex((n) => n === c.name || (c.aliases ?? []).includes(n));
  };
  const found = layout.columns.map((_, k) => at(k));
  const n = found.indexOf(-1) < 0 ? found.length : found.indexOf(-1);
  const kind = `${layout.kind} file`;
  if (!layout.acceptedCounts.includes(n)) {
    throw new DataFormatError({
      file,
      line: 1,
      columnName: layout.columns[n].name,
      reason: `no column ${layout.columns[n].name} (${kind}: needs the columns ${layout.columns
        .slice(0, Math.min(...layout.acceptedCounts))
        .map((c) => c.name)
        .join(', ')})`,
    });
  }
  const later = found.slice(n).findIndex((k) => k >= 0);
  if (later >= 0) {
    throw new DataFormatError({
      file,
      line: 1,
      reason: `has column ${layout.columns[n + later].name} but not ${layout.columns[n].name}, which comes before it (${kind})`,
    });
  }
  const used = found.slice(0, n);
  names.forEach((name, k) => {
    if (!used.includes(k) && !PANDAS_INDEX.test(name)) {
      throw new DataFormatError({
        file,
        line: 1,
        column: k + 1,
        columnName: name,
        reason: `unknown column ${name} (${kind})`,
      });
    }
  });
  return used;
}
