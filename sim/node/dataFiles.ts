import { createReadStream, type Stats } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { DataFormatError } from '../data/dataFormatError.ts';
import { asyncBufferFromFile } from 'hyparquet';
import { DatasetReader, type ReadDataset } from '../data/datasetReader.ts';
import {
  ENROLLMENT_LAYOUT,
  NOTES_LAYOUT,
  RATINGS_LAYOUT,
  STATUS_HISTORY_LAYOUT,
  type InputLayout,
} from '../data/inputColumns.ts';
import { readOutputTable, type TextTable } from '../data/readOutputTable.ts';
import { pushParquetRows } from '../formats/parquetInput.ts';
import { parquetTextTable } from '../formats/parquetTextTable.ts';
import type { Dataset } from '../data/tables.ts';
import type { LineSink } from '../data/tsvLines.ts';
import { Utf8LineSplitter } from '../data/utf8Lines.ts';
import { writeEnrollmentTsv, writeNotesTsv, writeRatingsTsv, writeStatusHistoryTsv } from '../data/writeInputFiles.ts';
import { writeFileAtomic } from './atomicWrite.ts';

/** A data directory that cannot be used as input (missing or ambiguous files): bad input, not a crash. */
export class DataDirError extends Error {}

/** Progress of readDataDir: compressed bytes for .gz files. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /** the file being read */
  file: string;
}

export interface ReadDataDirOptions {
  onProgress?: (progress: ReadProgress) => void;
}

/** The files readDataDir would read, by table (paths). */
export interface DataDirFiles {
  notes: string;
  ratings: string[];
  statusHistory: string | null;
  enrollment: string | null;
}

interface SinkWithFiles extends LineSink {
  startFile(file: string): void;
  endFile(): void;
}

/**
 * Reads a data directory in the public format into a Dataset. Finds notes-00000.tsv, the ratings (every
 * *.tsv in a `ratings/` directory, else every ratings-*.tsv in `dir`, in name order),
 * noteStatusHistory-00000.tsv and userEnrollment-00000.tsv; each may instead be gzipped (.tsv.gz) or Parquet
 * (.parquet, the same column names, matched by name; checked as strictly as TSV, see pushParquetRows).
 * Notes and ratings are required; a missing NSH or enrollment file gives an empty table.
 * Files are streamed (any size); bad content throws a DataFormatError naming file, line (Parquet: row) and column.
 *
 * @example const dataset = await readDataDir('data/2025-06-01', { onProgress: (p) => log(p.bytesRead / p.totalBytes) });
 */
export async function readDataDir(dir: string, options: ReadDataDirOptions = {}): Promise<ReadDataset> {
  const files = await findDataFiles(dir);
  type Input = [string, (r: DatasetReader) => SinkWithFiles, InputLayout];
  const ordered: Input[] = [
    [files.notes, (r) => r.notes, NOTES_LAYOUT],
    ...files.ratings.map((f): Input => [f, (r) => r.ratings, RATINGS_LAYOUT]),
  ];
  if (files.statusHistory) ordered.push([files.statusHistory, (r) => r.statusHistory, STATUS_HISTORY_LAYOUT]);
  if (files.enrollment) ordered.push([files.enrollment, (r) => r.enrollment, ENROLLMENT_LAYOUT]);

  const sizes = await Promise.all(ordered.map(([f]) => stat(f).then((s: Stats) => s.size)));
  const progress = { bytesRead: 0, totalBytes: sizes.reduce((a, b) => a + b, 0), file: '' };
  const reader = new DatasetReader();
  for (const [[file, sinkOf, layout], size] of ordered.map((o, k) => [o, sizes[k]] as const)) {
    if (isParquet(file)) await readParquetFile(file, size, sinkOf(reader), layout, progress, options.onProgress);
    else await streamFile(file, sinkOf(reader), progress, options.onProgress);
  }
  return reader.finish({ requireRows: true });
}

