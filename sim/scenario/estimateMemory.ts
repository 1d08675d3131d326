import type { Scenario } from './scenarioTypes.ts';
import { ScenarioError } from './validateScenario.ts';

/**
 * Peak resident memory of `bridgelab simulate`, as a linear model of the world's size. Fitted on 2026-12-04 to
 * peak RSS (GNU time) of one-run simulations (2 days, one scoring a day, no adversaries), Node 20:
 * (raters, notes, ratings) = (500, 250, 15 k) 150 MB; (2000, 1000, 60 k) 207 MB; (2000, 1000, 240 k) 326 MB;
 * (8000, 1000, 60 k) 244 MB; (2000, 4000, 60 k) 218 MB. Rounded up: the marginal costs are 660 B a rating
 * (the public-format tables, every scorer's MF and diligence layouts, clustering), 6.2 KB a rater and 3.7 KB a
 * note. Each extra run of an experiment (counterfactual, A/B) keeps its results: `perExtraRun` of the main peak
 * above the base (measured: a pile-on world of 62 k ratings peaked at 215 MB alone, 227 MB with its counterfactual).
 */
export const SIMULATION_MEMORY = {
  baseBytes: 140e6,
  perRating: 700,
  perRater: 6_500,
  perNote: 4_000,
  perExtraRun: 0.25,
} as const;

/** What a scenario is expected to need. */
export interface MemoryEstimate {
  bytes: number;
  ratings: number;
  raters: number;
  notes: number;
  /** experiment runs: main, counterfactual, A/B and its counterfactual */
  runs: number;
}

/**
 * The memory a scenario needs, from its world size, its adversaries' accounts and rating budgets (plus
 * camouflage ratings over the simulated days) and its experiment runs (see SIMULATION_MEMORY).
 *
 * @example estimateScenarioMemory(validateScenario({ world: { ratings: 1e8 } })).bytes // ≈ 7e10
 */
export function estimateScenarioMemory(s: Scenario): MemoryEstimate {
  const days = s.time.days;
  let ratings = s.world.ratings;
  let raters = s.world.raters + s.world.aiWriters;
  let notes = s.world.notes;
  for (const a of s.adversaries) {
    raters += a.size;
    ratings += a.budget + a.size * a.camouflageRatingsPerDay * days;
    if (a.kind === 'coordinatedRing') ratings += a.size * a.sharedCamouflagePerDay * days;
    if (a.kind === 'writerRaterCollusion') {
      raters += a.writers;
      notes += a.writers * a.notesPerWriter;
    }
  }
  const attacked = s.adversaries.length > 0 && s.compare.counterfactual;
  const ab = s.compare.abDisabledRules.length > 0;
  const runs = 1 + (attacked ? 1 : 0) + (ab ? 1 + (attacked ? 1 : 0) : 0);
  const m = SIMULATION_MEMORY;
  const one = m.baseBytes + m.perRating * ratings + m.perRater * raters + m.perNote * notes;
  const bytes = one + (runs - 1) * m.perExtraRun * (one - m.baseBytes);
  return { bytes: Math.round(bytes), ratings: Math.round(ratings), raters, notes, runs };
}

/**
 * Throws a ScenarioError (on `scenario.world.ratings`, the usual culprit) when the estimate exceeds `limitBytes`,
 * with the estimate, its parts and the limit in the message; returns the estimate otherwise. sim/ stays pure: the
 * caller supplies the limit (the CLI: the machine's memory).
 */
export function checkScenarioMemory(s: Scenario, limitBytes: number): MemoryEstimate {
  const e = estimateScenarioMemory(s);
  if (e.bytes > limitBytes) {
    throw new ScenarioError(
      'scenario.world.ratings',
      s.world.ratings,
      `the scenario needs about ${formatBytes(e.bytes)} of memory (${e.ratings} ratings, ${e.raters} raters, ` +
        `${e.notes} notes, ${e.runs} run(s)), more than the ${formatBytes(limitBytes)} available; ` +
        `lower world.ratings, world.raters, world.notes or the adversaries' budgets`,
    );
  }
  return e;
}

/** `1.2 GB`, `350 MB` (decimal units). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}
