import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { authorRaterSuspectPairs } from './authorRaterAffinity.ts';
import { coRatingSuspectPairs, minSim, smoothedNpmi } from './coRatingSimilarity.ts';
import { connectedComponents, postSelectionCliques, postSelectionDetail } from './postSelectionSimilarity.ts';
import { makeNoteInfo, makeRatings, ringWorld, type NoteRow, type RatingRow } from './testTables.ts';

const MIN = 60 * 1000;
const T0 = 1_748_000_000_000;

const cliqueMembers = (values: Int32Array): number[][] => {
  const groups = new Map<number, number[]>();
  values.forEach((v, p) => v > 0 && groups.set(v, [...(groups.get(v) ?? []), p]));
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
};

describe('NPMI and minSim', () => {
  it('reproduce the worked values of scoring-robustness.md §5.2 (N = 10^6)', () => {
    const N = 1e6;
    expect(smoothedNpmi(50, 100, 100, N)).toBeCloseTo(0.498, 3);
    expect(minSim(50, 100, 100)).toBeCloseTo(0.455, 3);
    expect(smoothedNpmi(30, 100, 100, N)).toBeCloseTo(0.425, 3);
    expect(minSim(30, 100, 100)).toBeCloseTo(0.273, 3);
    expect(smoothedNpmi(404, 1000, 1000, N)).toBeCloseTo(0.664, 3);
    expect(minSim(404, 1000, 1000)).toBeCloseTo(0.4, 3);
    expect(smoothedNpmi(200, 1000, 1000, N)).toBeCloseTo(0.527, 3);
    expect(minSim(200, 1000, 1000)).toBeCloseTo(0.198, 3);
  });
});

describe('co-rating pairs (PSS part 2)', () => {
  it('finds a ring of raters who rate the same notes within minutes, and nobody else', () => {
    const world = ringWorld({
      background: 300,
      ratingsPerRater: 40,
      notes: 400,
      ringSize: 6,
      ringPosts: 30,
      ringSpacingMs: 2 * MIN,
      sameVerdict: false,
      random: randomSeeded(11),
    });
    const pss = postSelectionCliques(makeRatings(world.rows), makeNoteInfo(world.notes), world.nParticipants);
    expect(cliqueMembers(pss)).toEqual([world.ring]);
  });

  it('counts ratings exactly 20 minutes apart but not 20 minutes and 1 ms apart', () => {
    const notes: NoteRow[] = [];
    const rows: RatingRow[] = [];
    // Raters 0 and 1 rate 12 posts together; on the first 10 they are 20 min apart, on the rest 20 min + 1 ms.
    for (let k = 0; k < 12; k++) {
      notes.push({ author: 9, t: T0 + k * 1e7, tweet: String(500 + k) });
      const gap = k < 10 ? 20 * MIN : 20 * MIN + 1;
      rows.push(
        { note: k, rater: 0, t: T0 + k * 1e7 + MIN, level: 1 },
        { note: k, rater: 1, t: T0 + k * 1e7 + MIN + gap, level: 2 },
      );
    }
    const pairs = coRatingSuspectPairs(makeRatings(rows), makeNoteInfo(notes), 10);
    expect(pairs.length).toBe(1);
    expect([pairs.a[0], pairs.b[0], pairs.count[0]]).toEqual([0, 1, 10]);
    expect(pairs.ntot).toBe(24);
  });

  it('counts a pair once per post even when they co-rate several notes of it, and ignores "-1" posts', () => {
    const notes: NoteRow[] = [];
    const rows: RatingRow[] = [];
    for (let k = 0; k < 10; k++) {
      for (const j of [0, 1]) {
        const n = notes.length;
        notes.push({ author: 9, t: T0 + k * 1e7, tweet: String(700 + k) });
        rows.push(
          { note: n, rater: 0, t: T0 + k * 1e7 + j, level: 3 },
          { note: n, rater: 1, t: T0 + k * 1e7 + j + MIN, level: 3 },
        );
      }
    }
    const skipped = notes.length;
    notes.push({ author: 9, t: T0, tweet: '-1' });
    rows.push({ note: skipped, rater: 0, t: T0, level: 3 }, { note: skipped, rater: 1, t: T0, level: 3 });
    const pairs = coRatingSuspectPairs(makeRatings(rows), makeNoteInfo(notes), 10);
    expect(Array.from(pairs.count)).toEqual([10]);
    expect(pairs.totals[0]).toBe(10);
  });

  it('ignores raters with fewer than 10 distinct posts', () => {
    const notes: NoteRow[] = [];
    const rows: RatingRow[] = [];
    for (let k = 0; k < 9; k++) {
      notes.push({ author: 9, t: T0, tweet: String(900 + k) });
      rows.push({ note: k, rater: 0, t: T0 + MIN, level: 3 }, { note: k, rater: 1, t: T0 + 2 * MIN, level: 3 });
    }
    expect(coRatingSuspectPairs(makeRatings(rows), makeNoteInfo(notes), 10).length).toBe(0);
  });
});