/** Locates the input files of a data directory (see readDataDir); throws naming any required file missing. */
export async function findDataFiles(dir: string): Promise<DataDirFiles> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new DataDirError(`data directory ${dir} cannot be read: ${(err as Error).message}`);
  }
  const single = (base: string, required: boolean): string | null => {
    const present = INPUT_EXTENSIONS.map((ext) => base + ext).filter((f) => names.includes(f));
    if (present.length > 1) throw new DataDirError(`${dir} has both ${present.join(' and ')}: keep only one`);
    if (present.length === 1) return join(dir, present[0]);
    if (required)
      throw new DataDirError(`${dir} has no ${base}.tsv (or ${base}.tsv.gz): it is required (or ${base}.parquet)`);
    return null;
  };
  const notes = single('notes-00000', true)!;
  let ratings: string[];
  const ratingsDir = join(dir, 'ratings');
  const ratingsInfo = names.includes('ratings')
    ? await stat(ratingsDir).catch((err: { code?: string; message: string }) => {
        throw new DataDirError(`${ratingsDir}: ${FILE_ERRORS[err.code ?? ''] ?? err.message}`);
      })
    : null;
  if (ratingsInfo?.isDirectory()) {
    ratings = (await readdir(ratingsDir))
      .filter(isInputFile)
      .sort()
      .map((f) => join(ratingsDir, f));
    if (ratings.length === 0) throw new DataDirError(`${ratingsDir} contains no .tsv, .tsv.gz or .parquet file`);
  } else {
    ratings = names
      .filter((f) => f.startsWith('ratings-') && isInputFile(f))
      .sort()
      .map((f) => join(dir, f));
    if (ratings.length === 0) {
      throw new DataDirError(
        `${dir} has no ratings: expected a ratings/ directory or ratings-00000.tsv (or .tsv.gz, .parquet)`,
      );
    }
  }
  const seen = new Map<string, string>();
  for (const f of ratings) {
    const stem = f.slice(0, f.length - INPUT_EXTENSIONS.find((ext) => f.endsWith(ext))!.length);
    const other = seen.get(stem);
    if (other) throw new DataDirError(`ratings files ${other} and ${f} hold the same part: keep only one`);
    seen.set(stem, f);
  }
  const found = {
    notes,
    ratings,
    statusHistory: single('noteStatusHistory-00000', false),
    enrollment: single('userEnrollment-00000', false),
  };
  for (const f of [found.notes, ...found.ratings, found.statusHistory, found.enrollment]) {
    if (f !== null) await assertReadableFile(f);
  }
  return found;
}

/** Why a path cannot be read, by Node error code: bad input (exit 2), not a crash. */
const FILE_ERRORS: Record<string, string> = {
  EISDIR: 'is a directory, not a file',
  ELOOP: 'is a symbolic link that loops (or too many levels of links)',
  ENOENT: 'does not exist (a dangling symbolic link?)',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: operation not permitted',
  ENOTDIR: 'sits under something that is not a directory',
};

/** Throws a DataDirError naming `path` when it is not a readable regular file (directory, link loop, ...). */
export async function assertReadableFile(path: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    throw new DataDirError(`${path}: ${FILE_ERRORS[code] ?? `cannot be read (${(err as Error).message})`}`);
  }
  if (info.isDirectory()) throw new DataDirError(`${path}: ${FILE_ERRORS.EISDIR}`);
  if (!info.isFile()) throw new DataDirError(`${path}: is not a regular file (a device, socket or pipe?)`);
}

/**
 * Writes a Dataset as a data directory in the public format (notes-00000.tsv, ratings-00000.tsv,
 * noteStatusHistory-00000.tsv, userEnrollment-00000.tsv), each file atomically. Creates `dir` if needed.
 */
export async function writeDataDir(dir: string, dataset: Dataset): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, 'notes-00000.tsv'), writeNotesTsv(dataset));
  await writeFileAtomic(join(dir, 'ratings-00000.tsv'), writeRatingsTsv(dataset));
  await writeFileAtomic(join(dir, 'noteStatusHistory-00000.tsv'), writeStatusHistoryTsv(dataset));
  await writeFileAtomic(join(dir, 'userEnrollment-00000.tsv'), writeEnrollmentTsv(dataset));
}

