import { describe, expect, it } from 'vitest';
import { makeRatings, type RatingRow } from '../clustering/testTables.ts';
import { quantileLinear, tagHighVolumeRaters } from './highVolumeRaters.ts';

const DAY = 24 * 3600 * 1000;
const NOW = 1_748_736_000_000;

/** `counts[r]` ratings by rater r, each on its own note (so ≥ 200 notes), all within the last day. */
function volumeFixture(counts: number[], extra: RatingRow[] = []): RatingRow[] {
  const rows: RatingRow[] = [];
  let note = 0;
  counts.forEach((c, rater) => {
    for (let i = 0; i < c; i++) rows.push({ note: note++, rater, t: NOW - 1000 * (i + 1), level: 3 });
  });
  return [...rows, ...extra];
}

const flaggedRaters = (rows: RatingRow[], flags: Uint8Array): number[] =>
  [...new Set(rows.filter((_, i) => flags[i] === 1).map((r) => r.rater))].sort((a, b) => a - b);

describe('quantileLinear', () => {
  it('matches numpy.quantile (linear) values', () => {
    expect(quantileLinear(Float64Array.from([1, 2, 3, 4]), 0.999)).toBeCloseTo(3.997, 12);
    const ones = Float64Array.from([...Array(999).fill(1), 10]);
    expect(quantileLinear(ones, 0.999)).toBe(1.0089999999997872);
    const tie = Float64Array.from([...Array(4990).fill(10), ...Array.from({ length: 10 }, (_, i) => 500 + i)]);
    expect(quantileLinear(tie, 0.999)).toBe(504.0010000000002);
    expect(quantileLinear(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('tagHighVolumeRaters', () => {
  it('flags a rater with 10x the volume of everyone else', () => {
    const counts = [...Array(999).fill(1), 10];
    const rows = volumeFixture(counts);
    const flags = tagHighVolumeRaters(makeRatings(rows), counts.length);
    expect(flaggedRaters(rows, flags)).toEqual([999]);
    expect(flags.reduce((s, v) => s + v, 0)).toBe(10);
  });

  it('flags nobody when fewer than 200 distinct notes are rated', () => {
    const rows: RatingRow[] = [];
    for (let r = 0; r < 1000; r++) rows.push({ note: r % 199, rater: r, t: NOW, level: 3 });
    for (let i = 0; i < 50; i++) rows.push({ note: i, rater: 1000, t: NOW - i, level: 3 });
    const flags = tagHighVolumeRaters(makeRatings(rows), 1001);
    expect(flags.every((f) => f === 0)).toBe(true);
  });

  it('is defeated by ties at the top (spec example: 10 raters at 500 among 4990 at 10)', () => {
    const tie = volumeFixture([...Array(4990).fill(10), ...Array(10).fill(500)]);
    expect(flaggedRaters(tie, tagHighVolumeRaters(makeRatings(tie), 5000))).toEqual([]);
    const spread = volumeFixture([...Array(4990).fill(10), ...Array.from({ length: 10 }, (_, i) => 500 + i)]);
    expect(flaggedRaters(spread, tagHighVolumeRaters(makeRatings(spread), 5000))).toEqual([
      4995, 4996, 4997, 4998, 4999,
    ]);
  });

  it('uses the 28-day window too and flags all of a flagged rater’s ratings, old ones included', () => {
    const counts = Array(999).fill(1);
    // Rater 999: 10 ratings 10 days ago (outside the 7-day window, inside 28) plus one 60 days ago.
    const extra: RatingRow[] = [];
    for (let i = 0; i < 10; i++) extra.push({ note: 2000 + i, rater: 999, t: NOW - 10 * DAY - i, level: 3 });
    extra.push({ note: 3000, rater: 999, t: NOW - 60 * DAY, level: 1 });
    const rows = volumeFixture(counts, extra);
    const flags = tagHighVolumeRaters(makeRatings(rows), 1000);
    expect(flaggedRaters(rows, flags)).toEqual([999]);
    expect(flags[rows.length - 1]).toBe(1);
  });

  it('rejects rater indices outside the participant range', () => {
    const rows = volumeFixture([1, 1]);
    expect(() => tagHighVolumeRaters(makeRatings(rows), 1)).toThrow(/rater index 1/);
  });
});
