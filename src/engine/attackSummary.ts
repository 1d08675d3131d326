/**
 * Attack success of a finished run against its counterfactual, for the UI: sim's attackReport (as runExperiment
 * reports it) and the targets' Helpful share over time.
 */
import { attackReport, targetHelpfulShare, type SimulationMetrics, type SimulationResult } from '../../sim/index.ts';
import type { AttackSummary } from './engineTypes.ts';

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
  return {
    report: attackReport(attack, counterfactual, attackMetrics, counterfactualMetrics),
    counterfactual: counterfactualMetrics,
    targetHelpful: targetHelpfulShare(attack, counterfactual),
    millis,
  };
}
