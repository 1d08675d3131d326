import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { CRH, NMR } from '../noteStatus.ts';
import { pflipTargets, predictPflip } from './predictPflip.ts';
import type { PflipModel } from './pflipTypes.ts';
import { syntheticFlipHistory } from './testing/syntheticFlipHistory.ts';
import { trainPflipModel } from './trainPflipModel.ts';

const HOUR = 3600_000;

function trained(seed = 5): { model: PflipModel; data: ReturnType<typeof syntheticFlipHistory> } {
  const data = syntheticFlipHistory(randomSeeded(1), 400, 30);
  const model = trainPflipModel(data.input, { seed });
  if ('fallback' in model) throw new Error(`unexpected fallback: ${model.fallback}`);
  return { model, data };
}

describe('trainPflipModel', () => {
  it('falls back on a tiny history', () => {
    const { input } = syntheticFlipHistory(randomSeeded(2), 20);
    const m = trainPflipModel(input);
    expect(m).toMatchObject({ labelledNotes: 20 });
    expect('fallback' in m && m.fallback).toMatch(/too little labelled history: 20 labelled notes .* need 50/);
  });

  it('falls back when one class is too rare', () => {
    const { input } = syntheticFlipHistory(randomSeeded(2), 80);
    const h = input.statusHistory;
    for (let i = 0; i < h.length; i++) if (h.lockedStatus[i] === NMR) h.lockedStatus[i] = CRH;
    const m = trainPflipModel(input);
    expect('fallback' in m && m.fallback).toMatch(/too few labelled notes of one class: CRH 80, FLIP 0/);
  });

  it('falls back on a degenerate fit (every weight zero)', () => {
    const { input } = syntheticFlipHistory(randomSeeded(2), 80);
    const m = trainPflipModel(input, { C: 1e-6 });
    expect('fallback' in m && m.fallback).toMatch(/degenerate fit: every one of \d+ feature weights is zero/);
  });

  it('trains only on posts newer than minTweetId', () => {
    const { input } = syntheticFlipHistory(randomSeeded(2), 80);
    const m = trainPflipModel(input, { minTweetId: '9223372036854775807' });
    expect(m).toMatchObject({ labelledNotes: 0 });
  });

  it('learns the one-sided-support signal and sets the threshold at the FPR target', () => {
    const { model } = trained();
    const s = model.stats;
    expect(s.labelledNotes).toBe(400);
    expect(s.crhNotes + s.flipNotes).toBe(400);
    expect(s.trainRows).toBe(2 * 360);
    expect(s.validationRows).toBe(2 * 40);
    expect(s.nonZeroWeights).toBeGreaterThan(0);
    expect(s.nonZeroWeights).toBeLessThan(s.features / 10);
    expect(s.converged).toBe(true);
    expect(s.trainAuc).toBeGreaterThan(0.8);
    expect(s.validationAuc).toBeGreaterThan(0.7);
    expect(Math.abs(s.trainFpr - 0.6)).toBeLessThan(0.05);
    expect(model.weights.length).toBe(s.nonZeroWeights);
  });

  it('predicts the notes in stabilization and nothing else', () => {
    const { model, data } = trained();
    const universe = Int32Array.from({ length: data.input.info.size }, (_, i) => i);
    const p = predictPflip(model, data.input, universe);
    expect(p.predicted).toBe(30);
    for (let n = 0; n < universe.length; n++) {
      const open = n >= 400 && n < 430;
      expect(p.label[n] === null).toBe(!open);
      if (open) {
        expect(['CRH', 'FLIP']).toContain(p.label[n]);
        expect(p.proba[n]).toBeGreaterThan(0);
        expect(p.proba[n]).toBeLessThan(1);
        expect(p.label[n] === 'FLIP').toBe(Math.log(p.proba[n] / (1 - p.proba[n])) > model.threshold);
      } else expect(p.proba[n]).toBeNaN();
    }
  });

  it('is deterministic for a seed', () => {
    const a = trained(9);
    const b = trained(9);
    expect(Array.from(a.model.weights)).toEqual(Array.from(b.model.weights));
    expect(a.model.threshold).toBe(b.model.threshold);
    expect(a.model.stats).toEqual(b.model.stats);
    const universe = Int32Array.from({ length: a.data.input.info.size }, (_, i) => i);
    expect(predictPflip(a.model, a.data.input, universe)).toEqual(predictPflip(b.model, b.data.input, universe));
    const c = trained(10);
    expect(c.model.stats).not.toEqual(a.model.stats);
  });

  it('rejects bad options', () => {
    const { input } = syntheticFlipHistory(randomSeeded(2), 5);
    expect(() => trainPflipModel(input, { crhFpRate: 2 })).toThrow(/option crhFpRate must be in \[0, 1\]/);
    expect(() => trainPflipModel(input, { minTweetId: 'x' })).toThrow(/option minTweetId/);
  });
});

describe('pflipTargets', () => {
  it('selects notes in stabilization and recently CRH notes with a post and a classification', () => {
    const { input } = syntheticFlipHistory(randomSeeded(3), 6);
    const h = input.statusHistory;
    const now = input.now;
    h.timestampMillisOfNmrDueToMinStableCrhTime.fill(NaN);
    h.currentStatus.fill(NMR);
    h.timestampMillisOfNmrDueToMinStableCrhTime[0] = now - HOUR; // in stabilization
    h.timestampMillisOfNmrDueToMinStableCrhTime[1] = -1; // left it
    h.currentStatus[2] = CRH; // CRH, first non-NMR 2 h ago
    h.timestampMillisOfFirstNonNMRStatus[2] = now - 2 * HOUR;
    h.currentStatus[3] = CRH; // CRH for 3 days, latest non-NMR 1 h ago
    h.timestampMillisOfFirstNonNMRStatus[3] = now - 72 * HOUR;
    h.timestampMillisOfLatestNonNMRStatus[3] = now - HOUR;
    h.currentStatus[4] = CRH; // CRH for 3 days
    h.timestampMillisOfFirstNonNMRStatus[4] = now - 72 * HOUR;
    h.timestampMillisOfLatestNonNMRStatus[4] = now - 72 * HOUR;
    h.timestampMillisOfNmrDueToMinStableCrhTime[5] = now - HOUR; // in stabilization but no post
    input.info.tweetId[5] = '-1';
    expect(Array.from(pflipTargets(input, Int32Array.of(0, 1, 2, 3, 4, 5)))).toEqual([1, 0, 1, 1, 0, 0]);
  });
});
