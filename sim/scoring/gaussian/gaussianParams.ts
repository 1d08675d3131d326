/** Grids and parameter sets of the Gaussian (kernel-aggregation) passes (scoring-core.md §13.2). */

/** CRH grid `quantileRange` (50 points). */
export const CRH_GRID: readonly number[] = [
  -0.92, -0.65, -0.61, -0.58, -0.55, -0.52, -0.49, -0.46, -0.43, -0.41, -0.38, -0.35, -0.33, -0.3, -0.28, -0.25, -0.22,
  -0.2, -0.17, -0.14, -0.12, -0.09, -0.07, -0.04, -0.01, 0.01, 0.04, 0.07, 0.09, 0.12, 0.14, 0.17, 0.2, 0.22, 0.25,
  0.28, 0.3, 0.33, 0.35, 0.38, 0.41, 0.43, 0.46, 0.49, 0.52, 0.55, 0.58, 0.61, 0.65, 0.92,
];

/** CRNH grid `smoothedRange` (26 points): CRH-grid indices 0, 2, ..., 24 then 25, 27, ..., 49. */
export const CRNH_GRID: readonly number[] = [
  ...CRH_GRID.filter((_, i) => i <= 24 && i % 2 === 0),
  ...CRH_GRID.filter((_, i) => i >= 25 && i % 2 === 1),
];

/** Everything one pass needs (§13.2 table plus the constants of §13.3). */
export interface GaussianPassParams {
  grid: readonly number[];
  /** kernel bandwidth h */
  bandwidth: number;
  /** s_w: prior weight scale */
  smoothingWeight: number;
  /** s_v: prior value cap */
  smoothingValue: number;
  /** B: a_n = s_w * ln(max(n, B)) / ln(B) */
  adaptiveWeightBase: number;
  /** use the factor-dependent prior (else s_v at every grid point) */
  priorFactor: boolean;
  /** extra weight on ratings with value 0 */
  negWeight: number;
  minPrior: number;
  /** a note is insufficient if some grid point's base weight is below this */
  weightLim: number;
  /** value of a somewhat-helpful rating before the flip */
  somewhatHelpfulValue: number;
  clipLower: number;
  clipUpper: number;
  /** CRNH pass: values become 1 - v, "opposite" ratings are the helpful ones */
  flip: boolean;
  /** normalise each rating's kernel row to sum 1 */
  normalize: boolean;
  /** opposite-rating multiplier M = min(pct * slope + 1, cap) */
  oppositeSlope: number;
  oppositeCap: number;
  /** s_r = 1 / (1 + exp(-steepness * (|x - m| - window))) */
  oppositeWindow: number;
  oppositeSteepness: number;
  /** fewer than this many raters with x < 0 (or x > 0) sets the prior to sparsePrior */
  minRatersPerSide: number;
  sparsePrior: number;
}

const COMMON = {
  smoothingValue: 0.35,
  adaptiveWeightBase: 9,
  priorFactor: true,
  somewhatHelpfulValue: 0.7,
  oppositeWindow: 0.14,
  oppositeSteepness: 200,
  minRatersPerSide: 3,
  sparsePrior: 0.1,
} as const;

/** CRH pass (helpfulness geometric mean). */
export const GAUSSIAN_CRH_PARAMS: GaussianPassParams = {
  ...COMMON,
  grid: CRH_GRID,
  bandwidth: 0.1,
  smoothingWeight: 0.4,
  negWeight: 1.75,
  minPrior: 0.2,
  weightLim: 1e-9,
  clipLower: 0.05,
  clipUpper: 0.8,
  flip: false,
  normalize: true,
  oppositeSlope: 3,
  oppositeCap: 2.0,
};

/** CRH pass of the topic variant (GaussianTopicScorer): bandwidth 0.05. */
export const GAUSSIAN_CRH_TOPIC_PARAMS: GaussianPassParams = { ...GAUSSIAN_CRH_PARAMS, bandwidth: 0.05 };

/** CRNH pass (not-helpfulness geometric mean). */
export const GAUSSIAN_CRNH_PARAMS: GaussianPassParams = {
  ...COMMON,
  grid: CRNH_GRID,
  bandwidth: 0.2,
  smoothingWeight: 5.0,
  negWeight: 1.25,
  minPrior: 0.3,
  weightLim: 5e-4,
  clipLower: 0.25,
  clipUpper: 0.65,
  flip: true,
  normalize: false,
  oppositeSlope: 4,
  oppositeCap: 4.0,
};