/** Extensions of an input file: TSV, gzipped TSV, Parquet. */
const INPUT_EXTENSIONS = ['.tsv', '.tsv.gz', '.parquet'] as const;
const isInputFile = (f: string): boolean => INPUT_EXTENSIONS.some((ext) => f.endsWith(ext));
const isParquet = (f: string): boolean => f.endsWith('.parquet');

/** One Parquet input file into its table reader; progress counts the file's bytes in proportion to its rows. */
async function readParquetFile(
  file: string,
  size: number,
  sink: SinkWithFiles,
  layout: InputLayout,
  progress: ReadProgress,
  onProgress: ((p: ReadProgress) => void) | undefined,
): Promise<void> {
  progress.file = file;
  onProgress?.({ ...progress });
  const start = progress.bytesRead;
  sink.startFile(file);
  await pushParquetRows(file, await asyncBufferFromFile(file), layout, sink, (done, total) => {
    progress.bytesRead = start + Math.round((size * done) / Math.max(1, total));
    onProgress?.({ ...progress });
  });
  sink.endFile();
  progress.bytesRead = start + size;
}

/**
 * One of our output files (e.g. a previous run's scored_notes) as text cells by header name: a .tsv / .tsv.gz
 * file via readOutputTable, a .parquet file via parquetTextTable (the same cells). Unreadable → DataDirError.
 */
export async function readOutputFile(path: string, required: readonly string[]): Promise<TextTable> {
  if (isParquet(path)) {
    const source = await asyncBufferFromFile(path).catch((err: Error) => {
      throw new DataDirError(`cannot read ${path}: ${err.message}`);
    });
    return parquetTextTable(basename(path), source, required);
  }
  const text = await readTextFile(path).catch((err: Error) => {
    throw new DataDirError(`cannot read ${path}: ${err.message}`);
  });
  return readOutputTable(basename(path), text, required);
}

async function streamFile(
  file: string,
  sink: SinkWithFiles,
  progress: ReadProgress,
  onProgress: ((p: ReadProgress) => void) | undefined,
): Promise<void> {
  progress.file = file;
  onProgress?.({ ...progress });
  sink.startFile(file);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const split = new Utf8LineSplitter(sink, file, (bytes) => decoder.decode(bytes));
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const advance = (bytes: number): void => {
    progress.bytesRead += bytes;
    onProgress?.({ ...progress });
  };
  const gzipped = file.endsWith('.gz');
  let source: AsyncIterable<Uint8Array> = raw;
  if (gzipped) {
    const gunzip = createGunzip();
    raw.on('data', (chunk) => advance(chunk.length));
    raw.on('error', (err) => gunzip.destroy(err));
    raw.pipe(gunzip);
    source = gunzip;
  }
  try {
    for await (const chunk of source) {
      split.write(chunk as Uint8Array);
      if (!gzipped) advance(chunk.length);
    }
  } catch (err) {
    raw.destroy();
    if (err instanceof DataFormatError) throw err;
    const e = err as Error & { code?: string };
    const line = split.linesPushed + 1;
    if (e.code?.startsWith('Z_') || /incorrect header check|unexpected end of file/i.test(e.message)) {
      throw new DataFormatError({ file, line, reason: `not a valid gzip file (${e.message})` });
    }
    if (e.code !== undefined && FILE_ERRORS[e.code]) throw new DataDirError(`${file}: ${FILE_ERRORS[e.code]}`);
    throw new Error(`reading ${file}: ${e.message}`, { cause: err });
  }
  split.end();
  sink.endFile();
}

/** A whole text file, gunzipped when its name ends in .gz. */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  return new TextDecoder('utf-8', { fatal: true }).decode(path.endsWith('.gz') ? gunzipSync(bytes) : bytes);
}
