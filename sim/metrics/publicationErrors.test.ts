import { describe, expect, it } from 'vitest';
import { publicationErrors, splitBySide, studyPublished } from './publicationErrors.ts';

// notes:          0  1  2  3  4  5  6  7
const helpful = [1, 1, 1, 1, 0, 0, 0, 0];
const shown = [1, 1, 0, 0, 1, 0, 0, 0];
const side = [-1, 1, 1, -1, 1, -1, NaN, 1];

describe('publication errors', () => {
  it('suppression, pollution, infiltration and waste on a hand-made case', () => {
    const e = publicationErrors(helpful, shown);
    expect(e).toEqual({
      notes: 8,
      trulyHelpful: 4,
      published: 3,
      suppression: 2 / 4,
      pollution: 1 / 3,
      infiltration: 1 / 4,
      waste: 2 / 5,
    });
  });

  it('is NaN where nothing is in the denominator, and 0 for a perfect decision', () => {
    const none = publicationErrors([0, 0], [0, 0]);
    expect(none.suppression).toBeNaN();
    expect(none.pollution).toBeNaN();
    expect(none.infiltration).toBe(0);
    expect(none.waste).toBe(0);
    const perfect = publicationErrors([1, 0, 1], [1, 0, 1]);
    expect([perfect.suppression, perfect.pollution, perfect.infiltration, perfect.waste]).toEqual([0, 0, 0, 0]);
  });

  it('splits by side (sign; NaN in neither half) and respects the note filter', () => {
    const s = splitBySide(helpful, shown, side);
    expect(s.minus).toMatchObject({ notes: 3, trulyHelpful: 2, published: 1, suppression: 0.5, infiltration: 0 });
    expect(s.plus).toMatchObject({ notes: 4, trulyHelpful: 2, published: 2, suppression: 0.5, pollution: 0.5 });
    expect(s.all.notes).toBe(8);
    const firstHalf = splitBySide(helpful, shown, side, (n) => n < 4);
    expect(firstHalf.all).toMatchObject({ notes: 4, suppression: 0.5, pollution: 0, waste: 1 });
  });

  it("publishes by the study's rule: intercept > 0.4 and |factor| < 0.5", () => {
    expect(Array.from(studyPublished([0.41, 0.4, 0.9, 0.9, NaN, 0.5], [0, 0, 0.5, -0.49, 0, NaN]))).toEqual([
      1, 0, 0, 1, 0, 0,
    ]);
  });
});
