import { CORE_SCORER } from './catalogue.ts';

/** The status thresholds of the core scorer (§11.4), for drawing the Helpful / Not Helpful regions. */
export interface CoreThresholds {
  crh: number;
  crnhIntercept: number;
  crnhFactorMultiplier: number;
  /** |factor| above this keeps a note out of Helpful (FilterLargeFactor) */
  factor: number;
}

/** The core scorer's status thresholds, as in the catalogue. */
export function coreThresholds(): CoreThresholds {
  const t = CORE_SCORER.thresholds;
  return { crh: t.crh, crnhIntercept: t.crnhIntercept, crnhFactorMultiplier: t.crnhFactorMultiplier, factor: t.factor };
}
