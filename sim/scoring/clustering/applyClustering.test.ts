import { describe, expect, it } from 'vitest';
import { applyClustering } from './applyClustering.ts';
import { makeNoteInfo, makeRatings, type NoteRow, type RatingRow } from './testTables.ts';

const T = 1_748_000_000_000;
// Notes 0..199: note 0 by author 10, the others by author 11.
const notes: NoteRow[] = Array.from({ length: 200 }, (_, k) => ({
  author: k === 0 ? 10 : 11,
  t: T,
  tweet: String(100 + k),
}));
const rows: RatingRow[] = [
  { note: 0, rater: 1, t: T + 1, level: 3 }, // 0: same clique as the author -> dropped
  { note: 0, rater: 2, t: T + 2, level: 3 }, // 1: same clique as the author -> dropped
  { note: 0, rater: 4, t: T + 3, level: 3 }, // 2: clique 2, first on note 0 -> kept
  { note: 0, rater: 5, t: T + 4, level: 1 }, // 3: no clique -> kept
  { note: 1, rater: 3, t: T + 5, level: 3 }, // 4: clique 1, later -> dropped
  { note: 1, rater: 2, t: T + 3, level: 3 }, // 5: clique 1, earliest (tie, lower row) -> kept
  { note: 1, rater: 1, t: T + 3, level: 2 }, // 6: clique 1, tie but higher row -> dropped
  { note: 1, rater: 5, t: T + 9, level: 3 }, // 7: no clique -> kept
];
const pss = new Int32Array(12);
pss[1] = pss[2] = pss[3] = pss[10] = 1;
pss[4] = 2;
const qc = new Int32Array(12);
qc[1] = qc[5] = 1;

describe('applyClustering', () => {
  const ratings = makeRatings(rows);
  const info = makeNoteInfo(notes);

  it('prescoring: drops ratings on own-clique notes, keeps the earliest per (note, clique), flags quasi-clique raters', () => {
    const { keep, correlated } = applyClustering(ratings, info, pss, qc, 'prescoring', 200);
    expect(Array.from(keep)).toEqual([2, 3, 5, 7]);
    expect(Array.from(correlated)).toEqual([0, 1, 0, 1]);
  });

  it('final: only raters with both values are flagged and coalesced (the reference quirk)', () => {
    const { keep, correlated } = applyClustering(ratings, info, pss, qc, 'final', 200);
    // Only rater 1 has both values; the author's clique does not count (author has no quasi-clique value).
    expect(Array.from(keep)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(correlated)).toEqual([1, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('intended: PSS coalescing with the full PSS column, correlated from quasi-cliques alone', () => {
    const pre = applyClustering(ratings, info, pss, qc, 'prescoring', 200);
    const intended = applyClustering(ratings, info, pss, qc, 'intended', 200);
    expect(intended).toEqual(pre);
  });

  it('skips coalescing below 200 notes but still flags', () => {
    const { keep, correlated } = applyClustering(ratings, info, pss, qc, 'prescoring', 199);
    expect(Array.from(keep)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(correlated)).toEqual([1, 0, 0, 1, 0, 0, 1, 1]);
  });

  it('ignores the author of a note that is not in the notes table', () => {
    const deleted = makeNoteInfo(notes.map((n, k) => (k === 0 ? { ...n, tweet: null } : n)));
    const { keep } = applyClustering(ratings, deleted, pss, qc, 'prescoring', 200);
    expect(Array.from(keep)).toEqual([0, 2, 3, 5, 7]);
  });

  it('rejects mismatched inputs with a clear message', () => {
    expect(() => applyClustering(ratings, info, pss, new Int32Array(3), 'final', 200)).toThrow(
      /quasiCliqueValue has 3/,
    );
    expect(() => applyClustering(ratings, info, new Int32Array(2), new Int32Array(2), 'final', 200)).toThrow(
      /rater index/,
    );
  });
});
