import type { RandomSource } from '../../random/random.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import { fitModel, type FitOutcome, type RaterTable } from './fitModel.ts';
import type { ScorerContext } from './runContext.ts';

/** Intercept bounds from the pseudo-rater refits (scoring-core.md §10), per global note (NaN where not fitted). */
export interface InterceptBounds {
  min: Float64Array;
  max: Float64Array;
}

/**
 * Refit the note parameters four times — as fitted, and with one extra helpful rating on every note from each of
 * three extreme pseudo-raters (minimum intercept; minimum, zero and maximum factor) — raters and μ frozen.
 */
export async function pseudoRaterBounds(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  train: { note: Int32Array; rater: Int32Array; target: Float32Array },
  fit: FitOutcome,
  globalIntercept: number,
  random: RandomSource,
): Promise<InterceptBounds> {
  const nU = ctx.nParticipants;
  let minB = Infinity;
  let minF = Infinity;
  let maxF = -Infinity;
  for (const u of fit.localRaters) {
    minB = Math.min(minB, fit.raters.intercept[u]);
    minF = Math.min(minF, fit.raters.factor[u]);
    maxF = Math.max(maxF, fit.raters.factor[u]);
  }
  const raters: RaterTable = { intercept: new Float64Array(nU + 3), factor: new Float64Array(nU + 3) };
  raters.intercept.set(fit.raters.intercept);
  raters.factor.set(fit.raters.factor);
  const pseudoFactors = [minF, 0.0, maxF];
  pseudoFactors.forEach((f, k) => ((raters.intercept[nU + k] = minB), (raters.factor[nU + k] = f)));

  const notes = fit.localNotes;
  const bounds: InterceptBounds = {
    min: new Float64Array(ctx.nNotes).fill(NaN),
    max: new Float64Array(ctx.nNotes).fill(NaN),
  };
  for (let d = 0; d < 4; d++) {
    const extra = d === 0 ? 0 : notes.length;
    const note = new Int32Array(train.note.length + extra);
    const rater = new Int32Array(train.rater.length + extra);
    const target = new Float32Array(train.target.length + extra);
    note.set(train.note);
    rater.set(train.rater);
    target.set(train.target);
    if (extra > 0) {
      note.set(notes, train.note.length);
      rater.fill(nU + d - 1, train.rater.length);
      target.fill(1, train.target.length);
    }
    const refit = await fitModel(
      ctx.engine,
      {
        note,
        rater,
        target,
        nNotesGlobal: ctx.nNotes,
        nRatersGlobal: nU + 3,
        lambdas: { ...cfg.mf.lambdas, diamond: 0 },
        useGlobalIntercept: cfg.mf.useGlobalIntercept,
        initLearningRate: cfg.mf.initLearningRate,
        noInitLearningRate: cfg.mf.noInitLearningRate,
        notesInit: fit.notes,
        ratersInit: raters,
        globalInit: globalIntercept,
        freezeRaters: true,
        freezeGlobal: true,
        flipSigns: false,
      },
      random,
    );
    for (const n of notes) {
      const b = refit.notes.intercept[n];
      if (Number.isNaN(bounds.min[n]) || b < bounds.min[n]) bounds.min[n] = b;
      if (Number.isNaN(bounds.max[n]) || b > bounds.max[n]) bounds.max[n] = b;
    }
  }
  return bounds;
}
