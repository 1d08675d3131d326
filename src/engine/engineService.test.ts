import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createInProcessEngineClient } from './inProcessEngineClient.ts';
import { isCancelled } from './engineClient.ts';
import { tableKindOf } from './readDataFiles.ts';
import type { DataFile } from './engineTypes.ts';

const input = join(import.meta.dirname, '..', '..', 'datasets', 'conformance', 'core-s101', 'input');
const file = (name: string): DataFile => ({ name, blob: new Blob([readFileSync(join(input, name))]) });
const FILES = [
  'notes-00000.tsv.gz',
  'ratings-00000.tsv.gz',
  'noteStatusHistory-00000.tsv.gz',
  'userEnrollment-00000.tsv.gz',
];

describe('EngineService through the in-process client', () => {
  it('streams the gzipped download files and scores them with the core model, reporting progress', async () => {
    const engine = createInProcessEngineClient();
    const stages: string[] = [];
    const result = await engine.scoreFiles(FILES.map(file), { seed: 42, now: 1748736000000 }, (p) =>
      stages.push(p.stage),
    );
    expect(result.counts).toEqual({ notes: 1000, ratings: 60000, participants: expect.any(Number) });
    expect(result.notes.length).toBe(1000);
    const statuses = new Set(result.notes.status);
    expect(statuses.has('CURRENTLY_RATED_HELPFUL')).toBe(true);
    expect(statuses.has('CURRENTLY_RATED_NOT_HELPFUL')).toBe(true);
    expect(result.notes.intercept.some((v) => !Number.isNaN(v))).toBe(true);
    expect(result.raters.factor.some((v) => !Number.isNaN(v))).toBe(true);
    expect(stages.some((s) => s.startsWith('reading notes-00000.tsv.gz'))).toBe(true);
    expect(result.thresholds.crh).toBe(0.4);
    const id = result.notes.noteId[result.notes.status.indexOf('CURRENTLY_RATED_HELPFUL')];
    const detail = await engine.noteRatings(id);
    expect(detail.length).toBeGreaterThan(4);
    expect(detail.raterFactor.some((v) => !Number.isNaN(v))).toBe(true);
    await expect(engine.noteRatings('123')).rejects.toThrow(/not in the scored dataset/);
  });

  it('reads plain .tsv, names bad files and reports bad content with file and line', async () => {
    const engine = createInProcessEngineClient();
    const bad = { name: 'notes.csv', blob: new Blob(['x']) };
    await expect(engine.scoreFiles([bad], { seed: 1 })).rejects.toThrow(
      /notes\.csv: not a Community Notes download file/,
    );
    await expect(engine.scoreFiles([file('ratings-00000.tsv.gz')], { seed: 1 })).rejects.toThrow(
      /exactly one notes file/,
    );
    const notes = { name: 'notes-00000.tsv', blob: new Blob(['noteId\tbroken\n1\t2\n']) };
    await expect(engine.scoreFiles([notes, file('ratings-00000.tsv.gz')], { seed: 1 })).rejects.toThrow(
      /notes-00000\.tsv:1/,
    );
    const truncated = {
      name: 'ratings-00000.tsv.gz',
      blob: new Blob([gzipSync(Buffer.from('a\tb\n')).subarray(0, 10)]),
    };
    await expect(engine.scoreFiles([file('notes-00000.tsv.gz'), truncated], { seed: 1 })).rejects.toThrow(
      /ratings-00000\.tsv\.gz/,
    );
  });

  it('lists the same warnings as the CLI: a rating on an unknown note, an untrained flip model', async () => {
    const engine = createInProcessEngineClient();
    const ratings = gunzipSync(readFileSync(join(input, 'ratings-00000.tsv.gz'))).toString('utf8');
    const body = ratings.endsWith('\n') ? ratings : ratings + '\n';
    const last = body.slice(body.lastIndexOf('\n', body.length - 2) + 1, -1);
    const orphan = ['999', ...last.split('\t').slice(1)].join('\t');
    const files = [file('notes-00000.tsv.gz'), { name: 'ratings-00000.tsv', blob: new Blob([body + orphan + '\n']) }];
    const result = await engine.scoreFiles(files, { seed: 42, now: 1748736000000 });
    const unknown = result.warnings.find((w) => w.code === 'ratingsOnUnknownNotes');
    expect(unknown).toMatchObject({ count: 1, where: 'ratings-00000.tsv:60002' });
    expect(result.warnings.map((w) => w.code)).toContain('flipPredictionNotTrained');
  });

  it('classifies download file names', () => {
    expect(tableKindOf('notes-00000.tsv')).toBe('notes');
    expect(tableKindOf('dir/ratings-00012.zip')).toBe('ratings');
    expect(tableKindOf('noteStatusHistory-00000.tsv.gz')).toBe('statusHistory');
    expect(tableKindOf('userEnrollment-00000.tsv')).toBe('enrollment');
    expect(tableKindOf('notes.tsv')).toBeNull();
  });

  it('cancel makes the request in flight reject as cancelled', async () => {
    const engine = createInProcessEngineClient();
    const world = { raters: 2, notes: 1, cells: Int8Array.of(2, 2), seed: 1 };
    const pending = engine.classroom(world);
    engine.cancel();
    await expect(pending).rejects.toSatisfy(isCancelled);
    await expect(engine.classroom(world)).resolves.toMatchObject({ status: ['NEEDS_MORE_RATINGS'] });
  });
});
