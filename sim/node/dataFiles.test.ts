import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFormatError } from '../data/dataFormatError.ts';
import { RATINGS_HEADER, ratingLine } from '../data/testing/inputLines.ts';
import { DataDirError, findDataFiles, readDataDir, writeDataDir, type ReadProgress } from './dataFiles.ts';

const CORE = fileURLToPath(new URL('../../datasets/conformance/core-s101/input/', import.meta.url));
const INPUTS = ['notes-00000', 'ratings-00000', 'noteStatusHistory-00000', 'userEnrollment-00000'];

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bridgelab-data-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const plainText = (name: string): string => gunzipSync(readFileSync(join(CORE, `${name}.tsv.gz`))).toString('utf8');

describe('readDataDir', () => {
  it('reads the gzipped conformance input with progress', async () => {
    const seen: ReadProgress[] = [];
    const ds = await readDataDir(CORE, { onProgress: (p) => seen.push(p) });
    expect(ds.ratings.length).toBe(60_000);
    expect(ds.notes.length).toBe(1000);
    expect(ds.statusHistory.length).toBe(1000);
    expect(ds.enrollment.length).toBe(1995);
    const last = seen[seen.length - 1];
    expect(last.bytesRead).toBe(last.totalBytes);
    expect(seen.some((p) => p.file.endsWith('ratings-00000.tsv.gz'))).toBe(true);
    for (let k = 1; k < seen.length; k++) expect(seen[k].bytesRead).toBeGreaterThanOrEqual(seen[k - 1].bytesRead);
  });

  it('round-trips: the input format written from a Dataset reads back equal', async () => {
    const original = await readDataDir(CORE);
    const dir = tempDir();
    await writeDataDir(dir, original);
    for (const name of INPUTS) {
      const header = (t: string) => t.slice(0, t.indexOf('\n'));
      expect(header(readFileSync(join(dir, `${name}.tsv`), 'utf8'))).toBe(header(plainText(name)));
    }
    const back = await readDataDir(dir);
    expect(back.participants.values).toEqual(original.participants.values);
    expect(back.noteIds.values).toEqual(original.noteIds.values);
    expect(back.notes).toEqual(original.notes);
    expect(back.ratings).toEqual(original.ratings);
    expect(back.statusHistory).toEqual(original.statusHistory);
    expect(back.enrollment).toEqual(original.enrollment);
    // the kept columns are written exactly as the generator wrote them
    expect(readFileSync(join(dir, 'noteStatusHistory-00000.tsv'), 'utf8')).toBe(plainText('noteStatusHistory-00000'));
    expect(readFileSync(join(dir, 'userEnrollment-00000.tsv'), 'utf8')).toBe(plainText('userEnrollment-00000'));
  });

  it('reads a ratings/ directory of several files, plain and gzipped, as one table', async () => {
    const dir = tempDir();
    copyFileSync(join(CORE, 'notes-00000.tsv.gz'), join(dir, 'notes-00000.tsv.gz'));
    mkdirSync(join(dir, 'ratings'));
    const lines = plainText('ratings-00000').split('\n').slice(0, -1);
    const header = lines[0];
    const part1 = [header, ...lines.slice(1, 30_001)].join('\n') + '\n';
    const part2 = [header, ...lines.slice(30_001)].join('\n') + '\n';
    writeFileSync(join(dir, 'ratings', 'ratings-00000.tsv'), part1);
    writeFileSync(join(dir, 'ratings', 'ratings-00001.tsv.gz'), gzipSync(part2));
    const files = await findDataFiles(dir);
    expect(files.ratings.map((f) => f.slice(dir.length + 1))).toEqual([
      'ratings/ratings-00000.tsv',
      'ratings/ratings-00001.tsv.gz',
    ]);
    expect(files.statusHistory).toBeNull();
    const ds = await readDataDir(dir);
    expect(ds.ratings.length).toBe(60_000);
    expect(ds.statusHistory.length).toBe(0);
    expect(ds.enrollment.length).toBe(0);
  });

  it('names a missing required file', async () => {
    const dir = tempDir();
    await expect(readDataDir(dir)).rejects.toThrow(
      /has no notes-00000\.tsv \(or notes-00000\.tsv\.gz\): it is required/,
    );
    copyFileSync(join(CORE, 'notes-00000.tsv.gz'), join(dir, 'notes-00000.tsv.gz'));
    await expect(readDataDir(dir)).rejects.toThrow(
      /has no ratings: expected a ratings\/ directory or ratings-00000\.tsv/,
    );
  });

  it('reports bad content with the file path, line and column', async () => {
    const dir = tempDir();
    copyFileSync(join(CORE, 'notes-00000.tsv.gz'), join(dir, 'notes-00000.tsv.gz'));
    const good = ratingLine('1918821029632091175', 'A', 'HELPFUL');
    const bad = ratingLine('1918821029632091175', 'B', 'VERY_HELPFUL');
    writeFileSync(join(dir, 'ratings-00000.tsv'), [RATINGS_HEADER, good, bad].join('\n') + '\n');
    const err = await readDataDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFormatError);
    const e = err as DataFormatError;
    expect([e.file, e.line, e.column, e.columnName]).toEqual([
      join(dir, 'ratings-00000.tsv'),
      3,
      9,
      'helpfulnessLevel',
    ]);
  });

  it('reports a corrupt gzip file and invalid UTF-8 as DataFormatErrors', async () => {
    const dir = tempDir();
    copyFileSync(join(CORE, 'notes-00000.tsv.gz'), join(dir, 'notes-00000.tsv.gz'));
    const gz = gzipSync([RATINGS_HEADER, ratingLine('1', 'A', 'HELPFUL')].join('\n') + '\n');
    writeFileSync(join(dir, 'ratings-00000.tsv.gz'), gz.subarray(0, gz.length - 12));
    const e1 = await readDataDir(dir).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(DataFormatError);
    expect((e1 as DataFormatError).reason).toMatch(/not a valid gzip file/);

    rmSync(join(dir, 'ratings-00000.tsv.gz'));
    const bytes = Buffer.concat([
      Buffer.from(RATINGS_HEADER + '\n'),
      Buffer.from(ratingLine('1', 'A', 'HELPFUL')),
      Buffer.from([0xff, 0xfe, 0x0a]),
    ]);
    writeFileSync(join(dir, 'ratings-00000.tsv'), bytes);
    const e2 = await readDataDir(dir).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(DataFormatError);
    expect((e2 as DataFormatError).reason).toMatch(/invalid UTF-8/);
  });

  it('reports invalid UTF-8 at its own line and field, across chunk boundaries', async () => {
    const dir = tempDir();
    copyFileSync(join(CORE, 'notes-00000.tsv.gz'), join(dir, 'notes-00000.tsv.gz'));
    // ~3.3 MB: the bad byte sits in the fourth 1 MB read chunk, at line 3000.
    const lines = [RATINGS_HEADER];
    for (let k = 2; k <= 12_000; k++) lines.push(ratingLine(String(k), 'Ä' + k, 'HELPFUL'));
    const text = Buffer.from(lines.join('\n') + '\n');
    const at = text.indexOf(Buffer.from('Ä3000\t')) + 2;
    text[at] = 0xff;
    writeFileSync(join(dir, 'ratings-00000.tsv'), text);
    const e = (await readDataDir(dir).catch((err: unknown) => err)) as DataFormatError;
    expect(e).toBeInstanceOf(DataFormatError);
    expect([e.line, e.column]).toEqual([3000, 2]);
    expect(e.reason).toMatch(/invalid UTF-8: byte 0xFF at character \d+ of the line/);
    const gz = join(dir, 'ratings-00000.tsv.gz');
    writeFileSync(gz, gzipSync(text));
    rmSync(join(dir, 'ratings-00000.tsv'));
    const g = (await readDataDir(dir).catch((err: unknown) => err)) as DataFormatError;
    expect([g.file, g.line, g.column]).toEqual([gz, 3000, 2]);
  });

  it('names an input that is a directory or a symbolic link loop', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'notes-00000.tsv'));
    writeFileSync(join(dir, 'ratings-00000.tsv'), RATINGS_HEADER + '\n');
    await expect(readDataDir(dir)).rejects.toThrow(/notes-00000\.tsv: is a directory, not a file/);
    rmSync(join(dir, 'notes-00000.tsv'), { recursive: true });
    copyFileSync(join(CORE, 'notes-00000.tsv.gz'), join(dir, 'notes-00000.tsv.gz'));
    rmSync(join(dir, 'ratings-00000.tsv'));
    symlinkSync(join(dir, 'ratings-00000.tsv'), join(dir, 'ratings-00000.tsv'));
    await expect(readDataDir(dir)).rejects.toThrow(/ratings-00000\.tsv: is a symbolic link that loops/);
    await expect(readDataDir(dir)).rejects.toBeInstanceOf(DataDirError);
  });
});
