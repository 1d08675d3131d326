import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { ratesAt, rocAuc, selectFlipThreshold } from './flipThreshold.ts';

describe('selectFlipThreshold', () => {
  it('hits the false-positive-rate target on distinct scores', () => {
    const random = randomSeeded(11);
    const n = 1000;
    const labels = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    const scores = Float64Array.from(labels, (l) => random() + l * 0.7);
    const choice = selectFlipThreshold(scores, labels, 0.6);
    const negatives = labels.filter((l) => l === 0).length;
    expect(Math.abs(choice.fpr - 0.6)).toBeLessThanOrEqual(0.5 / negatives);
    expect(ratesAt(scores, labels, choice.threshold)).toEqual({ fpr: choice.fpr, tpr: choice.tpr });
    expect(choice.tpr).toBeGreaterThan(0.9);
  });

  it('returns the achievable rate closest to the target when scores tie', () => {
    // CRH rows score 0 or 1 (half each): reachable FPRs are 0, 0.5 and 1.
    const scores = Float64Array.of(0, 0, 1, 1, 2, 2);
    const labels = Uint8Array.of(0, 0, 0, 0, 1, 1);
    expect(selectFlipThreshold(scores, labels, 0.6)).toEqual({ threshold: 0, fpr: 0.5, tpr: 1 });
    expect(selectFlipThreshold(scores, labels, 0.8)).toEqual({ threshold: -Infinity, fpr: 1, tpr: 1 });
    // 0.25 is as close to 0 as to 0.5: the higher threshold wins.
    expect(selectFlipThreshold(scores, labels, 0.25)).toEqual({ threshold: 1, fpr: 0, tpr: 1 });
  });

  it('needs both classes', () => {
    expect(() => selectFlipThreshold(Float64Array.of(1, 2), Uint8Array.of(0, 0), 0.6)).toThrow(/both classes/);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0.5 for all ties, and counts ties half', () => {
    expect(rocAuc(Float64Array.of(0, 1, 2, 3), Uint8Array.of(0, 0, 1, 1))).toBe(1);
    expect(rocAuc(Float64Array.of(1, 1, 1, 1), Uint8Array.of(0, 1, 0, 1))).toBe(0.5);
    expect(rocAuc(Float64Array.of(0, 1, 1, 2), Uint8Array.of(0, 0, 1, 1))).toBe(0.875);
    expect(rocAuc(Float64Array.of(0, 1), Uint8Array.of(1, 1))).toBeNaN();
  });
});
