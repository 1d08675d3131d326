import { DEFAULT_LAMBDAS, type MFLambdas } from '../mf/types.ts';

/** Thresholds of the per-scorer rule engine (scoring-core.md §11.4, §12.2). */
export interface RuleThresholds {
  crh: number;
  crnhIntercept: number;
  crnhFactorMultiplier: number;
  crnhNM: number;
  crnhUCB: number;
  noHighVol: number;
  noCorrelated: number;
  factor: number;
  lowDiligence: number;
  incorrect: number;
  inertiaDelta: number;
  tagFilterPercentile: number;
  firmReject: number | null;
  minMinorityNetHelpfulRatings: number | null;
  minMinorityNetHelpfulRatio: number | null;
}

/** Rater-helpfulness parameters (§7.5, §7.7). */
export interface HelpfulnessParams {
  minMeanNoteScore: number;
  minCRHVsCRNHRatio: number;
  minRaterAgreeRatio: number;
  harassmentThreshold: number;
  /** penalty = 10 × score / 2.0 when true; flat 10 otherwise (group 14). */
  harassmentPenaltyScaled: boolean;
}

/** Matrix-factorization settings of one scorer (§6, §12.2). */
export interface MFSettings {
  lambdas: MFLambdas;
  useGlobalIntercept: boolean;
  initLearningRate: number;
  noInitLearningRate: number;
  /** weighted ("normalized") loss variant (§6.6), group 14 only */
  weightedLoss: boolean;
}

/** One scorer instance of the catalogue (§12). */
export interface ScorerConfig {
  /** scorerName, e.g. `MFCoreScorer`, `MFGroupScorer_3` */
  name: string;
  /** output column prefix, e.g. `core`, `groupNoteIntercept_3` uses prefix `group` + suffix `_3` */
  prefix: string;
  /** suffix appended to output names before coalescing (`_3` for group 3), '' for none */
  suffix: string;
  kind: 'mf' | 'gaussian';
  /** rater groups in scope; null = all raters */
  groups: number[] | null;
  includeUnassigned: boolean;
  strictInclusion: boolean;
  captureThreshold: number | null;
  /** included topic ids; null = all */
  topics: number[] | null;
  excludeTopics: boolean;
  stableInit: boolean;
  pseudoRaters: boolean;
  /** rater-helpfulness filter (`useReputation`); off for topic scorers */
  useReputation: boolean;
  prescoring: boolean;
  finalScoring: boolean;
  /** the prescoring output used in final scoring (Gaussian scorers reuse an MF scorer's) */
  prescoringName: string;
  mf: MFSettings;
  thresholds: RuleThresholds;
  helpfulness: HelpfulnessParams;
}

export const DEFAULT_THRESHOLDS: RuleThresholds = {
  crh: 0.4,
  crnhIntercept: -0.05,
  crnhFactorMultiplier: -0.8,
  crnhNM: -0.15,
  crnhUCB: -0.04,
  noHighVol: 0.37,
  noCorrelated: 0.37,
  factor: 0.5,
  lowDiligence: 0.263,
  incorrect: 2.5,
  inertiaDelta: 0.01,
  tagFilterPercentile: 95,
  firmReject: null,
  minMinorityNetHelpfulRatings: null,
  minMinorityNetHelpfulRatio: null,
};

export const DEFAULT_HELPFULNESS: HelpfulnessParams = {
  minMeanNoteScore: 0.05,
  minCRHVsCRNHRatio: 0.0,
  minRaterAgreeRatio: 0.66,
  harassmentThreshold: 2.0,
  harassmentPenaltyScaled: true,
};

export const DEFAULT_MF: MFSettings = {
  lambdas: DEFAULT_LAMBDAS,
  useGlobalIntercept: true,
  initLearningRate: 0.2,
  noInitLearningRate: 1.0,
  weightedLoss: false,
};
