import type { RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { countPairsOncePerPost, type PairCounts, type PairEnumerator } from './pairCounts.ts';
import { indexPosts, indexRowsByNote } from './ratingIndex.ts';

/** Parameters of PSS part 2 (scoring-robustness.md §5.2). */
export const CO_RATING_PARAMS = {
  pmiRegularization: 500,
  smoothedNpmiThreshold: 0.55,
  minimumRatingProportionThreshold: 0.4,
  minUniquePosts: 10,
  minSimPseudocounts: 10,
  windowMillis: 20 * 60 * 1000,
} as const;

/**
 * PSS part 2: rater pairs who rate the same notes within 20 minutes of each other on many posts
 * (scoring-core.md §3.2).
 *
 * Takes ratings (any helpfulness; rows on notes without a post are ignored), the note facts and the participant
 * count. A pair counts once per post when, on some note of the post, their ratings are ≤ 20 min apart; only
 * raters who rated ≥ 10 distinct posts are paired. Returns the suspect pairs (npmi ≥ 0.55 or minSim ≥ 0.4)
 * with their co-rating count; `ntot` is the number of distinct (post, rater) pairs.
 */
export function coRatingSuspectPairs(
  ratings: RatingsTable,
  noteInfo: NoteInfo,
  nParticipants: number,
): PairCounts & { ntot: number; totals: Int32Array } {
  const P = CO_RATING_PARAMS;
  const posts = indexPosts(noteInfo);
  const inScope = new Uint8Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) if (posts.postOfNote[ratings.note[i]] >= 0) inScope[i] = 1;
  const byNote = indexRowsByNote(ratings, noteInfo.size, inScope, true);
  const rater = ratings.rater;
  const time = ratings.createdAt;

  // Distinct posts per rater, with a per-rater stamp of the last post seen.
  const totals = new Int32Array(nParticipants);
  const lastPost = new Int32Array(nParticipants).fill(-1);
  let ntot = 0;
  for (let p = 0; p < posts.nPosts; p++) {
    for (let q = posts.start[p]; q < posts.start[p + 1]; q++) {
      const note = posts.notes[q];
      for (let s = byNote.start[note]; s < byNote.start[note + 1]; s++) {
        const r = rater[byNote.rows[s]];
        if (lastPost[r] !== p) {
          lastPost[r] = p;
          totals[r]++;
          ntot++;
        }
      }
    }
  }
  const eligible = (r: number): boolean => totals[r] >= P.minUniquePosts;

  // Keep only eligible raters' rows (already time-ordered per note); count window pairs as an upper bound.
  const rows = new Int32Array(byNote.rows.length);
  const start = new Int32Array(noteInfo.size + 1);
  let m = 0;
  let maxEvents = 0;
  for (let note = 0; note < noteInfo.size; note++) {
    start[note] = m;
    let lo = m;
    for (let s = byNote.start[note]; s < byNote.start[note + 1]; s++) {
      const row = byNote.rows[s];
      if (!eligible(rater[row])) continue;
      while (lo < m && time[row] - time[rows[lo]] > P.windowMillis) lo++;
      maxEvents += m - lo;
      rows[m++] = row;
    }
  }
  start[noteInfo.size] = m;

  const enumerate: PairEnumerator = (emit, endPost) => {
    for (let p = 0; p < posts.nPosts; p++) {
      for (let q = posts.start[p]; q < posts.start[p + 1]; q++) {
        const note = posts.notes[q];
        let lo = start[note];
        for (let i = start[note]; i < start[note + 1]; i++) {
          const ti = time[rows[i]];
          while (ti - time[rows[lo]] > P.windowMillis) lo++;
          const ri = rater[rows[i]];
          for (let j = lo; j < i; j++) emit(ri, rater[rows[j]]);
        }
      }
      // One rating per (rater, note): a post with a single note cannot repeat a pair.
      endPost(posts.start[p + 1] - posts.start[p] > 1);
    }
  };
  const keep = (a: number, b: number, k: number): boolean =>
    smoothedNpmi(k, totals[a], totals[b], ntot) >= P.smoothedNpmiThreshold ||
    minSim(k, totals[a], totals[b]) >= P.minimumRatingProportionThreshold;
  const pairs = countPairsOncePerPost(nParticipants, maxEvents, enumerate, keep);
  return { ...pairs, ntot, totals };
}

/**
 * Smoothed NPMI of a rater pair with co-count k, posts totals ta and tb, and ntot (post, rater) pairs:
 * ln(k·ntot / ((ta + 500)(tb + 500))) / −ln(k / ntot). IEEE semantics at k = ntot (±Infinity), as numpy.
 */
export function smoothedNpmi(k: number, ta: number, tb: number, ntot: number): number {
  const reg = CO_RATING_PARAMS.pmiRegularization;
  const pmi = Math.log((k * ntot) / ((ta + reg) * (tb + reg)));
  return pmi / -Math.log(k / ntot);
}

/** minSim of a rater pair: k / (min(ta, tb) + 10). */
export function minSim(k: number, ta: number, tb: number): number {
  return k / (Math.min(ta, tb) + CO_RATING_PARAMS.minSimPseudocounts);
}