describe('author/rater affinity (PSS part 1)', () => {
  const authorNotes = (author: number, n: number, tweetBase: number): NoteRow[] =>
    Array.from({ length: n }, (_, k) => ({ author, t: T0 + k * 1e7, tweet: String(tweetBase + k) }));

  it('links a rater who rates an author’s notes helpful within a minute (writer coverage)', () => {
    const notes = authorNotes(5, 10, 100);
    // Rater 1: HELPFUL within 1 minute on 2 of 10 notes (coverage 0.2); rater 2: NOT_HELPFUL on all (ignored).
    const rows: RatingRow[] = [
      { note: 0, rater: 1, t: notes[0].t + 30 * 1000, level: 3 },
      { note: 1, rater: 1, t: notes[1].t + 60 * 1000, level: 3 },
      ...notes.map((x, k) => ({ note: k, rater: 2, t: x.t + 1000, level: 1 as const })),
    ];
    const pairs = authorRaterSuspectPairs(makeRatings(rows), makeNoteInfo(notes), 6);
    expect(Array.from(pairs.a)).toEqual([1]);
    expect(Array.from(pairs.b)).toEqual([5]);
  });

  it('leaves ratios undefined below 10 notes / 10 fast ratings', () => {
    const notes = authorNotes(5, 9, 100);
    const rows: RatingRow[] = notes.map((x, k) => ({ note: k, rater: 1, t: x.t + 1000, level: 3 }));
    expect(authorRaterSuspectPairs(makeRatings(rows), makeNoteInfo(notes), 6).length).toBe(0);
  });

  it('links by rater affinity: 70 % of a rater’s 20-minute helpful ratings go to one author', () => {
    const notes = [...authorNotes(5, 7, 100), ...authorNotes(6, 3, 200)];
    const rows: RatingRow[] = notes.map((x, k) => ({ note: k, rater: 1, t: x.t + 15 * MIN, level: 3 }));
    const pairs = authorRaterSuspectPairs(makeRatings(rows), makeNoteInfo(notes), 7);
    expect([Array.from(pairs.a), Array.from(pairs.b)]).toEqual([[1], [5]]);
    // 21 minutes is too slow for any latency window.
    const slow = notes.map((x, k) => ({ note: k, rater: 1, t: x.t + 21 * MIN, level: 3 as const }));
    expect(authorRaterSuspectPairs(makeRatings(slow), makeNoteInfo(notes), 7).length).toBe(0);
  });

  it('puts the author and the rater in the same clique', () => {
    const notes = authorNotes(5, 10, 100);
    const rows: RatingRow[] = notes.slice(0, 5).map((x, k) => ({ note: k, rater: 1, t: x.t + 1000, level: 3 }));
    const detail = postSelectionDetail(makeRatings(rows), makeNoteInfo(notes), 6);
    expect(cliqueMembers(detail.cliques)).toEqual([[1, 5]]);
    expect(detail.nCliques).toBe(1);
  });
});

describe('connectedComponents', () => {
  it('merges chains transitively and numbers components by their smallest member', () => {
    const pairs = { length: 4, a: Int32Array.from([7, 3, 1, 2]), b: Int32Array.from([8, 4, 8, 2]) };
    const { cliques, nComponents } = connectedComponents(10, [pairs]);
    expect(nComponents).toBe(3);
    expect(Array.from(cliques)).toEqual([0, 1, 2, 3, 3, 0, 0, 1, 1, 0]);
  });
});

describe('postSelectionCliques input checks', () => {
  it('names a rater index outside the participant range', () => {
    const rows: RatingRow[] = [{ note: 0, rater: 3, t: T0, level: 3 }];
    expect(() => postSelectionCliques(makeRatings(rows), makeNoteInfo([{ author: 0, t: T0, tweet: '1' }]), 2)).toThrow(
      /rater index 3/,
    );
  });
});
