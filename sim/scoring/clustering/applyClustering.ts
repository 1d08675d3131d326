import type { RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { MIN_NOTES_FOR_PROD_DATA } from '../preprocess/highVolumeRaters.ts';

/**
 * Which clustering table is applied: 'prescoring' uses both columns as they are; 'final' reproduces the
 * reference's final-scoring quirk (only raters with BOTH a PSS value and a quasi-clique value count, for the
 * correlated flag and for coalescing); 'intended' gives each mechanism its own column (not the reference).
 */
export type ClusteringMode = 'prescoring' | 'final' | 'intended';

/** Switches of applyClustering. */
export interface ClusteringOptions {
  /**
   * PSS coalescing (default true). False keeps every rating (the `PostSelectionCoalescing` pipeline safeguard
   * switched off); the `correlatedRater` flags are computed as usual.
   */
  coalesce?: boolean;
}

/** Result of applying a clustering: the kept rows and their `correlatedRater` flags. */
export interface ClusteredRatings {
  /** row indices into the input ratings, ascending */
  keep: Int32Array;
  /** correlatedRater per kept row (parallel to `keep`) */
  correlated: Uint8Array;
}

/**
 * Applies rater clustering to ratings (scoring-core.md §3.5, scoring-robustness.md §2 and §5.4).
 *
 * Takes the ratings, the note facts (a note's author counts only for notes of the notes table, i.e. with a known
 * `tweetId`, as the reference joins the notes file), per-participant
 * `postSelectionValue` and `quasiCliqueValue` (0 = none), the mode and the number of notes in the notes table.
 * correlatedRater = the rater has a quasi-clique value (mode 'final': and a PSS value). Coalescing, only with
 * ≥ 200 notes: a rating whose rater's PSS value equals the note author's is dropped; among the other ratings of
 * PSS raters only the earliest per (note, PSS value) is kept (ties: lower row). Ratings of raters without a
 * PSS value are kept. With `options.coalesce` false nothing is dropped and only the flags are set.
 *
 * @example const { keep, correlated } = applyClustering(ratings, noteInfo, pss, qc, 'prescoring', nNotes);
 */
export function applyClustering(
  ratings: RatingsTable,
  noteInfo: NoteInfo,
  postSelectionValue: Int32Array,
  quasiCliqueValue: Int32Array,
  mode: ClusteringMode,
  nNotes: number,
  options: ClusteringOptions = {},
): ClusteredRatings {
  const nParticipants = postSelectionValue.length;
  if (quasiCliqueValue.length !== nParticipants) {
    throw new Error(
      `applyClustering: postSelectionValue has ${nParticipants} participants but quasiCliqueValue has ${quasiCliqueValue.length}`,
    );
  }
  if (mode !== 'prescoring' && mode !== 'final' && mode !== 'intended') {
    throw new Error(`applyClustering: unknown mode ${String(mode)} (expected 'prescoring', 'final' or 'intended')`);
  }
  const both = mode === 'final';
  const pssOf = (p: number): number =>
    p < 0 ? 0 : both && quasiCliqueValue[p] <= 0 ? 0 : Math.max(postSelectionValue[p], 0);
  const correlatedOf = (p: number): number => (quasiCliqueValue[p] > 0 && (!both || postSelectionValue[p] > 0) ? 1 : 0);

  const n = ratings.length;
  const { note, rater, createdAt } = ratings;
  const noteAuthor = noteInfo.author.map((a, k) => (noteInfo.tweetId[k] === null ? -1 : a));
  for (let i = 0; i < n; i++) {
    if (rater[i] < 0 || rater[i] >= nParticipants) {
      throw new Error(`applyClustering: ratings row ${i} has rater index ${rater[i]}, outside [0, ${nParticipants})`);
    }
    if (note[i] < 0 || note[i] >= noteAuthor.length) {
      throw new Error(`applyClustering: ratings row ${i} has note index ${note[i]}, outside [0, ${noteAuthor.length})`);
    }
  }
  const keepRow = new Uint8Array(n).fill(1);
  if (nNotes >= MIN_NOTES_FOR_PROD_DATA && options.coalesce !== false) {
    // Candidates for coalescing: PSS raters not rating their own clique's notes, ordered by (note, value, time, row).
    const cand: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = pssOf(rater[i]);
      if (v === 0) continue;
      if (v === pssOf(noteAuthor[note[i]])) keepRow[i] = 0;
      else cand.push(i);
    }
    const key = (i: number): number => pssOf(rater[i]);
    const t = (i: number): number => (Number.isNaN(createdAt[i]) ? Infinity : createdAt[i]);
    cand.sort((x, y) => note[x] - note[y] || key(x) - key(y) || (t(x) < t(y) ? -1 : t(x) > t(y) ? 1 : x - y));
    for (let j = 1; j < cand.length; j++) {
      const x = cand[j - 1];
      const y = cand[j];
      if (note[x] === note[y] && key(x) === key(y)) keepRow[y] = 0;
    }
  }
  let kept = 0;
  for (let i = 0; i < n; i++) kept += keepRow[i];
  const keep = new Int32Array(kept);
  const correlated = new Uint8Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    if (!keepRow[i]) continue;
    keep[k] = i;
    correlated[k++] = correlatedOf(rater[i]);
  }
  return { keep, correlated };
}
