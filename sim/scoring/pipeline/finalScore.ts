import { FLAG, NOT_HELPFUL_TAGS, type RatingsTable } from '../../data/tables.ts';
import { deriveSeed, randomSeeded } from '../../random/random.ts';
import type { Column } from '../frame.ts';
import { computeIncorrectAggregates, computeNoteStats, computeTagAggregates } from '../rules/noteAggregates.ts';
import { PSEUDO_RATERS, safeguardEnabled } from '../pipelineSafeguards.ts';
import { applyScorerRules } from '../rules/scorerRules.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import { gaussianNoteModel, mfNoteModel, type NoteModelResult } from './noteModels.ts';
import { runDiligenceFinal } from './diligenceStage.ts';
import type { PrescoringResult } from './prescoringResult.ts';
import { pseudoRaterBounds } from './pseudoRaters.ts';
import type { ScorerContext, StageRatings } from './runContext.ts';
import { applyScope, inGroupFraction, inGroupMask } from './scope.ts';

/** One scorer's final output: rows = emitted notes (global indices), columns under their public names. */
export interface ScorerOutput {
  scorer: ScorerConfig;
  notes: Int32Array;
  columns: Map<string, Column>;
  /** aux columns (Core only): tag aggregates, incorrect aggregates, diligence, population-sampled counts */
  aux: Map<string, Column>;
}

const pick = (a: Int32Array, rows: Int32Array) => Int32Array.from(rows, (i) => a[i]);

/** Output column name of a scorer: prefix + Base + suffix (e.g. group + NoteIntercept + _3). */
export const outName = (cfg: ScorerConfig, base: string) => `${cfg.prefix}${base}${cfg.suffix}`;

/**
 * Final scoring of one scorer (scoring-core.md §9, §13): safeguard re-runs, main run, pseudo-raters, diligence,
 * rules, output filter. MF scorers fit notes with frozen raters; Gaussian scorers use kernel aggregation.
 */
