/**
 * The Gaussian scorer's note intercept (scoring-core.md §13.4): a CRH pass (with the authors'
 * synthetic helpful rows) and a CRNH pass (without), combined by magnitude.
 */
import { GAUSSIAN_CRH_PARAMS, GAUSSIAN_CRNH_PARAMS, type GaussianPassParams } from './gaussianParams.ts';
import { gaussianPass, type GaussianRatings } from './gaussianPass.ts';

/** Synthetic author self-ratings (helpfulNum 1), one per note whose author has a factor and did not rate it. */
export interface GaussianAuthorRows {
  note: Int32Array;
  x: Float32Array | Float64Array;
}

export interface GaussianNoteScoresInput {
  nNotes: number;
  /** the final-round ratings, each with its rater's prescoring factor */
  ratings: GaussianRatings;
  /** appended to the CRH pass only (§13.1); the caller decides which authors qualify */
  authorRows?: GaussianAuthorRows;
  /** defaults: GAUSSIAN_CRH_PARAMS (GAUSSIAN_CRH_TOPIC_PARAMS for the topic scorer), GAUSSIAN_CRNH_PARAMS */
  crhParams?: GaussianPassParams;
  crnhParams?: GaussianPassParams;
}

/** Per note (NaN for notes without ratings). */
export interface GaussianNoteScores {
  /** internalNoteIntercept: crnhScore if |crhScore| < |crnhScore|, else crhScore */
  intercept: Float64Array;
  /** CRH pass score, in [clipLower, clipUpper] = [0.05, 0.8], or 0 when insufficient */
  crhScore: Float64Array;
  /** minus the CRNH pass score: in [-0.65, -0.25], or 0 when insufficient */
  crnhScore: Float64Array;
  /** g_n of the CRH pass: the factor fallback when the note-factor MF gives none */
  gFactor: Float64Array;
}

function withAuthorRows(ratings: GaussianRatings, rows: GaussianAuthorRows): GaussianRatings {
  if (rows.x.length !== rows.note.length) {
    throw new Error(`gaussian: authorRows note/x lengths differ (${rows.note.length}, ${rows.x.length})`);
  }
  const R = ratings.note.length;
  const A = rows.note.length;
  const note = new Int32Array(R + A);
  const x = new Float64Array(R + A);
  const y = new Float64Array(R + A);
  note.set(ratings.note);
  note.set(rows.note, R);
  x.set(ratings.x);
  x.set(rows.x, R);
  y.set(ratings.y);
  y.fill(1, R);
  return { note, x, y };
}

/**
 * Score every note with both passes and combine them.
 *
 * @example const { intercept, gFactor } = gaussianNoteScores({ nNotes, ratings, authorRows });
 */
export function gaussianNoteScores(input: GaussianNoteScoresInput): GaussianNoteScores {
  const { nNotes, ratings } = input;
  const crhRatings = input.authorRows === undefined ? ratings : withAuthorRows(ratings, input.authorRows);
  const crh = gaussianPass(crhRatings, nNotes, input.crhParams ?? GAUSSIAN_CRH_PARAMS);
  const crnh = gaussianPass(ratings, nNotes, input.crnhParams ?? GAUSSIAN_CRNH_PARAMS);
  const intercept = new Float64Array(nNotes);
  const crnhScore = new Float64Array(nNotes);
  for (let n = 0; n < nNotes; n++) {
    const h = crh.score[n];
    const nh = crnh.score[n] === 0 ? 0 : -crnh.score[n];
    crnhScore[n] = nh;
    intercept[n] = Math.abs(h) < Math.abs(nh) ? nh : h;
  }
  return { intercept, crhScore: crh.score, crnhScore, gFactor: crh.gFactor };
}
