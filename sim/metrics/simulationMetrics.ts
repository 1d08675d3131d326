import type { SimulationResult } from '../engine/runSimulation.ts';
import { detection, type Detection } from './detection.ts';
import { distribution, ratio, type Distribution } from './distribution.ts';
import { flips, type Flips } from './flips.ts';
import { helpfulHours } from './helpfulHours.ts';
import { helpfulVsTruth, type HelpfulVsTruth } from './helpfulVsTruth.ts';
import { postMetrics, type PostMetrics } from './postMetrics.ts';
import { previewExposure, type PreviewExposure } from './previewExposure.ts';
import { publicationMetrics } from './publicationMetrics.ts';
import { rulesFired, type RulesFired } from './rulesFired.ts';
import { hoursToFirstHelpful, hoursToFirstPreview } from './timeToHelpful.ts';

/** Every metric of one simulation run. */
export interface SimulationMetrics {
  label: string;
  seed: number;
  withAdversaries: boolean;
  disabledRules: string[];
  notes: number;
  ratings: number;
  runs: number;
  /** runs whose scoring failed (statuses carried over), with the reason */
  failedRuns: { time: number; error: string }[];
  ratingSources: SimulationResult['sources'];
  /** final statuses vs truth, over all notes and over organic notes only */
  helpfulVsTruth: { all: HelpfulVsTruth; organic: HelpfulVsTruth };
  /** share of Helpful note-hours spent on truly helpful / truly unhelpful organic notes */
  helpfulHours: { total: number; onTrulyHelpfulShare: number; onTrulyUnhelpfulShare: number };
  flips: Flips;
  /** hours from creation to the first Helpful / preview run, organic notes that got there */
  hoursToFirstHelpful: Distribution;
  hoursToFirstPreview: Distribution;
  previewExposure: PreviewExposure;
  rulesFired: RulesFired;
  /** detectors of the last scoring run (null when no run succeeded) */
  detection: Detection | null;
  /** the post pilot (§12); absent when the scenario has none (metrics.json of post-free runs unchanged) */
  posts?: PostMetrics;
  /**
   * Latent worlds only (world.model "latent"): suppression, pollution, infiltration and waste by the study's rule on
   * the Core model (`rule`) and by final status (`status`), all notes and split by true and inferred side.
   */
  publication?: ReturnType<typeof publicationMetrics>;
}

/**
 * Computes the metrics of a finished run from its truth (the world) and its outputs (the status timeline and the
 * last scoring result).
 */
export function simulationMetrics(result: SimulationResult): SimulationMetrics {
  const { world, timeline, scenario } = result;
  const runs = timeline.runs;
  const last = [...runs].reverse().find((r) => r.error === null);
  const organic = (n: number) => world.organicNote[n] === 1;
  const { helpfulThreshold: good, unhelpfulThreshold: bad } = scenario.metrics;
  const emptyRun = {
    time: world.end,
    notes: 0,
    ratings: 0,
    status: new Uint8Array(0),
    coreStatus: new Uint8Array(0),
    preview: new Uint8Array(0),
    decidedBy: new Uint16Array(0),
    intercept: new Float32Array(0),
    rules: {},
    error: null,
  };
  const final = last ?? emptyRun;
  const hours = helpfulHours(runs, world.end);
  let total = 0;
  let onGood = 0;
  let onBad = 0;
  for (let n = 0; n < hours.length; n++) {
    if (!organic(n)) continue;
    total += hours[n];
    if (world.notes.helpfulness[n] >= good) onGood += hours[n];
    if (world.notes.helpfulness[n] < bad) onBad += hours[n];
  }
  const pick = (values: Float64Array) => distribution(Array.from(values).filter((_, n) => organic(n)));
  return {
    label: result.label,
    seed: result.seed,
    withAdversaries: result.withAdversaries,
    disabledRules: result.disabledRules,
    notes: result.dataset.notes.length,
    ratings: result.dataset.ratings.length,
    runs: runs.length,
    failedRuns: runs.filter((r) => r.error !== null).map((r) => ({ time: r.time, error: r.error as string })),
    ratingSources: result.sources,
    helpfulVsTruth: {
      all: helpfulVsTruth(world.notes, final, good, bad),
      organic: helpfulVsTruth(world.notes, final, good, bad, organic),
    },
    helpfulHours: { total, onTrulyHelpfulShare: ratio(onGood, total), onTrulyUnhelpfulShare: ratio(onBad, total) },
    flips: flips(runs),
    hoursToFirstHelpful: pick(hoursToFirstHelpful(world.notes, runs)),
    hoursToFirstPreview: pick(hoursToFirstPreview(world.notes, runs)),
    previewExposure: previewExposure(runs, world.end),
    rulesFired: rulesFired(runs, timeline.decidedByNames),
    detection: result.lastResult ? detection(result.lastResult.run, world.participants, result.adversaries) : null,
    ...(result.posts ? { posts: postMetrics(result.posts) } : {}),
    ...(scenario.world.model === 'latent' ? { publication: publicationMetrics(result) } : {}),
  };
}