export async function finalScore(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  stage: StageRatings,
  pre: PrescoringResult,
): Promise<ScorerOutput> {
  const noteModel = cfg.kind === 'gaussian' ? gaussianNoteModel : mfNoteModel;
  const random = randomSeeded(deriveSeed(ctx.seed, `final:${cfg.name}`));
  const ratings = stage.ratings;
  const inGroup = inGroupMask(cfg, ctx);
  const scope = applyScope(cfg, ctx, ratings, inGroup);
  const rho = pre.finalRoundNumRatings / pre.finalRoundNumNotes;

  const noHighVol = scope.rows.filter((i) => stage.highVolume[i] === 0);
  const noCorrelated = scope.rows.filter((i) => stage.correlated[i] === 0);
  const popSampled = scope.rows.filter((i) => (ratings.flags[i] & FLAG.populationSampled) !== 0);
  // Without the weighted loss the note models draw no random numbers (notes and raters are warm-started), so a
  // safeguard subset that lost no rating (filter keeps order: same length = same rows) has the main run's fit.
  const deterministic = cfg.kind === 'gaussian' || !cfg.mf.weightedLoss;
  let mainModel: Promise<NoteModelResult | null> | null = null;
  const mainFit = () => (mainModel ??= noteModel(cfg, ctx, ratings, scope.rows, pre, rho, random));
  const interceptOf = async (rows: Int32Array, rhoN: number) => {
    const same = deterministic && rows.length === scope.rows.length && rhoN === rho;
    return (await (same ? mainFit() : noteModel(cfg, ctx, ratings, rows, pre, rhoN, random)))?.notes.intercept ?? null;
  };
  const noHighVolIntercept = await interceptOf(noHighVol, rho);
  const noCorrelatedIntercept = await interceptOf(noCorrelated, rho);
  const popSampledIntercept = popSampled.length > 0 ? await interceptOf(popSampled, 10.0) : null;

  const main = await mainFit();
  const notes = scope.notes;
  const nRows = notes.length;
  const noteRow = new Int32Array(ctx.nNotes).fill(-1);
  notes.forEach((n, r) => (noteRow[n] = r));
  const atRows = (a: Float64Array | null) => (a === null ? null : Float64Array.from(notes, (n) => a[n]));
  const columns = new Map<string, Column>();
  const aux = new Map<string, Column>();

  const fittedRaterFactor = main ? main.raterFactor : new Float64Array(ctx.nParticipants).fill(NaN);
  const fittedNoteFactor = main ? main.notes.factor : new Float64Array(ctx.nNotes).fill(NaN);
  const stats = computeNoteStats(ratings, scope.rows, noteRow, nRows, fittedRaterFactor, ctx.now);
  let bounds = null;
  let lowDiligence: Float64Array | null = null;
  if (main) {
    const train = {
      note: pick(ratings.note, main.rows),
      rater: pick(ratings.rater, main.rows),
      target: Float32Array.from(main.rows, (i) => ratings.helpful2[i] / 2),
    };
    if (cfg.pseudoRaters && main.fit && safeguardEnabled(ctx.disabledRules, PSEUDO_RATERS))
      bounds = await pseudoRaterBounds(cfg, ctx, train, main.fit, pre.globalIntercept, random);
    lowDiligence = await runDiligenceFinal(ctx, ratings, main.rows, pre, random);
  }
  const tags = main
    ? computeTagAggregates(ratings, scope.rows, noteRow, nRows, fittedNoteFactor, fittedRaterFactor)
    : null;
  const incorrect = main
    ? computeIncorrectAggregates(
        ratings,
        scope.rows,
        noteRow,
        nRows,
        fittedNoteFactor,
        fittedRaterFactor,
        pre.incorrectTagRatingsMadeByRater,
        pre.totalRatingsMadeByRater,
      )
    : null;
  const intercept = atRows(main ? main.notes.intercept : new Float64Array(ctx.nNotes).fill(NaN)) as Float64Array;
  const factor = atRows(fittedNoteFactor) as Float64Array;
  const outcome = applyScorerRules(
    {
      n: nRows,
      stats,
      intercept,
      factor,
      interceptMax: bounds ? atRows(bounds.max) : null,
      classification: Uint8Array.from(notes, (n) => ctx.info.classification[n]),
      previousStatus: Array.from(notes, (n) => ctx.previous.currentStatus[n]),
      tags,
      tagThresholds: pre.tagThresholds,
      incorrect,
      lowDiligenceIntercept: atRows(lowDiligence),
      noHighVolIntercept: atRows(noHighVolIntercept),
      noCorrelatedIntercept: atRows(noCorrelatedIntercept),
    },
    { finalRound: true, mainRun: true, thresholds: cfg.thresholds },
    ctx.disabledRules,
  );

  // numFinalRoundRatings (§9.4): scope ratings by raters in the scorer's rater output.
  const restrictToGroup = cfg.prefix === 'group' || cfg.prefix === 'multiGroup';
  const inRaterOutput = pre.raterRows.map((v, u) =>
    (v || !Number.isNaN(fittedRaterFactor[u])) && (!restrictToGroup || inGroup[u]) ? 1 : 0,
  );
  const numFinal = new Float64Array(nRows);
  for (const i of scope.rows) if (inRaterOutput[ratings.rater[i]]) numFinal[noteRow[ratings.note[i]]]++;

  columns.set(outName(cfg, 'NoteIntercept'), intercept);
  columns.set(outName(cfg, 'NoteFactor1'), factor);
  columns.set(outName(cfg, 'RatingStatus'), outcome.status);
  columns.set(outName(cfg, 'ActiveRules'), outcome.activeRules);
  columns.set(outName(cfg, 'NumFinalRoundRatings'), numFinal);
  if (bounds) {
    columns.set(outName(cfg, 'NoteInterceptMin'), atRows(bounds.min) as Float64Array);
    columns.set(outName(cfg, 'NoteInterceptMax'), atRows(bounds.max) as Float64Array);
  }
  columns.set(outName(cfg, 'NoteInterceptNoHighVol'), atRows(noHighVolIntercept) ?? new Float64Array(nRows).fill(NaN));
  columns.set(
    outName(cfg, 'NoteInterceptNoCorrelated'),
    atRows(noCorrelatedIntercept) ?? new Float64Array(nRows).fill(NaN),
  );
  columns.set(
    outName(cfg, 'NoteInterceptPopulationSampled'),
    atRows(popSampledIntercept) ?? new Float64Array(nRows).fill(NaN),
  );
  if (cfg.name === 'MFCoreScorer') {
    columns.set(
      'activeFilterTags',
      outcome.activeFilterTags.map((t) => t || null),
    );
    if (tags) {
      aux.set('ratingWeight', tags.ratingWeight);
      NOT_HELPFUL_TAGS.forEach((t, k) => {
        aux.set(`${t}Adjusted`, tags.adjusted[k]);
        aux.set(`${t}AdjustedRatio`, tags.adjustedRatio[k]);
      });
    }
    if (incorrect) {
      aux.set('notHelpfulIncorrect_interval', incorrect.notHelpfulIncorrectInterval);
      aux.set('p_incorrect_user_interval', incorrect.pIncorrectUserInterval);
      aux.set('num_voters_interval', incorrect.numVotersInterval);
      aux.set('tf_idf_incorrect_interval', incorrect.tfIdfIncorrectInterval);
    }
    if (lowDiligence) aux.set('lowDiligenceIntercept', atRows(lowDiligence) as Float64Array);
    aux.set('coreNegFactor_populationSampledRatingCount', stats.negPopulationSampledCount);
    aux.set('corePosFactor_populationSampledRatingCount', stats.posPopulationSampledCount);
  }

  if (cfg.prefix === 'topic')
    columns.set(outName(cfg, 'NoteConfident'), topicConfidence(cfg, ratings, notes, intercept, pre));

  // Output filter (§5): capture threshold over all run ratings; notes without ratings dropped.
  let keep = notes.map((_n, r) => r);
  if (cfg.captureThreshold !== null) {
    const frac = inGroupFraction(ratings, null, inGroup, ctx.nNotes);
    keep = keep.filter((r) => frac[notes[r]] >= (cfg.captureThreshold as number));
  }
  return subsetOutput({ scorer: cfg, notes, columns, aux }, keep);
}

