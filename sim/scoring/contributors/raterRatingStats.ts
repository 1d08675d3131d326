import type { RatingsTable } from '../../data/tables.ts';
import { DELETED_NOTE_TOMBSTONES_LAUNCH_TIME, PUBLIC_TSV_TIME_DELAY } from '../constants.ts';

/** Final-status codes per note used by contributor statistics. */
export const NOTE_NONE = 0;
export const NOTE_CRH = 1;
export const NOTE_CRNH = 2;
export const NOTE_NMR = 3;
/** a status other than the three above (NEEDS_YOUR_HELP when stabilization is switched off) */
export const NOTE_OTHER = 4;

/** Maximum number of early ratings that count for notes created before the tombstone launch. */
const MAX_HISTORICAL_VALID_RATINGS = 5;

/** Per-participant rating statistics (indexed by participant index). */
export interface RaterRatingStats {
  /** 1 when the participant made at least one "before status" rating on a scored note */
  rated: Uint8Array;
  successfulHelpful: Float64Array;
  successfulNotHelpful: Float64Array;
  unsuccessfulHelpful: Float64Array;
  unsuccessfulNotHelpful: Float64Array;
  awaitingMoreRatings: Float64Array;
  ratedAfterDecision: Float64Array;
}

/**
 * Rating statistics of scoring-robustness.md §15.1 / scoring-core.md §7.4 over final statuses. A rating is
 * "before status" when made within 48 h of note creation and before the note's latest non-NMR status time (or the
 * note has none); for notes created before 2022-05-19 the first five ratings made within 48 h count instead.
 * Valid ratings are before-status ratings with helpfulNum 0 or 1 on notes now CRH or CRNH:
 * successfulHelpful = helpful on CRH, successfulNotHelpful = not helpful on CRNH, unsuccessfulHelpful = not
 * helpful on CRH, unsuccessfulNotHelpful = helpful on CRNH (the reference's column names). awaitingMoreRatings
 * counts before-status ratings on notes now NMR; ratedAfterDecision counts every rating made after the note's
 * latest non-NMR status time. `status[n]` / `createdAt[n]` / `latestNonNmr[n]` are per global note index;
 * ratings on notes with status NOTE_NONE are ignored.
 */
export function raterRatingStats(
  ratings: RatingsTable,
  nParticipants: number,
  status: Uint8Array,
  createdAt: Float64Array,
  latestNonNmr: Float64Array,
): RaterRatingStats {
  const z = () => new Float64Array(nParticipants);
  const s: RaterRatingStats = {
    rated: new Uint8Array(nParticipants),
    successfulHelpful: z(),
    successfulNotHelpful: z(),
    unsuccessfulHelpful: z(),
    unsuccessfulNotHelpful: z(),
    awaitingMoreRatings: z(),
    ratedAfterDecision: z(),
  };
  const count = (r: number) => {
    const u = ratings.rater[r];
    const st = status[ratings.note[r]];
    const h = ratings.helpful2[r];
    s.rated[u] = 1;
    if (st === NOTE_NMR) s.awaitingMoreRatings[u]++;
    if (st === NOTE_CRH) {
      if (h === 2) s.successfulHelpful[u]++;
      else if (h === 0) s.unsuccessfulHelpful[u]++;
    } else if (st === NOTE_CRNH) {
      if (h === 0) s.successfulNotHelpful[u]++;
      else if (h === 2) s.unsuccessfulNotHelpful[u]++;
    }
  };
  const oldNoteRatings: number[] = [];
  for (let r = 0; r < ratings.length; r++) {
    const n = ratings.note[r];
    if (status[n] === NOTE_NONE) continue;
    if (ratings.helpful2[r] === 255)
      throw new Error(`contributor scores: rating ${r} has no helpfulness answer (ratings must be preprocessed)`);
    const t = ratings.createdAt[r];
    const latest = latestNonNmr[n];
    if (t > latest) s.ratedAfterDecision[ratings.rater[r]]++;
    if (!(t - createdAt[n] < PUBLIC_TSV_TIME_DELAY)) continue;
    if (createdAt[n] < DELETED_NOTE_TOMBSTONES_LAUNCH_TIME) oldNoteRatings.push(r);
    else if (Number.isNaN(latest) || t < latest) count(r);
  }
  if (oldNoteRatings.length > 0) {
    oldNoteRatings.sort(
      (a, b) => ratings.note[a] - ratings.note[b] || ratings.createdAt[a] - ratings.createdAt[b] || a - b,
    );
    let taken = 0;
    for (let k = 0; k < oldNoteRatings.length; k++) {
      if (k > 0 && ratings.note[oldNoteRatings[k]] !== ratings.note[oldNoteRatings[k - 1]]) taken = 0;
      if (taken++ < MAX_HISTORICAL_VALID_RATINGS) count(oldNoteRatings[k]);
    }
  }
  return s;
}
