/**
 * A tiny attacked world (120 raters, 30 notes, two days, a coordinated ring) run with its counterfactual and an A/B,
 * small enough for a test (a few seconds) yet with Helpful notes, detections and an attack to chart.
 */
import { runExperiment, validateScenario, type ExperimentResult } from '../../sim/index.ts';

export const TINY_SCENARIO = {
  name: 'tiny-ring',
  description: 'A tiny world with a coordinated ring, for the notebook report tests.',
  seed: 7,
  world: { raters: 120, notes: 30, ratings: 2500, mainGroupFraction: 1, groupLocality: 0, topicFraction: 0 },
  time: { days: 2, stepMinutes: 60, scoringEveryHours: 8 },
  scoring: { scorers: ['MFCoreScorer'] },
  compare: { counterfactual: true, abDisabledRules: ['PostSelectionCoalescing', 'NoCorrelatedIntercept'] },
  adversaries: [
    {
      kind: 'coordinatedRing',
      label: 'ring',
      size: 6,
      perspective: 0.3,
      startHours: 24,
      durationHours: 18,
      latencyMinutes: 10,
      spreadMinutes: 5,
      budget: 100,
      verdict: 'HELPFUL',
      camouflageRatingsPerDay: 0,
      sharedCamouflagePerDay: 10,
      targets: { selector: 'slant', side: -1, count: 10, includeExisting: false },
    },
  ],
};

/** Runs the tiny experiment (deterministic: fixed seed, no clock in the result the charts read). */
export function tinyExperiment(): Promise<ExperimentResult> {
  const scenario = validateScenario(TINY_SCENARIO);
  return runExperiment(scenario, { seed: scenario.seed, clock: () => 0 });
}
