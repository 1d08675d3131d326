import type { RatingsTable } from '../../data/tables.ts';
import type { HelpfulnessParams } from '../scorers/scorerConfig.ts';
import { LABEL_CRH, LABEL_CRNH, type ValidRatingCounts } from './validRatings.ts';

/** Author standards over the notes a model scored (§7.5, author part), per participant; NaN = not an author. */
export interface AuthorStats {
  crhCrnhRatioDifference: Float64Array;
  meanNoteScore: Float64Array;
}

/** `notes` = global note indices with an intercept; `label` per global note; `author` per global note. */
export function computeAuthorStats(
  notes: Int32Array,
  intercept: Float64Array,
  label: Uint8Array,
  author: Int32Array,
  nParticipants: number,
): AuthorStats {
  const count = new Float64Array(nParticipants);
  const crh = new Float64Array(nParticipants);
  const crnh = new Float64Array(nParticipants);
  const sum = new Float64Array(nParticipants);
  for (const n of notes) {
    const a = author[n];
    if (a < 0) continue;
    count[a]++;
    sum[a] += intercept[n];
    if (label[n] === LABEL_CRH) crh[a]++;
    else if (label[n] === LABEL_CRNH) crnh[a]++;
  }
  const out: AuthorStats = {
    crhCrnhRatioDifference: new Float64Array(nParticipants).fill(NaN),
    meanNoteScore: new Float64Array(nParticipants).fill(NaN),
  };
  for (let a = 0; a < nParticipants; a++) {
    if (count[a] === 0) continue;
    out.crhCrnhRatioDifference[a] = crh[a] / count[a] - 5.0 * (crnh[a] / count[a]);
    out.meanNoteScore[a] = sum[a] / count[a];
  }
  return out;
}

/** Helpfulness verdict per participant (§7.5/§7.7): 1 above threshold, 0 not; plus the ratio columns. */
export interface Helpfulness {
  raterAgreeRatio: Float64Array;
  raterAgreeRatioKeyWithHarassmentAbusePenalty: Float64Array;
  totalHelpfulHarassmentPenalty: Float64Array;
  aboveHelpfulnessThreshold: Uint8Array;
  /** participant has a helpfulness row (an author or a rater with valid ratings) */
  hasRow: Uint8Array;
}

export function computeHelpfulness(
  authors: AuthorStats,
  valid: ValidRatingCounts,
  penalty: Float64Array,
  params: HelpfulnessParams,
): Helpfulness {
  const n = penalty.length;
  const h: Helpfulness = {
    raterAgreeRatio: new Float64Array(n).fill(NaN),
    raterAgreeRatioKeyWithHarassmentAbusePenalty: new Float64Array(n).fill(NaN),
    totalHelpfulHarassmentPenalty: new Float64Array(n).fill(NaN),
    aboveHelpfulnessThreshold: new Uint8Array(n),
    hasRow: new Uint8Array(n),
  };
  for (let u = 0; u < n; u++) {
    const isAuthor = !Number.isNaN(authors.crhCrnhRatioDifference[u]);
    const rated = !Number.isNaN(valid.ratingCount[u]);
    if (!isAuthor && !rated) continue;
    h.hasRow[u] = 1;
    h.totalHelpfulHarassmentPenalty[u] = penalty[u];
    const agree = valid.agreeCount[u] / valid.ratingCount[u];
    h.raterAgreeRatio[u] = agree;
    const key = (valid.agreeCount[u] - penalty[u]) / valid.ratingCount[u];
    h.raterAgreeRatioKeyWithHarassmentAbusePenalty[u] = key;
    const authorOk =
      (authors.crhCrnhRatioDifference[u] >= params.minCRHVsCRNHRatio &&
        authors.meanNoteScore[u] >= params.minMeanNoteScore) ||
      (!isAuthor && Number.isNaN(authors.meanNoteScore[u]));
    h.aboveHelpfulnessThreshold[u] =
      authorOk && agree >= params.minRaterAgreeRatio && key >= params.minRaterAgreeRatio ? 1 : 0;
  }
  return h;
}

/** Harassment penalty per participant (§7.7) from helpful ratings on abusive notes. */
export function harassmentPenalty(
  ratings: RatingsTable,
  rows: Int32Array,
  harassmentIntercept: Float64Array,
  params: HelpfulnessParams,
  nParticipants: number,
): Float64Array {
  const out = new Float64Array(nParticipants);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (ratings.helpful2[i] !== 2) continue;
    const s = harassmentIntercept[ratings.note[i]];
    if (!(s >= params.harassmentThreshold)) continue;
    out[ratings.rater[i]] += params.harassmentPenaltyScaled ? (10 * s) / 2.0 : 10;
  }
  return out;
}
