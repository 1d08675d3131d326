import type { RatingsTable } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import { diligenceTargets, fitDiligenceFinal, fitDiligencePrescoring } from '../diligence/diligenceModel.ts';
import type { MFProblem } from '../mf/types.ts';
import { LOW_DILIGENCE_MODEL, safeguardEnabled } from '../pipelineSafeguards.ts';
import { localIndex, type RaterTable } from './fitModel.ts';
import type { DiligencePrescoring, PrescoringResult } from './prescoringResult.ts';
import type { ScorerContext } from './runContext.ts';

function problemOf(ctx: ScorerContext, ratings: RatingsTable, rows: Int32Array) {
  const notes = localIndex(
    Int32Array.from(rows, (i) => ratings.note[i]),
    ctx.nNotes,
  );
  const raters = localIndex(
    Int32Array.from(rows, (i) => ratings.rater[i]),
    ctx.nParticipants,
  );
  const problem: MFProblem = {
    nNotes: notes.globalOf.length,
    nRaters: raters.globalOf.length,
    note: notes.local,
    rater: raters.local,
    target: diligenceTargets(ratings.flags, rows),
  };
  return { problem, notes: notes.globalOf, raters: raters.globalOf };
}

const scatter = (values: Float32Array, globalOf: Int32Array, n: number) => {
  const out = new Float64Array(n).fill(NaN);
  globalOf.forEach((g, l) => (out[g] = values[l]));
  return out;
};
const gather = (values: Float64Array, globalOf: Int32Array) => Float64Array.from(globalOf, (g) => values[g]);

/** §8.2 on the final-round ratings, rater factors seeded from the helpfulness model's final-round factors. */
export async function runDiligencePrescoring(
  ctx: ScorerContext,
  ratings: RatingsTable,
  rows: Int32Array,
  raterFactors: RaterTable,
  random: RandomSource,
): Promise<DiligencePrescoring | null> {
  if (rows.length === 0 || !safeguardEnabled(ctx.disabledRules, LOW_DILIGENCE_MODEL)) return null;
  const { problem, notes, raters } = problemOf(ctx, ratings, rows);
  const fit = fitDiligencePrescoring(problem, gather(raterFactors.factor, raters), random);
  const nN = ctx.nNotes;
  const nU = ctx.nParticipants;
  return {
    noteIntercept: scatter(fit.noteIntercept, notes, nN),
    noteFactor: scatter(fit.noteFactor, notes, nN),
    noteInterceptRound2: scatter(fit.noteInterceptRound2, notes, nN),
    raterIntercept: scatter(fit.raterIntercept, raters, nU),
    raterFactor: scatter(fit.raterFactor, raters, nU),
    raterReputation: scatter(fit.raterReputation, raters, nU),
    raterInterceptRound2: scatter(fit.raterInterceptRound2, raters, nU),
    mu: [fit.globalIntercept.round1, fit.globalIntercept.round2, fit.globalIntercept.round3],
  };
}

/** §8.3: low-diligence note intercepts per global note, or null when prescoring had none. */
export async function runDiligenceFinal(
  ctx: ScorerContext,
  ratings: RatingsTable,
  rows: Int32Array,
  pre: PrescoringResult,
  _random: RandomSource,
): Promise<Float64Array | null> {
  const d = pre.diligence;
  if (!d || rows.length === 0) return null;
  const { problem, notes, raters } = problemOf(ctx, ratings, rows);
  const fit = fitDiligenceFinal(
    problem,
    {
      noteFactor: gather(d.noteFactor, notes),
      noteInterceptRound2: gather(d.noteInterceptRound2, notes),
      raterFactor: gather(d.raterFactor, raters),
      raterReputation: gather(d.raterReputation, raters),
      raterInterceptRound2: gather(d.raterInterceptRound2, raters),
      raterIntercept: gather(d.raterIntercept, raters),
      globalIntercept: { round1: d.mu[0], round2: d.mu[1], round3: d.mu[2] },
    },
    pre.finalRoundNumRatings / pre.finalRoundNumNotes,
    pre.finalRoundNumRatings / pre.finalRoundNumUsers,
  );
  return scatter(fit.noteIntercept, notes, ctx.nNotes);
}
