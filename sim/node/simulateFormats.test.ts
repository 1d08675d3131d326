import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differencesFromTsv, readArrowBack, readParquetBack } from '../formats/testing/binaryVsTsv.ts';
import { PRESET_DIR, simulateCommand } from './simulateCommand.ts';

const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-simulate-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

describe('bridgelab simulate --format tsv,parquet,arrow', () => {
  it('writes every table in each format; Parquet and Arrow read back equal the TSV in every column', async () => {
    const preset = JSON.parse(readFileSync(join(PRESET_DIR, 'pile-on.json'), 'utf8'));
    const scenario = {
      ...preset,
      world: { ...preset.world, raters: 300, notes: 80, ratings: 2000, topicFraction: 0 },
      time: { ...preset.time, days: 1, scoringEveryHours: 12 },
      adversaries: preset.adversaries.map((a: object) => ({ ...a, startHours: 4, durationHours: 16 })),
    };
    const file = join(tmp, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = join(tmp, 'out');
    expect(await simulateCommand([file, '--out', out, '--seed', '3', '--quiet', '--format', 'tsv,parquet,arrow'])).toBe(
      0,
    );
    const tables = walk(out)
      .map((f) => relative(out, f))
      // warnings.tsv is a TSV summary in every format, like metrics.json is JSON.
      .filter((f) => f.endsWith('.tsv') && !f.startsWith('snapshot') && f !== 'warnings.tsv')
      .map((f) => f.slice(0, -4))
      .sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'truth_notes',
        'truth_raters',
        'runs',
        'status_timeline',
        'scored/scored_notes',
        'counterfactual/runs',
      ]),
    );
    for (const t of tables) {
      const tsv = readFileSync(join(out, `${t}.tsv`), 'utf8');
      const ids = ['noteId', 'participantId', 'noteAuthorParticipantId', 'raterParticipantId', 'tweetId'];
      expect(differencesFromTsv(tsv, await readParquetBack(readFileSync(join(out, `${t}.parquet`))), ids), t).toEqual(
        [],
      );
      expect(differencesFromTsv(tsv, readArrowBack(readFileSync(join(out, `${t}.arrow`))), ids), t).toEqual([]);
    }
  }, 60_000);
});
