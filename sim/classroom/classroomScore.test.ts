import { describe, expect, it } from 'vitest';
import { classroomScore } from './classroomScore.ts';

/** 8 raters (4 per side) × 5 notes: liked by all, by the left only, by the right only, by nobody, left-leaning. */
function bridgingWorld(): Int8Array {
  const R = 8;
  const N = 5;
  const cells = new Int8Array(R * N);
  for (let r = 0; r < R; r++) {
    const left = r < 4;
    cells.set([2, left ? 2 : 0, left ? 0 : 2, 0, left ? 2 : 1], r * N);
  }
  return cells;
}

describe('classroomScore', () => {
  it('rates helpful only the note both sides like, and not helpful the note nobody likes', () => {
    const res = classroomScore({ raters: 8, notes: 5, cells: bridgingWorld(), seed: 1 });
    expect(res.status).toEqual([
      'CURRENTLY_RATED_HELPFUL',
      'NEEDS_MORE_RATINGS',
      'NEEDS_MORE_RATINGS',
      'CURRENTLY_RATED_NOT_HELPFUL',
      'NEEDS_MORE_RATINGS',
    ]);
    expect(res.noteIntercept[0]).toBeGreaterThan(0.4);
    // The one-sided notes get large factors of opposite signs and a low intercept.
    expect(Math.abs(res.noteFactor[1])).toBeGreaterThan(0.5);
    expect(Math.sign(res.noteFactor[1])).toBe(-Math.sign(res.noteFactor[2]));
    expect(res.noteIntercept[1]).toBeLessThan(0.4);
    expect(res.activeRules[0]).toContain('GeneralCRH');
    expect(Array.from(res.ratingsPerNote)).toEqual([8, 8, 8, 8, 8]);
  });

  it('is deterministic and leaves unrated notes and raters without parameters', () => {
    const cells = bridgingWorld();
    cells.fill(-1, 0, 5); // rater 0 rates nothing
    const a = classroomScore({ raters: 8, notes: 5, cells, seed: 3 });
    const b = classroomScore({ raters: 8, notes: 5, cells, seed: 3 });
    expect(Array.from(a.noteIntercept)).toEqual(Array.from(b.noteIntercept));
    expect(a.raterIntercept[0]).toBeNaN();
    const empty = classroomScore({ raters: 2, notes: 2, cells: new Int8Array(4).fill(-1), seed: 1 });
    expect(empty.noteIntercept[0]).toBeNaN();
    expect(empty.status).toEqual(['NEEDS_MORE_RATINGS', 'NEEDS_MORE_RATINGS']);
  });

  it('rejects a malformed grid with a clear message', () => {
    expect(() => classroomScore({ raters: 2, notes: 2, cells: new Int8Array(3), seed: 1 })).toThrow(
      /raters × notes = 4/,
    );
    expect(() => classroomScore({ raters: 2, notes: 1, cells: Int8Array.of(3, 0), seed: 1 })).toThrow(/cell 0 is 3/);
    expect(() => classroomScore({ raters: 0, notes: 1, cells: new Int8Array(0), seed: 1 })).toThrow(/raters must be/);
  });
});
