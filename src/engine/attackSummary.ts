/**
 * Attack success of a finished run against its counterfactual, for the UI: sim's attackReport (as runExperiment
 * reports it), the flip and preview deltas picked out typed, and the targets' Helpful share over time.
 */
import { attackReport } from '../../sim/engine/runExperiment.ts';
import type { SimulationResult } from '../../sim/engine/runSimulation.ts';
import type { SimulationMetrics } from '../../sim/metrics/simulationMetrics.ts';
import type { AttackDeltas, AttackSummary } from './engineTypes.ts';
import { targetHelpfulShare } from '../../sim/metrics/targetHelpfulShare.ts';

/**
 * Takes the run with adversaries, its counterfactual (same world and seed, withAdversaries false), their metrics and
 * the counterfactual's wall time; returns the AttackSummary the Robustness page shows.
 */
export function attackSummary(
  attack: SimulationResult,
  counterfactual: SimulationResult,
  attackMetrics: SimulationMetrics,
  counterfactualMetrics: SimulationMetrics,
  millis: number,
): AttackSummary {
  const report = attackReport(attack, counterfactual, attackMetrics, counterfactualMetrics);
  return {
    report,
    deltas: typedDeltas(report.deltas),
    counterfactual: counterfactualMetrics,
    targetHelpful: targetHelpfulShare(attack, counterfactual),
    millis,
  };
}

function typedDeltas(deltas: unknown): AttackDeltas {
  const at = (group: string, key: string): number => {
    const g = (deltas as Record<string, unknown> | null)?.[group];
    const v = g !== null && typeof g === 'object' ? (g as Record<string, unknown>)[key] : undefined;
    return typeof v === 'number' ? v : NaN;
  };
  return {
    flips: {
      total: at('flips', 'total'),
      notesLosingHelpful: at('flips', 'notesLosingHelpful'),
      notesFlippingRepeatedly: at('flips', 'notesFlippingRepeatedly'),
    },
    previewExposure: {
      notesEverInPreview: at('previewExposure', 'notesEverInPreview'),
      previewHours: at('previewExposure', 'previewHours'),
      previewsReleasedToHelpful: at('previewExposure', 'previewsReleasedToHelpful'),
      previewsEndedOtherwise: at('previewExposure', 'previewsEndedOtherwise'),
      notesEverNeedsYourHelp: at('previewExposure', 'notesEverNeedsYourHelp'),
    },
  };
}
