/**
 * The share of an attack's target notes shown as Helpful after each scoring run, in the run with the attack and in
 * its counterfactual (same world and seed, no adversaries): attack success over time (attackSuccess reports the
 * end state).
 */
import type { SimulationResult } from '../engine/runSimulation.ts';
import { StatusCode } from '../scoring/noteStatus.ts';

/** The share of an attack's target notes shown as Helpful at each scoring run, with and without the attack. */
export interface TargetHelpfulSeries {
  /** scoring-run times, ms */
  time: Float64Array;
  /** Helpful targets / targets that had appeared, in the run with the attack (NaN before any appeared) */
  withAttack: Float64Array;
  /** the same in the counterfactual, over the targets that exist there (the attacker's own notes do not) */
  without: Float64Array;
  /** distinct target notes of all adversaries */
  targets: number;
}

/**
 * Takes the run with adversaries and its counterfactual; returns, at each scoring run of the attacked run, the
 * share of the targets (of every adversary) that had appeared and were Helpful, and the same share in the
 * counterfactual run at the same time over the targets that exist there (notes matched by id). NaN where no target
 * had appeared yet.
 *
 * @example const s = targetHelpfulShare(attacked, counterfactual); s.withAttack[s.time.length - 1];
 */
export function targetHelpfulShare(attack: SimulationResult, counterfactual: SimulationResult): TargetHelpfulSeries {
  const cfIndex = new Map<string, number>();
  counterfactual.world.notes.id.forEach((id, m) => cfIndex.set(id, m));
  const targets = [...new Set(attack.adversaries.flatMap((a) => Array.from(a.targets)))].sort((x, y) => x - y);
  const matched = targets.map((n) => cfIndex.get(attack.world.notes.id[n]) ?? -1);
  const cfRuns = new Map(counterfactual.timeline.runs.map((r) => [r.time, r]));
  const runs = attack.timeline.runs;
  const out: TargetHelpfulSeries = {
    time: Float64Array.from(runs, (r) => r.time),
    withAttack: new Float64Array(runs.length).fill(NaN),
    without: new Float64Array(runs.length).fill(NaN),
    targets: targets.length,
  };
  runs.forEach((run, k) => {
    let seen = 0;
    let helpful = 0;
    for (const n of targets) {
      if (n >= run.notes) continue;
      seen++;
      if (run.status[n] === StatusCode.CRH) helpful++;
    }
    if (seen > 0) out.withAttack[k] = helpful / seen;
    const cf = cfRuns.get(run.time);
    if (!cf) return;
    seen = 0;
    helpful = 0;
    for (const m of matched) {
      if (m < 0 || m >= cf.notes) continue;
      seen++;
      if (cf.status[m] === StatusCode.CRH) helpful++;
    }
    if (seen > 0) out.without[k] = helpful / seen;
  });
  return out;
}
