import type { RatingsTable } from '../../data/tables.ts';
import { DELETED_NOTE_TOMBSTONES_LAUNCH_TIME, PUBLIC_TSV_TIME_DELAY } from '../constants.ts';
import type { NoteInfo } from '../noteInfo.ts';

/** Provisional / final note label used to judge ratings: 0 none, 1 CRH, 2 CRNH. */
export const LABEL_NONE = 0;
export const LABEL_CRH = 1;
export const LABEL_CRNH = 2;

/** Per-participant counts over valid ratings (scoring-core.md §7.4). NaN = the participant has no valid rating. */
export interface ValidRatingCounts {
  successfulRatingHelpfulCount: Float64Array;
  successfulRatingNotHelpfulCount: Float64Array;
  unsuccessfulRatingHelpfulCount: Float64Array;
  unsuccessfulRatingNotHelpfulCount: Float64Array;
  ratingCount: Float64Array;
  agreeCount: Float64Array;
}

/**
 * Valid ratings: made within 48 h of the note's creation and before its latest non-NMR status (first 5 such for
 * notes older than the tombstone launch), on notes labelled CRH or CRNH, helpful or not helpful (never somewhat).
 * `rows` are the candidate ratings; `label` is per global note; `latestNonNMR` per global note (NaN = none).
 * With `window` false (the ValidRatingWindow safeguard switched off) every candidate rating is valid.
 */
export function countValidRatings(
  ratings: RatingsTable,
  rows: Int32Array,
  info: NoteInfo,
  latestNonNMR: Float64Array,
  label: Uint8Array,
  nParticipants: number,
  window = true,
): ValidRatingCounts {
  const valid = window ? validRatingRows(ratings, rows, info, latestNonNMR) : rows;
  const z = () => new Float64Array(nParticipants).fill(NaN);
  const c: ValidRatingCounts = {
    successfulRatingHelpfulCount: z(),
    successfulRatingNotHelpfulCount: z(),
    unsuccessfulRatingHelpfulCount: z(),
    unsuccessfulRatingNotHelpfulCount: z(),
    ratingCount: z(),
    agreeCount: z(),
  };
  for (const i of valid) {
    const lab = label[ratings.note[i]];
    const h2 = ratings.helpful2[i];
    if ((lab !== LABEL_CRH && lab !== LABEL_CRNH) || h2 === 1) continue;
    const u = ratings.rater[i];
    if (Number.isNaN(c.ratingCount[u])) {
      c.successfulRatingHelpfulCount[u] = 0;
      c.successfulRatingNotHelpfulCount[u] = 0;
      c.unsuccessfulRatingHelpfulCount[u] = 0;
      c.unsuccessfulRatingNotHelpfulCount[u] = 0;
      c.ratingCount[u] = 0;
      c.agreeCount[u] = 0;
    }
    c.ratingCount[u]++;
    const agrees = lab === LABEL_CRH ? h2 === 2 : h2 === 0;
    if (agrees) c.agreeCount[u]++;
    if (lab === LABEL_CRH) {
      if (agrees) c.successfulRatingHelpfulCount[u]++;
      else c.unsuccessfulRatingHelpfulCount[u]++;
    } else if (agrees) c.successfulRatingNotHelpfulCount[u]++;
    else c.unsuccessfulRatingNotHelpfulCount[u]++;
  }
  return c;
}

/** Rows (subset of `rows`) that fall in the validity window, ignoring note labels. */
export function validRatingRows(
  ratings: RatingsTable,
  rows: Int32Array,
  info: NoteInfo,
  latestNonNMR: Float64Array,
): Int32Array {
  const out: number[] = [];
  const early = new Map<number, number[]>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const n = ratings.note[i];
    const created = info.createdAt[n];
    if (!(ratings.createdAt[i] - created < PUBLIC_TSV_TIME_DELAY)) continue;
    if (created < DELETED_NOTE_TOMBSTONES_LAUNCH_TIME) {
      let list = early.get(n);
      if (!list) early.set(n, (list = []));
      list.push(i);
    } else {
      const t = latestNonNMR[n];
      if (Number.isNaN(t) || ratings.createdAt[i] < t) out.push(i);
    }
  }
  for (const list of early.values()) {
    list.sort((a, b) => ratings.createdAt[a] - ratings.createdAt[b] || a - b);
    for (let j = 0; j < Math.min(5, list.length); j++) out.push(list[j]);
  }
  return Int32Array.from(out);
}
