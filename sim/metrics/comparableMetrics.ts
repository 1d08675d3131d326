import type { MetricDeltas } from './metricDeltas.ts';
import type { SimulationMetrics } from './simulationMetrics.ts';

/** The parts of a run's metrics that make sense to subtract between runs of one world. */
export interface ComparableMetrics {
  helpfulVsTruth: SimulationMetrics['helpfulVsTruth'];
  helpfulHours: SimulationMetrics['helpfulHours'];
  flips: SimulationMetrics['flips'];
  hoursToFirstHelpful: SimulationMetrics['hoursToFirstHelpful'];
  hoursToFirstPreview: SimulationMetrics['hoursToFirstPreview'];
  previewExposure: SimulationMetrics['previewExposure'];
  decidedBy: SimulationMetrics['rulesFired']['decidedBy'];
  rulesLastRun: SimulationMetrics['rulesFired']['lastRun'];
}

/** `metricDeltas` of two runs' comparable metrics (second minus first). */
export type ComparableDeltas = MetricDeltas<ComparableMetrics>;

/** Picks the comparable metrics out of a run's metrics. */
export function comparable(m: SimulationMetrics): ComparableMetrics {
  return {
    helpfulVsTruth: m.helpfulVsTruth,
    helpfulHours: m.helpfulHours,
    flips: m.flips,
    hoursToFirstHelpful: m.hoursToFirstHelpful,
    hoursToFirstPreview: m.hoursToFirstPreview,
    previewExposure: m.previewExposure,
    decidedBy: m.rulesFired.decidedBy,
    rulesLastRun: m.rulesFired.lastRun,
  };
}