function subsetOutput(out: ScorerOutput, keep: Int32Array): ScorerOutput {
  if (keep.length === out.notes.length) return out;
  const sub = (c: Column): Column =>
    c instanceof Float64Array ? Float64Array.from(keep, (r) => c[r]) : Array.from(keep, (r) => c[r]);
  const map = (m: Map<string, Column>) => new Map([...m].map(([k, c]) => [k, sub(c)] as [string, Column]));
  return {
    scorer: out.scorer,
    notes: Int32Array.from(keep, (r) => out.notes[r]),
    columns: map(out.columns),
    aux: map(out.aux),
  };
}

/** §12.4: a topic note is confident when enough raters of each factor sign (prescoring rater output) rated it. */
function topicConfidence(
  cfg: ScorerConfig,
  ratings: RatingsTable,
  notes: Int32Array,
  intercept: Float64Array,
  pre: PrescoringResult,
): (string | null)[] {
  const noteRow = new Map<number, number>();
  notes.forEach((n, r) => noteRow.set(n, r));
  const pos = new Int32Array(notes.length);
  const neg = new Int32Array(notes.length);
  for (let i = 0; i < ratings.length; i++) {
    const r = noteRow.get(ratings.note[i]);
    if (r === undefined) continue;
    const f = pre.raters.factor[ratings.rater[i]];
    if (f >= 0) pos[r]++;
    else if (f < 0) neg[r]++;
  }
  const min = cfg.kind === 'gaussian' ? 0 : 4;
  return Array.from(notes, (_n, r) =>
    Number.isNaN(intercept[r]) ? 'False' : pos[r] > min && neg[r] > min ? 'True' : 'False',
  );
}
