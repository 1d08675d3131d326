import type { RatingsTable } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import { gaussianNoteScores } from '../gaussian/gaussianIntercept.ts';
import { GAUSSIAN_CRH_PARAMS, GAUSSIAN_CRH_TOPIC_PARAMS } from '../gaussian/gaussianParams.ts';
import { DEFAULT_LAMBDAS } from '../mf/types.ts';
import { RATER_HELPFULNESS_FILTER, safeguardEnabled } from '../pipelineSafeguards.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import { fitModel, localIndex, type FitOutcome, type NoteTable } from './fitModel.ts';
import type { PrescoringResult } from './prescoringResult.ts';
import type { ScorerContext } from './runContext.ts';
import { filterForTraining } from './scope.ts';

/** What a final-scoring note model returns for one ratings subset (scoring-core.md §9.3 step 4, §13). */
export interface NoteModelResult {
  /** the final-round ratings used (row indices) */
  rows: Int32Array;
  notes: NoteTable;
  /** rater factors the rules use for signs and tag weights */
  raterFactor: Float64Array;
  /** the MF fit, for pseudo-raters (MF scorers only) */
  fit: FitOutcome | null;
}

const pick = (a: Int32Array, rows: Int32Array) => Int32Array.from(rows, (i) => a[i]);

/** §9.3 steps 1–3: notes with ≥ 5 ratings in the subset; raters of the prescoring final round (helpful ones). */
export function finalRoundRows(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  subset: Int32Array,
  pre: PrescoringResult,
  needFactor: boolean,
): Int32Array {
  const rows = filterForTraining(ratings, subset, 5, 0, ctx.nNotes, ctx.nParticipants);
  const filter = cfg.useReputation && safeguardEnabled(ctx.disabledRules, RATER_HELPFULNESS_FILTER);
  const above = filter && pre.helpfulness ? pre.helpfulness.aboveHelpfulnessThreshold : null;
  const out = new Int32Array(rows.length);
  let k = 0;
  for (const i of rows) {
    const u = ratings.rater[i];
    if (Number.isNaN(pre.raters.intercept[u])) continue;
    if (needFactor && Number.isNaN(pre.raters.factor[u])) continue;
    if (above && above[u] !== 1) continue;
    out[k++] = i;
  }
  return out.slice(0, k);
}

/** MF with rater parameters and μ frozen at prescoring values, notes warm-started (§9.3 step 4). */
async function frozenRaterFit(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  rows: Int32Array,
  pre: PrescoringResult,
  rhoN: number,
  random: RandomSource,
  lambdas = cfg.mf.lambdas,
  weightedLoss = cfg.mf.weightedLoss,
): Promise<FitOutcome> {
  return fitModel(
    ctx.engine,
    {
      note: pick(ratings.note, rows),
      rater: pick(ratings.rater, rows),
      target: Float32Array.from(rows, (i) => ratings.helpful2[i] / 2),
      nNotesGlobal: ctx.nNotes,
      nRatersGlobal: ctx.nParticipants,
      lambdas,
      useGlobalIntercept: cfg.mf.useGlobalIntercept,
      initLearningRate: cfg.mf.initLearningRate,
      noInitLearningRate: cfg.mf.noInitLearningRate,
      notesInit: pre.notes,
      ratersInit: pre.raters,
      globalInit: pre.globalIntercept,
      freezeRaters: true,
      freezeGlobal: true,
      ratingPerNoteLossRatio: rhoN,
      flipSigns: false,
      weightedLoss,
    },
    random,
  );
}

/** The MF note model of MF scorers. */
export async function mfNoteModel(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  subset: Int32Array,
  pre: PrescoringResult,
  rhoN: number,
  random: RandomSource,
): Promise<NoteModelResult | null> {
  const rows = finalRoundRows(cfg, ctx, ratings, subset, pre, false);
  if (rows.length === 0) return null;
  const fit = await frozenRaterFit(cfg, ctx, ratings, rows, pre, rhoN, random);
  return { rows, notes: fit.notes, raterFactor: fit.raters.factor, fit };
}

/**
 * The Gaussian note model (§13): kernel-smoothed geometric means of helpfulness along the prescoring rater-factor
 * axis; the note factor from a frozen-rater MF with default lambdas (falling back to the CRH pass's estimate).
 */
export async function gaussianNoteModel(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  subset: Int32Array,
  pre: PrescoringResult,
  rhoN: number,
  random: RandomSource,
): Promise<NoteModelResult | null> {
  const rows = finalRoundRows(cfg, ctx, ratings, subset, pre, true);
  if (rows.length === 0) return null;
  const notes = localIndex(pick(ratings.note, rows), ctx.nNotes);
  const x = Float64Array.from(rows, (i) => pre.raters.factor[ratings.rater[i]]);
  const y = Float64Array.from(rows, (i) => ratings.helpful2[i] / 2);
  // Author self-ratings (CRH pass only): one helpful row per note whose author has a factor and did not rate it.
  const rated = new Set<number>();
  for (const i of rows) rated.add(ratings.note[i] * ctx.nParticipants + ratings.rater[i]);
  const authorNote: number[] = [];
  const authorX: number[] = [];
  notes.globalOf.forEach((n, l) => {
    const a = ctx.info.author[n];
    if (a < 0 || Number.isNaN(pre.raters.factor[a]) || rated.has(n * ctx.nParticipants + a)) return;
    authorNote.push(l);
    authorX.push(pre.raters.factor[a]);
  });
  const scores = gaussianNoteScores({
    nNotes: notes.globalOf.length,
    ratings: { note: notes.local, x, y },
    authorRows: { note: Int32Array.from(authorNote), x: Float64Array.from(authorX) },
    crhParams: cfg.topics !== null ? GAUSSIAN_CRH_TOPIC_PARAMS : GAUSSIAN_CRH_PARAMS,
  });
  const fit = await frozenRaterFit(cfg, ctx, ratings, rows, pre, rhoN, random, DEFAULT_LAMBDAS, false);
  const out: NoteTable = {
    intercept: new Float64Array(ctx.nNotes).fill(NaN),
    factor: new Float64Array(ctx.nNotes).fill(NaN),
  };
  notes.globalOf.forEach((n, l) => {
    out.intercept[n] = scores.intercept[l];
    const f = fit.notes.factor[n];
    out.factor[n] = Number.isNaN(f) ? scores.gFactor[l] : f;
  });
  return { rows, notes: out, raterFactor: pre.raters.factor, fit: null };
}
