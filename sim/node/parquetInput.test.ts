import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DataFormatError } from '../data/dataFormatError.ts';
import { NOTES_LAYOUT } from '../data/inputColumns.ts';
import { parquetBytes } from '../formats/parquetBytes.ts';
import { tsvToParquet } from '../formats/testing/tsvToParquet.ts';
import { typedTable } from '../formats/typedTable.ts';
import { main } from './cli.ts';
import { DataDirError, readDataDir, readOutputFile } from './dataFiles.ts';

const root = join(import.meta.dirname, '..', '..');
const CORE = join(root, 'datasets', 'conformance', 'core-s101', 'input');
const INPUTS = ['notes-00000', 'ratings-00000', 'noteStatusHistory-00000', 'userEnrollment-00000'];
const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-parquet-in-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const text = (name: string) => gunzipSync(readFileSync(join(CORE, `${name}.tsv.gz`))).toString('utf8');
const head = (t: string, lines: number) => t.split('\n').slice(0, lines).join('\n') + '\n';
const FULL = Object.fromEntries(INPUTS.map((n) => [n, text(n)]));
/** A cut of the conformance input small enough to score in a second or two. */
const CUT = {
  'notes-00000': head(FULL['notes-00000'], 300),
  'ratings-00000': head(FULL['ratings-00000'], 12_000),
  'noteStatusHistory-00000': head(FULL['noteStatusHistory-00000'], 300),
  'userEnrollment-00000': FULL['userEnrollment-00000'],
};

/** A data directory with every input as TSV, or as Parquet typed as pandas writes it (ids as INT64). */
function dataDir(name: string, format: 'tsv' | 'parquet', texts: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, t] of Object.entries(texts)) {
    if (format === 'tsv') writeFileSync(join(dir, `${file}.tsv`), t);
    else writeFileSync(join(dir, `${file}.parquet`), tsvToParquet(t));
  }
  return dir;
}

async function score(input: string, out: string, ...more: string[]): Promise<number> {
  return main(['score', input, '--out', out, '--epoch-millis', '1748736000000', '--quiet', ...more]);
}

async function dataFormatError(dir: string): Promise<DataFormatError> {
  const err = await readDataDir(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataFormatError);
  return err as DataFormatError;
}

