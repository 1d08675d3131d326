import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { applyClustering } from './applyClustering.ts';
import { postSelectionCliques } from './postSelectionSimilarity.ts';
import { quasiCliques } from './quasiCliques.ts';
import { makeNoteInfo, makeRatings, ringWorld, DETECTED_RING, type NoteRow, type RatingRow } from './testTables.ts';

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
/** Expected correlatedRater of a rater: a quasi-clique value ('final': and a PSS value). */
const correlatedRow = (mode: string, r: number): number => (qc[r] > 0 && (mode !== 'final' || pss[r] > 0) ? 1 : 0);

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

  it('with coalescing switched off keeps every rating and flags as usual, in every mode', () => {
    for (const mode of ['prescoring', 'final', 'intended'] as const) {
      const on = applyClustering(ratings, info, pss, qc, mode, 200);
      const off = applyClustering(ratings, info, pss, qc, mode, 200, { coalesce: false });
      expect(Array.from(off.keep)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const flagOf = new Map(Array.from(on.keep, (row, k) => [row, on.correlated[k]]));
      for (let k = 0; k < off.keep.length; k++) {
        expect(off.correlated[k]).toBe(correlatedRow(mode, rows[off.keep[k]].rater));
        if (flagOf.has(off.keep[k])) expect(off.correlated[k]).toBe(flagOf.get(off.keep[k]));
      }
    }
  });

  it('coalesces by default and with coalesce: true', () => {
    const byDefault = applyClustering(ratings, info, pss, qc, 'prescoring', 200);
    expect(applyClustering(ratings, info, pss, qc, 'prescoring', 200, { coalesce: true })).toEqual(byDefault);
    expect(Array.from(byDefault.keep)).toEqual([2, 3, 5, 7]);
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

describe('applyClustering on a detected ring, coalescing on and off', () => {
  const w = ringWorld({ ...DETECTED_RING, random: randomSeeded(11) });
  const ratings = makeRatings(w.rows);
  const info = makeNoteInfo(w.notes);
  const pss = postSelectionCliques(ratings, info, w.nParticipants);
  const qc = quasiCliques(ratings, info, w.nParticipants);
  const ring = new Set(w.ring);
  const ringRows = w.rows.filter((r) => ring.has(r.rater)).length;

  it('the ring is in a PSS clique and a quasi-clique', () => {
    for (const r of w.ring) {
      expect(pss[r]).toBeGreaterThan(0);
      expect(qc[r]).toBeGreaterThan(0);
    }
  });

  it('on: one ring rating per target survives; off: every rating survives, ring ratings flagged either way', () => {
    const on = applyClustering(ratings, info, pss, qc, 'final', w.notes.length);
    const off = applyClustering(ratings, info, pss, qc, 'final', w.notes.length, { coalesce: false });
    const ringKept = (c: { keep: Int32Array }) => Array.from(c.keep).filter((i) => ring.has(w.rows[i].rater)).length;
    expect(ringKept(on)).toBe(60);
    expect(ringKept(off)).toBe(ringRows);
    expect(off.keep.length).toBe(w.rows.length);
    off.keep.forEach((row, k) => {
      if (ring.has(w.rows[row].rater)) expect(off.correlated[k]).toBe(1);
    });
    on.keep.forEach((row, k) => {
      if (ring.has(w.rows[row].rater)) expect(on.correlated[k]).toBe(1);
    });
  });
});
