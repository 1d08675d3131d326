import type { RatingsTable, StatusHistoryTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import type { ColumnKind } from './rawColumns.ts';

/** What the flip-prediction model reads (scoring-robustness.md §10.2); plain columns, global note/participant indices. */
export interface PflipInput {
  /** ratings after preprocessing; `note` / `rater` index `info` and `raterFactor` */
  ratings: RatingsTable;
  /** per global note: author, creation time, post id, classification */
  info: NoteInfo;
  /** the previous run's note status history (labels, stabilization timers, first non-NMR statuses) */
  statusHistory: StatusHistoryTable;
  /** per participant: Core prescoring rater factor (else Expansion, else ExpansionPlus), NaN = none */
  raterFactor: Float64Array;
  /** scoring time, ms since epoch ("the present" of the RECENT_m features at prediction) */
  now: number;
}

/** Settings of trainPflipModel; every field has the reference's default. */
export interface PflipOptions {
  /** seed of the 90/10 train/validation split (default 0) */
  seed?: number;
  /** inverse L1 strength: objective ‖w‖₁ + C·Σ logloss (0.04) */
  C?: number;
  /** target false-positive rate (true CRH predicted FLIP) of the decision threshold on the training split (0.6) */
  crhFpRate?: number;
  /** share of labelled notes in the training split (0.9) */
  trainFraction?: number;
  /** fewer labelled notes than this: fallback (50) */
  minLabelledNotes?: number;
  /** fewer labelled notes of either class than this: fallback (10) */
  minNotesPerClass?: number;
  /** only notes on posts with a larger id are trained on (1825679568688054351, about 2024-08-19); "0" keeps all */
  minTweetId?: string;
  /** training cutoffs sit this many minutes before the status event (15) */
  ratingRecencyCutoffMinutes?: number;
  /** outer solver iterations at most (2500) */
  maxEpochs?: number;
  /** stop when the summed optimality violation falls below tol × its first-epoch value (1e-4) */
  tol?: number;
}

/** Sizes and quality figures of a trained model (rows: each labelled note appears twice, see §10.2). */
export interface PflipStats {
  labelledNotes: number;
  crhNotes: number;
  flipNotes: number;
  trainRows: number;
  validationRows: number;
  /** binary features after the variance filter */
  features: number;
  nonZeroWeights: number;
  epochs: number;
  converged: boolean;
  /** on the training split, at the chosen threshold */
  trainAuc: number;
  trainTpr: number;
  trainFpr: number;
  /** on the held-out split (NaN when it lacks a class) */
  validationAuc: number;
  validationTpr: number;
  validationFpr: number;
}

/** Fitted transform of one raw column: clip at `clipHigh` (per kind), then bin with `edges`. */
export interface ColumnTransform {
  kind: ColumnKind;
  clipHigh: number;
  /** inner k-means bin edges of the transformed value */
  edges: Float64Array;
}

/**
 * The fitted feature pipeline: per raw column a transform and one-hot bins, pairwise crosses of bins inside
 * `crossGroups`, and token features (author, "rater:level" per scope). `index` maps a feature key to its column
 * in the binary design matrix; keys unseen in training, constant in training, or (crosses) rarer than the variance
 * threshold are absent and ignored at encoding time.
 */
export interface FeatureEncoder {
  columns: ColumnTransform[];
  crossGroups: number[][];
  index: Map<number, number>;
  nFeatures: number;
}

/** A trained flip predictor: score = intercept + Σ weights of the active binary features; FLIP iff score > threshold. */
export interface PflipModel {
  encoder: FeatureEncoder;
  /** one weight per encoder feature */
  weights: Float64Array;
  intercept: number;
  threshold: number;
  stats: PflipStats;
}

/** Why no model was trained, with the label counts that were found. */
export interface PflipFallback {
  fallback: string;
  labelledNotes: number;
  crhNotes: number;
  flipNotes: number;
}

/** Per universe note: 'CRH' | 'FLIP' for the notes that get a prediction (§10.1), else null; proba NaN when null. */
export interface PflipPrediction {
  label: (string | null)[];
  /** sigmoid of the decision score: estimated probability of FLIP */
  proba: Float64Array;
  /** number of notes that got a prediction */
  predicted: number;
}

export const PFLIP_CRH = 'CRH';
export const PFLIP_FLIP = 'FLIP';
