import { CLASS_MISLEADING, FLAG, type RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';

/** One hand-written rating for test fixtures: level 1 NOT_HELPFUL, 2 SOMEWHAT_HELPFUL, 3 HELPFUL. */
export interface RatingRow {
  note: number;
  rater: number;
  t: number;
  level: 1 | 2 | 3;
}

/** One hand-written note for test fixtures (tweet null = not in the notes table). */
export interface NoteRow {
  author: number;
  t: number;
  tweet: string | null;
  classification?: number;
  summary?: string;
}

/** Builds a RatingsTable from rows (helpful2 follows the level: 0, 1, 2). For tests and examples. */
export function makeRatings(rows: readonly RatingRow[]): RatingsTable {
  const n = rows.length;
  const table: RatingsTable = {
    length: n,
    note: new Int32Array(n),
    rater: new Int32Array(n),
    createdAt: new Float64Array(n),
    flags: new Uint32Array(n),
    helpful2: new Uint8Array(n),
  };
  rows.forEach((r, i) => {
    table.note[i] = r.note;
    table.rater[i] = r.rater;
    table.createdAt[i] = r.t;
    table.flags[i] = r.level << FLAG.levelShift;
    table.helpful2[i] = r.level - 1;
  });
  return table;
}

/** Builds a NoteInfo from rows (classification defaults to misleading). For tests and examples. */
export function makeNoteInfo(notes: readonly NoteRow[]): NoteInfo {
  const size = notes.length;
  return {
    size,
    inUniverse: new Uint8Array(size).fill(1),
    author: Int32Array.from(notes, (x) => x.author),
    createdAt: Float64Array.from(notes, (x) => x.t),
    tweetId: notes.map((x) => x.tweet),
    classification: Uint8Array.from(notes, (x) => x.classification ?? CLASS_MISLEADING),
    summary: notes.map((x) => x.summary ?? ''),
  };
}

/** Options of `ringWorld`. */
export interface RingWorldOptions {
  /** background raters, each rating `ratingsPerRater` random notes at random times (0–3 days after creation) */
  background: number;
  ratingsPerRater: number;
  /** notes, each on its own post, written by notes/10 authors */
  notes: number;
  /** coordinated raters rating `ringPosts` notes together, `ringSpacingMs` apart, 30 min after creation */
  ringSize: number;
  ringPosts: number;
  ringSpacingMs: number;
  /** ring verdict: all HELPFUL, or a random level per rating */
  sameVerdict: boolean;
  random: () => number;
}

/**
 * A synthetic world for clustering tests: background raters plus one coordinated ring. Participants are
 * background raters [0, background), ring members [background, background + ringSize), then authors.
 */
export function ringWorld(o: RingWorldOptions): {
  rows: RatingRow[];
  notes: NoteRow[];
  nParticipants: number;
  ring: number[];
} {
  const now = 1_748_736_000_000;
  const day = 24 * 3600 * 1000;
  const nAuthors = Math.max(1, Math.floor(o.notes / 10));
  const firstAuthor = o.background + o.ringSize;
  const notes: NoteRow[] = [];
  for (let k = 0; k < o.notes; k++) {
    notes.push({
      author: firstAuthor + (k % nAuthors),
      t: now - (3 + o.random() * 20) * day,
      tweet: String(1_000_000 + k),
    });
  }
  const rows: RatingRow[] = [];
  const level = (): 1 | 2 | 3 => (1 + Math.floor(o.random() * 3)) as 1 | 2 | 3;
  for (let r = 0; r < o.background; r++) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(o.ratingsPerRater, o.notes)) chosen.add(Math.floor(o.random() * o.notes));
    for (const k of chosen) rows.push({ note: k, rater: r, t: notes[k].t + o.random() * 3 * day, level: level() });
  }
  const ring = Array.from({ length: o.ringSize }, (_, i) => o.background + i);
  const targets = new Set<number>();
  while (targets.size < Math.min(o.ringPosts, o.notes)) targets.add(Math.floor(o.random() * o.notes));
  for (const k of targets) {
    ring.forEach((r, i) => {
      rows.push({
        note: k,
        rater: r,
        t: notes[k].t + 30 * 60 * 1000 + i * o.ringSpacingMs,
        level: o.sameVerdict ? 3 : level(),
      });
    });
  }
  return { rows, notes, nParticipants: firstAuthor + nAuthors, ring };
}

/** A ring the detectors find: 6 accounts, same verdict, 1 minute apart, on 60 posts among 300 background raters. */
export const DETECTED_RING = {
  background: 300,
  ratingsPerRater: 40,
  notes: 400,
  ringSize: 6,
  ringPosts: 60,
  ringSpacingMs: 60_000,
  sameVerdict: true,
} as const;
