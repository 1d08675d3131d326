import { describe, expect, it } from 'vitest';
import { CLASS_NOT_MISLEADING } from '../../data/tables.ts';
import { randomSeeded } from '../../random/random.ts';
import { findQuasiCliques, quasiCliques } from './quasiCliques.ts';
import { makeNoteInfo, makeRatings, ringWorld, type RingWorldOptions } from './testTables.ts';

const WEEK = 7 * 24 * 3600 * 1000;

const world = (over: Partial<RingWorldOptions> = {}) =>
  ringWorld({
    background: 300,
    ratingsPerRater: 40,
    notes: 400,
    ringSize: 6,
    ringPosts: 60,
    ringSpacingMs: 60 * 60 * 1000,
    sameVerdict: true,
    random: randomSeeded(5),
    ...over,
  });

describe('quasiCliques', () => {
  it('finds a ring that gives identical verdicts on 60 posts, and nobody else', () => {
    const w = world();
    const found = findQuasiCliques(makeRatings(w.rows), makeNoteInfo(w.notes), w.nParticipants);
    expect(found.map((q) => Array.from(q.members))).toEqual([w.ring]);
    expect(found[0].posts).toBe(60);
    const values = quasiCliques(makeRatings(w.rows), makeNoteInfo(w.notes), w.nParticipants);
    expect(w.ring.every((r) => values[r] === 1)).toBe(true);
    expect(values.reduce((s, v) => s + (v > 0 ? 1 : 0), 0)).toBe(6);
  });

  it('ignores rings smaller than 5, rings that vary their verdicts, and rings on too few posts', () => {
    for (const over of [{ ringSize: 4 }, { sameVerdict: false }, { ringPosts: 50 }]) {
      const w = world(over);
      expect(findQuasiCliques(makeRatings(w.rows), makeNoteInfo(w.notes), w.nParticipants)).toEqual([]);
    }
  });

  it('only looks at misleading notes created within 13 weeks of the newest rated note', () => {
    const w = world();
    const info = makeNoteInfo(w.notes);
    // A newer rated note 14 weeks later pushes every other note out of the window.
    const late = { author: w.nParticipants - 1, t: Math.max(...info.createdAt) + 14 * WEEK, tweet: '42' };
    const shifted = makeNoteInfo([...w.notes, late]);
    const rows = [...w.rows, { note: w.notes.length, rater: 0, t: late.t + 1, level: 3 as const }];
    expect(findQuasiCliques(makeRatings(rows), shifted, w.nParticipants)).toEqual([]);

    const notMisleading = makeNoteInfo(w.notes.map((n) => ({ ...n, classification: CLASS_NOT_MISLEADING })));
    expect(findQuasiCliques(makeRatings(w.rows), notMisleading, w.nParticipants)).toEqual([]);
  });

  it('numbers cliques by size ascending', () => {
    const a = world({ ringSize: 7, random: randomSeeded(1) });
    // Append a second, smaller ring (5 raters) on other participants and posts.
    const offset = a.nParticipants;
    const notesOffset = a.notes.length;
    const b = world({ ringSize: 5, background: 0, random: randomSeeded(2) });
    const notes = [...a.notes, ...b.notes.map((n) => ({ ...n, author: n.author + offset, tweet: `9${n.tweet}` }))];
    const rows = [...a.rows, ...b.rows.map((r) => ({ ...r, rater: r.rater + offset, note: r.note + notesOffset }))];
    const found = findQuasiCliques(makeRatings(rows), makeNoteInfo(notes), offset + b.nParticipants);
    expect(found.map((q) => q.members.length)).toEqual([5, 7]);
    expect(Array.from(found[0].members)).toEqual(b.ring.map((r) => r + offset));
  });

  it('rejects unpreprocessed helpfulness codes', () => {
    const w = world();
    const ratings = makeRatings(w.rows);
    ratings.helpful2[0] = 255;
    expect(() => findQuasiCliques(ratings, makeNoteInfo(w.notes), w.nParticipants)).toThrow(/helpful2 = 255/);
  });
});
