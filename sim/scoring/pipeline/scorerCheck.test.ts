import { describe, expect, it } from 'vitest';
import { readDatasetText } from '../../data/datasetReader.ts';
import {
  ENROLLMENT_HEADER,
  NOTES_HEADER,
  RATINGS_HEADER,
  enrollmentLine,
  noteLine,
  ratingLine,
} from '../../data/testing/inputLines.ts';
import { randomSeeded } from '../../random/random.ts';
import { createEngine } from '../mf/engines.ts';
import { ScorerCheckError } from './scorerCheck.ts';
import { scoreDataset } from './scoreDataset.ts';

/** 240 notes × 40 raters of coin-flip verdicts: no model fits them, so the first MF train error is ~0.25. */
function noiseDataset() {
  const random = randomSeeded(14);
  const raters = Array.from({ length: 40 }, (_, k) => `R${String(k).padStart(3, '0')}`);
  const notes: string[] = [];
  const ratings: string[] = [];
  for (let n = 0; n < 240; n++) {
    const id = String(1_900_000_000_000_000_000n + BigInt(n));
    notes.push(noteLine(id, raters[n % raters.length]));
    for (const r of raters) {
      const level = random() < 0.5 ? 'HELPFUL' : 'NOT_HELPFUL';
      ratings.push(ratingLine(id, r, level, { 2: String(1746318258216 + n * 1000) }));
    }
  }
  const enrollment = raters.map((r) => enrollmentLine(r, { 6: '13' }));
  const text = (h: string, rows: string[]) => [h, ...rows].join('\n') + '\n';
  return readDatasetText({
    notes: text(NOTES_HEADER, notes),
    ratings: text(RATINGS_HEADER, ratings),
    enrollment: text(ENROLLMENT_HEADER, enrollment),
  });
}

describe('scorer checks', () => {
  it('skips a scorer whose first MF train error is above 0.16, naming scorer, check and remedy; --strict stops', async () => {
    const data = noiseDataset();
    const engine = await createEngine('typed');
    const opts = { now: 1748736000000, seed: 42, engine, scorers: ['MFCoreScorer'] };
    const result = await scoreDataset(data, opts);
    expect(result.run.skippedScorers).toEqual([
      expect.objectContaining({ scorer: 'MFCoreScorer', check: 'firstTrainError' }),
    ]);
    const message = result.run.skippedScorers[0].message;
    expect(message).toMatch(
      /^MFCoreScorer: check firstTrainError failed: the first MF fit's train error 0\.\d+ is above 0\.16/,
    );
    expect(message).toMatch(/columns are left empty\. Remedy: .*--scorers.*--strict/);
    expect(result.run.outputs).toEqual([]);
    const status = result.notes.get('coreRatingStatus');
    expect(status === undefined || Array.from(status as ArrayLike<unknown>).every((s) => s === null)).toBe(true);

    await expect(scoreDataset(data, { ...opts, strictChecks: true })).rejects.toBeInstanceOf(ScorerCheckError);
  }, 30_000);
});
