import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { GAUSSIAN_CRH_PARAMS, GAUSSIAN_CRH_TOPIC_PARAMS, GAUSSIAN_CRNH_PARAMS } from './gaussianParams.ts';
import { gaussianNoteScores } from './gaussianIntercept.ts';
import { gaussianPass, type GaussianRatings } from './gaussianPass.ts';

function randomRatings(
  nNotes: number,
  perNote: number,
  seed: number,
  pHelpful: (n: number) => number,
): GaussianRatings {
  const random = randomSeeded(seed);
  const R = nNotes * perNote;
  const note = new Int32Array(R);
  const x = new Float32Array(R);
  const y = new Float32Array(R);
  for (let r = 0; r < R; r++) {
    const n = r % nNotes;
    note[r] = n;
    x[r] = random() * 1.8 - 0.9;
    const u = random();
    y[r] = u < pHelpful(n) ? 1 : u < pHelpful(n) + 0.1 ? 0.5 : 0;
  }
  return { note, x, y };
}

describe('gaussianNoteScores', () => {
  const nNotes = 30;
  // Notes 0..9 mostly helpful, 10..19 mostly not helpful, 20..29 mixed.
  const ratings = randomRatings(nNotes, 60, 11, (n) => (n < 10 ? 0.85 : n < 20 ? 0.05 : 0.45));

  it('combines the passes by magnitude and keeps g_n of the CRH pass', () => {
    const s = gaussianNoteScores({ nNotes, ratings });
    const crh = gaussianPass(ratings, nNotes, GAUSSIAN_CRH_PARAMS);
    const crnh = gaussianPass(ratings, nNotes, GAUSSIAN_CRNH_PARAMS);
    for (let n = 0; n < nNotes; n++) {
      expect(s.crhScore[n]).toBe(crh.score[n]);
      expect(s.crnhScore[n]).toBe(-crnh.score[n]);
      expect(s.intercept[n]).toBe(Math.abs(crh.score[n]) < crnh.score[n] ? -crnh.score[n] : crh.score[n]);
      expect(s.gFactor[n]).toBe(crh.gFactor[n]);
      expect(s.crnhScore[n]).toBeLessThanOrEqual(-0.25);
      expect(s.crnhScore[n]).toBeGreaterThanOrEqual(-0.65);
    }
    for (let n = 0; n < 10; n++) expect(s.intercept[n]).toBeGreaterThan(0.51);
    for (let n = 10; n < 20; n++) expect(s.intercept[n]).toBeLessThan(-0.5);
  });

  it('adds the author rows to the CRH pass only', () => {
    const authorRows = { note: Int32Array.from([0, 10, 25]), x: Float32Array.from([0.3, -0.4, 0.1]) };
    const s = gaussianNoteScores({ nNotes, ratings, authorRows });
    const R = ratings.note.length;
    const withRows: GaussianRatings = {
      note: Int32Array.from([...ratings.note, ...authorRows.note]),
      x: Float64Array.from([...ratings.x, ...authorRows.x]),
      y: Float64Array.from([...ratings.y, 1, 1, 1]),
    };
    const crh = gaussianPass(withRows, nNotes, GAUSSIAN_CRH_PARAMS);
    const crnh = gaussianPass(ratings, nNotes, GAUSSIAN_CRNH_PARAMS);
    expect(crh.count[0]).toBe(R / nNotes + 1);
    for (let n = 0; n < nNotes; n++) {
      expect(s.crhScore[n]).toBe(crh.score[n]);
      expect(s.crnhScore[n]).toBe(-crnh.score[n]);
    }
    expect(s.crhScore[0]).not.toBe(gaussianNoteScores({ nNotes, ratings }).crhScore[0]);
  });

  it('uses the topic bandwidth when asked, and NaN for notes without ratings', () => {
    const s = gaussianNoteScores({ nNotes: nNotes + 1, ratings, crhParams: GAUSSIAN_CRH_TOPIC_PARAMS });
    const crh = gaussianPass(ratings, nNotes + 1, GAUSSIAN_CRH_TOPIC_PARAMS);
    expect(Array.from(s.crhScore)).toEqual(Array.from(crh.score));
    expect(Number.isNaN(s.intercept[nNotes])).toBe(true);
  });

  it('insufficient notes score exactly 0 on both passes', () => {
    const far: GaussianRatings = {
      note: new Int32Array(8),
      x: new Float32Array(8).fill(0.9),
      y: Float32Array.from([1, 1, 1, 1, 0, 0, 0, 0]),
    };
    const s = gaussianNoteScores({ nNotes: 1, ratings: far });
    expect(s.crhScore[0]).toBe(0);
    expect(s.crnhScore[0]).toBe(0);
    expect(s.intercept[0]).toBe(0);
  });
});
