import { FLAG, NOT_HELPFUL_TAGS, type RatingsTable } from '../../data/tables.ts';
import { NOT_HELPFUL_TAG_PRIORITY, topTwoTags } from '../meta/explanationTags.ts';
import { NOTE_CRH, NOTE_CRNH, NOTE_NMR } from './raterRatingStats.ts';

const DAY = 24 * 3600 * 1000;
/** Notes an author's enrollment state looks at (`maxHistoryEarnOut`). */
const WINDOW_NOTES = 5;
/** Emerging writer: mean Core intercept above this and at least EMERGING_RATINGS ratings in 28 days. */
const EMERGING_MEAN_NOTE_SCORE = 0.3;
const EMERGING_RATINGS = 10;
/**
 * NMR notes count towards the 14-day total only with at least this many ratings, or when younger than
 * RECENT_NMR_GRACE. Inferred from the reference outputs (the code is not in our spec): the rating floor fits both
 * conformance cases at 9 or 10 (10 chosen, per the spec's "≥ 10 ratings"); the grace lies between 2.9 h (counted)
 * and 47.2 h (not counted): 24 h chosen.
 */
const MIN_RATINGS_FOR_RECENT_NMR = 10;
const RECENT_NMR_GRACE = DAY;

/** One author's notes, as rows of the per-note arrays given to `authorNoteStats`. */
export interface AuthorNotes {
  author: number;
  notes: number[];
}

/** Per-note inputs (parallel arrays over the scored notes). */
export interface NoteColumns {
  status: Uint8Array;
  createdAt: Float64Array;
  /** rank of the note id (ascending 64-bit order) */
  idRank: Int32Array;
  coreIntercept: Float64Array;
  numRatings: Float64Array;
  numRatingsLast28: Float64Array;
  /** not-helpful tag counts, 13 per note (NOT_HELPFUL_TAGS order) */
  notHelpfulTags: Float64Array;
}

/** Author-level statistics (scoring-robustness.md §15.1, scoring-core.md §16.4). */
export interface AuthorStats {
  crh: number;
  crnh: number;
  nmr: number;
  aggregateRatings: number;
  /** CRNH notes among the (up to) five most relevant notes written after the last earn-out */
  windowCrnh: number;
  isEmergingWriter: boolean;
  /** `"4,2"`: NOT_HELPFUL_TAGS indices of the author's two most frequent note tags, "" when none */
  topNotHelpfulTags: string;
  totals14d: [number, number, number];
  totals90d: [number, number, number];
}

/**
 * Statistics of one author's notes. `lastEarnOut` bounds the enrollment window (notes created strictly after it,
 * decided notes first, then newest id first, at most five). The 14/90-day totals count notes created after
 * `anchor` − 14 (90) days; the reference anchors them at the latest note creation time, not at the run time
 * (verified on both conformance cases), and counts an NMR note in the 14-day total only with at least 10 ratings
 * or when created within a day of the anchor.
 */
export function authorNoteStats(a: AuthorNotes, c: NoteColumns, lastEarnOut: number, anchor: number): AuthorStats {
  const s: AuthorStats = {
    crh: 0,
    crnh: 0,
    nmr: 0,
    aggregateRatings: 0,
    windowCrnh: 0,
    isEmergingWriter: false,
    topNotHelpfulTags: '',
    totals14d: [0, 0, 0],
    totals90d: [0, 0, 0],
  };
  let interceptSum = 0;
  let ratings28 = 0;
  const window: number[] = [];
  const tagCount = new Map<number, number>();
  const buf = new Float64Array(NOT_HELPFUL_TAGS.length);
  for (const n of a.notes) {
    const st = c.status[n];
    if (st === NOTE_CRH) s.crh++;
    else if (st === NOTE_CRNH) s.crnh++;
    else if (st === NOTE_NMR) s.nmr++;
    if (!Number.isNaN(c.numRatings[n])) s.aggregateRatings += c.numRatings[n];
    if (!Number.isNaN(c.coreIntercept[n])) interceptSum += c.coreIntercept[n];
    if (!Number.isNaN(c.numRatingsLast28[n])) ratings28 += c.numRatingsLast28[n];
    if (c.createdAt[n] > lastEarnOut) window.push(n);
    const slot = st === NOTE_CRH ? 0 : st === NOTE_CRNH ? 1 : st === NOTE_NMR ? 2 : null;
    if (slot !== null && c.createdAt[n] > anchor - 90 * DAY) s.totals90d[slot]++;
    if (
      slot !== null &&
      c.createdAt[n] > anchor - 14 * DAY &&
      (slot < 2 || c.numRatings[n] >= MIN_RATINGS_FOR_RECENT_NMR || c.createdAt[n] > anchor - RECENT_NMR_GRACE)
    )
      s.totals14d[slot]++;
    for (let t = 0; t < buf.length; t++) buf[t] = c.notHelpfulTags[n * buf.length + t];
    const top = topTwoTags(buf, NOT_HELPFUL_TAG_PRIORITY, 2);
    if (top !== null) for (const t of top) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  }
  const decided = (n: number) => (c.status[n] === NOTE_CRH || c.status[n] === NOTE_CRNH ? 1 : 0);
  window.sort((x, y) => decided(y) - decided(x) || c.idRank[y] - c.idRank[x]);
  for (let k = 0; k < Math.min(WINDOW_NOTES, window.length); k++) if (c.status[window[k]] === NOTE_CRNH) s.windowCrnh++;
  s.isEmergingWriter =
    a.notes.length > 0 && interceptSum / a.notes.length > EMERGING_MEAN_NOTE_SCORE && ratings28 >= EMERGING_RATINGS;
  s.topNotHelpfulTags = [...tagCount.entries()]
    .sort((x, y) => y[1] - x[1] || NOT_HELPFUL_TAG_PRIORITY[y[0]] - NOT_HELPFUL_TAG_PRIORITY[x[0]])
    .slice(0, 2)
    .map(([t]) => String(t))
    .join(',');
  return s;
}

/**
 * Not-helpful tag counts per note over all given ratings: 13 values per entry of `noteRow` >= 0
 * (global note index -> row), NOT_HELPFUL_TAGS order.
 */
export function notHelpfulTagCounts(ratings: RatingsTable, noteRow: Int32Array, nRows: number): Float64Array {
  const k = NOT_HELPFUL_TAGS.length;
  const out = new Float64Array(nRows * k);
  for (let r = 0; r < ratings.length; r++) {
    const row = noteRow[ratings.note[r]];
    if (row < 0) continue;
    const bits = ratings.flags[r] >>> FLAG.notHelpfulTagShift;
    if ((bits & ((1 << k) - 1)) === 0) continue;
    for (let t = 0; t < k; t++) if ((bits >>> t) & 1) out[row * k + t]++;
  }
  return out;
}