describe('Parquet input', () => {
  it('the conformance input as Parquet (ids as INT64) reads into the same Dataset as its TSV', async () => {
    // every note, status history and enrollment row of the case; the first 12k ratings (the conversion is slow)
    const texts = { ...FULL, 'ratings-00000': CUT['ratings-00000'] };
    const fromTsv = await readDataDir(dataDir('full-tsv', 'tsv', texts));
    const fromParquet = await readDataDir(dataDir('full', 'parquet', texts));
    expect(fromParquet.participants.values).toEqual(fromTsv.participants.values);
    expect(fromParquet.noteIds.values).toEqual(fromTsv.noteIds.values);
    expect(fromParquet.notes).toEqual(fromTsv.notes);
    expect(fromParquet.ratings).toEqual(fromTsv.ratings);
    expect(fromParquet.statusHistory).toEqual(fromTsv.statusHistory);
    expect(fromParquet.enrollment).toEqual(fromTsv.enrollment);
  });

  it('matches columns by name in any order and ignores a pandas index column', async () => {
    const notes = CUT['notes-00000'];
    const names = NOTES_LAYOUT.columns.map((c) => c.name);
    const dir = join(tmp, 'reordered');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes-00000.parquet'), tsvToParquet(notes, ['__index_level_0__', ...names.reverse()]));
    writeFileSync(join(dir, 'ratings-00000.tsv'), CUT['ratings-00000']);
    const reordered = await readDataDir(dir);
    const plain = await readDataDir(
      dataDir('plain-notes', 'tsv', { 'notes-00000': notes, 'ratings-00000': CUT['ratings-00000'] }),
    );
    expect(reordered.notes).toEqual(plain.notes);
  });

  it('scored from Parquet input gives the same outputs as from TSV, incremental runs included', async () => {
    const tsvIn = dataDir('cut-tsv', 'tsv', CUT);
    const parquetIn = dataDir('cut-parquet', 'parquet', CUT);
    const a = join(tmp, 'out-tsv');
    const b = join(tmp, 'out-parquet');
    expect(await score(tsvIn, a, '--format', 'tsv,parquet')).toBe(0);
    expect(await score(parquetIn, b)).toBe(0);
    // The four output tables (warnings.tsv beside them names the input files, which differ by format).
    const tsvFiles = readdirSync(a).filter((f) => f.endsWith('.tsv') && f !== 'warnings.tsv');
    expect(tsvFiles).toHaveLength(4);
    for (const f of tsvFiles) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));

    // the previous run's outputs as Parquet read as the same text cells, and give the same incremental run
    for (const name of ['scored_notes', 'aux_note_info']) {
      const fromParquet = await readOutputFile(join(a, `${name}.parquet`), ['noteId']);
      const fromTsv = await readOutputFile(join(a, `${name}.tsv`), ['noteId']);
      expect({ ...fromParquet, file: '' }).toEqual({ ...fromTsv, file: '' });
    }
    const prev = (ext: string) => [
      '--previous-scored-notes',
      join(a, `scored_notes${ext}`),
      '--previous-aux-note-info',
      join(a, `aux_note_info${ext}`),
    ];
    const c = join(tmp, 'incremental-tsv');
    const d = join(tmp, 'incremental-parquet');
    expect(await score(tsvIn, c, ...prev('.tsv'))).toBe(0);
    expect(await score(tsvIn, d, ...prev('.parquet'))).toBe(0);
    for (const f of tsvFiles) expect(readFileSync(join(d, f), 'utf8'), f).toBe(readFileSync(join(c, f), 'utf8'));
  }, 60_000);

  it('names the file, the row and the column of a bad value', async () => {
    const notes = CUT['notes-00000'].split('\n');
    const cells = notes[3].split('\t');
    cells[2] = 'yesterday';
    notes[3] = cells.join('\t');
    const dir = dataDir('bad-value', 'parquet', {
      'notes-00000': notes.join('\n'),
      'ratings-00000': CUT['ratings-00000'],
    });
    const e = await dataFormatError(dir);
    expect(e.message).toMatch(
      /notes-00000\.parquet: row 3: column 3 \(createdAtMillis\): expected a number, got "yesterday"/,
    );
    expect(e.row).toBe(3);
  });

  it('rejects an id stored as a float, a missing column and an unknown column, naming them', async () => {
    const names = NOTES_LAYOUT.columns.map((c) => c.name);
    const floatIds = typedTable(
      names.map((name) => ({ name, kind: 'string', values: [name === 'noteId' ? '1.5e18' : null] })),
      { typeOf: (n) => (n === 'noteId' ? 'double' : 'string') },
    );
    const dir = dataDir('float-id', 'tsv', { 'ratings-00000': CUT['ratings-00000'] });
    writeFileSync(join(dir, 'notes-00000.parquet'), parquetBytes(floatIds));
    expect((await dataFormatError(dir)).message).toMatch(
      /notes-00000\.parquet:1: column 1 \(noteId\): an id stored as DOUBLE/,
    );

    const ratings = CUT['ratings-00000'];
    const header = ratings.slice(0, ratings.indexOf('\n')).split('\t');
    const missing = dataDir('missing-column', 'tsv', { 'notes-00000': CUT['notes-00000'] });
    writeFileSync(
      join(missing, 'ratings-00000.parquet'),
      tsvToParquet(
        ratings,
        header.filter((h) => h !== 'helpfulnessLevel'),
      ),
    );
    expect((await dataFormatError(missing)).message).toMatch(/ratings-00000\.parquet:1: no column helpfulnessLevel/);

    const unknown = dataDir('unknown-column', 'tsv', { 'notes-00000': CUT['notes-00000'] });
    writeFileSync(join(unknown, 'ratings-00000.parquet'), tsvToParquet(ratings, [...header, 'mood']));
    expect((await dataFormatError(unknown)).message).toMatch(/column 36 \(mood\): unknown column mood/);
  });

  it('refuses a table given both as TSV and as Parquet; the CLI exits 2 on bad Parquet', async () => {
    const dir = dataDir('both', 'tsv', CUT);
    writeFileSync(join(dir, 'notes-00000.parquet'), tsvToParquet(CUT['notes-00000']));
    await expect(readDataDir(dir)).rejects.toThrow(DataDirError);
    await expect(readDataDir(dir)).rejects.toThrow(/notes-00000\.tsv and notes-00000\.parquet/);
    const bad = dataDir('not-parquet', 'tsv', { 'ratings-00000': CUT['ratings-00000'] });
    writeFileSync(join(bad, 'notes-00000.parquet'), 'noteId\n1\n');
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await score(bad, join(tmp, 'never'))).toBe(2);
    expect(String(err.mock.calls[0][0])).toMatch(/notes-00000\.parquet:1: not a valid Parquet file/);
    err.mockRestore();
  });
});
