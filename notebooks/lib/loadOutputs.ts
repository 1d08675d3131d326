// Loads bridgelab outputs (score, simulate) into arquero tables for the notebooks: TSV, gzipped TSV, Parquet or
// Arrow, with ids always as exact strings. Usage:
//   const tables = await loadOutputs('out');            // Map: 'scored_notes', 'scored/scored_notes', 'runs', ...
//   tables.get('scored_notes')!.filter((d) => d.finalRatingStatus === 'CURRENTLY_RATED_HELPFUL').numRows();
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as aq from 'arquero';
import { asyncBufferFromFile, parquetMetadataAsync, parquetScan, parquetSchema } from 'hyparquet';

export type Table = ReturnType<typeof aq.table>;

/** File endings loadOutputs reads, most preferred first when one table exists in several formats. */
const ENDINGS = ['.parquet', '.arrow', '.tsv', '.tsv.gz'] as const;

/** Columns holding ids (noteId, tweetId, raterParticipantId, participantId, ...): always text. */
const isIdColumn = (name: string): boolean => /Id$/.test(name);

/**
 * Every table under `dir` (sub-folders included), keyed by its path without the ending (`scored/runs`). A table
 * present in several formats is read once, from the first of `prefer` it exists in (default Parquet, Arrow, TSV):
 * they hold the same values.
 */
export async function loadOutputs(
  dir: string,
  prefer: readonly (typeof ENDINGS)[number][] = ENDINGS,
): Promise<Map<string, Table>> {
  const files = walk(dir);
  const keys = new Map<string, string>();
  for (const ending of prefer) {
    for (const f of files) {
      if (!f.endsWith(ending)) continue;
      const key = relative(dir, f).slice(0, -ending.length);
      if (!keys.has(key)) keys.set(key, f);
    }
  }
  const tables = new Map<string, Table>();
  for (const key of [...keys.keys()].sort()) tables.set(key, await loadTable(keys.get(key)!));
  return tables;
}

/** One output file as an arquero table (by its ending: .parquet, .arrow, .tsv or .tsv.gz). */
export async function loadTable(path: string): Promise<Table> {
  if (path.endsWith('.parquet')) return loadParquet(path);
  if (path.endsWith('.arrow')) return aq.fromArrow(readFileSync(path));
  const bytes = readFileSync(path);
  return fromTsv(new TextDecoder().decode(path.endsWith('.gz') ? gunzipSync(bytes) : bytes));
}

/**
 * A TSV text as written by bridgelab (no quoting: a cell never holds a tab or a line break). Ids stay text;
 * a column whose every non-empty cell is a number (inf / -inf included) becomes numbers, True/False booleans;
 * empty cells are null. Decided on the whole column, not a sample.
 */
export function fromTsv(text: string): Table {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0].split('\t');
  const cells = header.map(() => [] as (string | null)[]);
  for (let r = 1; r < lines.length; r++) {
    const fields = lines[r].split('\t');
    for (let c = 0; c < header.length; c++)
      cells[c].push(fields[c] === '' || fields[c] === undefined ? null : fields[c]);
  }
  return aq.table(Object.fromEntries(header.map((name, c) => [name, typedCells(name, cells[c])])));
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$|^-?inf$/;

function typedCells(name: string, values: (string | null)[]): (string | number | boolean | null)[] {
  if (isIdColumn(name)) return values;
  const present = values.filter((v): v is string => v !== null);
  if (present.length > 0 && present.every((v) => NUMBER.test(v))) {
    return values.map((v) => (v === null ? null : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v)));
  }
  if (present.length > 0 && present.every((v) => v === 'True' || v === 'False')) {
    return values.map((v) => (v === null ? null : v === 'True'));
  }
  return values;
}

/** A Parquet file column by column; INT64 values become numbers, or exact text for ids and beyond 2^53. */
async function loadParquet(path: string): Promise<Table> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const columns = new Map<string, unknown[]>(names.map((n) => [n, []]));
  const scan = await parquetScan({ file, metadata });
  for (const { rowStart, rowEnd } of scan.ranges) {
    for (const name of names) {
      const out = columns.get(name)!;
      for (const v of await scan.readColumn({ column: name, rowStart, rowEnd })) {
        out.push(
          typeof v !== 'bigint' ? v : isIdColumn(name) || !Number.isSafeInteger(Number(v)) ? String(v) : Number(v),
        );
      }
    }
  }
  return aq.table(Object.fromEntries(columns));
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}
