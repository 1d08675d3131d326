/**
 * The matrix-factorization model shared by every engine (scoring-core.md §6).
 *
 *   pred(u, n) = mu + b_u + b_n + f_u * f_n      (mu omitted when useGlobalIntercept is false)
 *
 * An engine fits one problem: ratings given as dense local indices (0..nNotes-1, 0..nRaters-1).
 */

/** Training ratings as columns. `target` is helpfulNum (0, 0.5, 1) or a 0/1 label (logistic). */
export interface MFProblem {
  nNotes: number;
  nRaters: number;
  note: Int32Array;
  rater: Int32Array;
  target: Float32Array;
  /** Per-rating loss weight (weighted-loss variant, §6.6); absent = all 1. */
  weight?: Float32Array;
}

/** Model parameters. Factors are 1-D (numFactors = 1). */
export interface MFParams {
  noteIntercept: Float32Array;
  noteFactor: Float32Array;
  raterIntercept: Float32Array;
  raterFactor: Float32Array;
  globalIntercept: number;
}

export interface MFLambdas {
  /** userFactorLambda (default 0.03) */
  raterFactor: number;
  /** noteFactorLambda (0.03) */
  noteFactor: number;
  /** userInterceptLambda (0.15) */
  raterIntercept: number;
  /** noteInterceptLambda (0.15) */
  noteIntercept: number;
  /** globalInterceptLambda (0.15) */
  globalIntercept: number;
  /** diamondLambda (0): lam_d * mean_n |f_n * b_n| */
  diamond: number;
}

export const DEFAULT_LAMBDAS: MFLambdas = {
  raterFactor: 0.03,
  noteFactor: 0.03,
  raterIntercept: 0.15,
  noteIntercept: 0.15,
  globalIntercept: 0.15,
  diamond: 0,
};

export type MFLoss = 'squared' | 'logistic';

export interface MFFitOptions {
  lambdas: MFLambdas;
  learningRate: number;
  useGlobalIntercept: boolean;
  freezeNotes: boolean;
  freezeRaters: boolean;
  freezeGlobal: boolean;
  /** 'squared' = mean (w ·) (target - pred)^2; 'logistic' = BCE with logits and pos_weight. */
  loss: MFLoss;
  /** BCE pos_weight (logistic loss only). */
  posWeight?: number;
  /**
   * ratingPerNoteLossRatio: when set, note reg terms use sum_n(...) / (R / rho) instead of mean_n(...).
   */
  ratingPerNoteLossRatio?: number;
  /** ratingPerUserLossRatio: the same for rater terms. */
  ratingPerUserLossRatio?: number;
  /** |loss_t - loss_{t-1}| <= convergence stops (1e-7). */
  convergence: number;
  /** Hard cap on epochs as a safety net against non-convergence (reference has none). */
  maxEpochs: number;
  /** Clip the global L2 norm of the gradient to this (1.0). */
  clipNorm: number;
}

export const DEFAULT_FIT_OPTIONS: Omit<MFFitOptions, 'learningRate'> = {
  lambdas: DEFAULT_LAMBDAS,
  useGlobalIntercept: true,
  freezeNotes: false,
  freezeRaters: false,
  freezeGlobal: false,
  loss: 'squared',
  convergence: 1e-7,
  maxEpochs: 20_000,
  clipNorm: 1.0,
};

export interface MFFitResult {
  params: MFParams;
  /** final regularized loss */
  loss: number;
  epochs: number;
  /** unregularized, unweighted mean data loss after convergence (§6.4 "final train error") */
  trainError: number;
}

/** One engine interface, several implementations (typed-array loop, TensorFlow.js). */
export interface MFEngine {
  readonly name: string;
  /** Fit from `init` (copied, never mutated). */
  fit(problem: MFProblem, init: MFParams, options: MFFitOptions): Promise<MFFitResult>;
}
