import { failScorerCheck, type SkippedScorer } from './scorerCheck.ts';
import { FLAG, NOT_HELPFUL_TAG_MASK, NOT_HELPFUL_TAGS, type RatingsTable } from '../../data/tables.ts';
import { deriveSeed, randomSeeded } from '../../random/random.ts';
import { LAST_RATING_TAGS_CHANGE_TIME, MAX_FIRST_MF_TRAIN_ERROR, MIN_NUM_NOTES_FOR_PROD_DATA } from '../constants.ts';
import { countValidRatings, LABEL_CRH } from '../helpfulness/validRatings.ts';
import { computeAuthorStats, computeHelpfulness, harassmentPenalty } from '../helpfulness/raterHelpfulness.ts';
import { RATER_HELPFULNESS_FILTER, safeguardEnabled, VALID_RATING_WINDOW } from '../pipelineSafeguards.ts';
import { computeTagAggregates } from '../rules/noteAggregates.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import { quantileLinear } from '../stats.ts';
import { fitModel, type FitOutcome, type NoteTable } from './fitModel.ts';
import { runDiligencePrescoring } from './diligenceStage.ts';
import type { PrescoringResult } from './prescoringResult.ts';
import { provisionalLabels } from './provisionalLabels.ts';
import type { ScorerContext } from './runContext.ts';
import { applyScope, filterForTraining, inGroupMask } from './scope.ts';

const targetOf = (r: RatingsTable, rows: Int32Array) => Float32Array.from(rows, (i) => r.helpful2[i] / 2);
const pick = (a: Int32Array, rows: Int32Array) => Int32Array.from(rows, (i) => a[i]);

/** Prescoring of one MF scorer (§7) on ratings after PSS coalescing with the full clustering table. */
export async function prescoreMF(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
): Promise<PrescoringResult | { skipped: SkippedScorer } | null> {
  const random = randomSeeded(deriveSeed(ctx.seed, `prescoring:${cfg.name}`));
  const inGroup = inGroupMask(cfg, ctx);
  const scope = applyScope(cfg, ctx, ratings, inGroup);
  const training = filterForTraining(ratings, scope.rows, 5, 10, ctx.nNotes, ctx.nParticipants);
  if (training.length === 0) return null;
  const mf = cfg.mf;
  const base = {
    nNotesGlobal: ctx.nNotes,
    nRatersGlobal: ctx.nParticipants,
    lambdas: mf.lambdas,
    useGlobalIntercept: mf.useGlobalIntercept,
    initLearningRate: mf.initLearningRate,
    noInitLearningRate: mf.noInitLearningRate,
    weightedLoss: mf.weightedLoss,
  };
  const fitOn = (rows: Int32Array, extra: Partial<Parameters<typeof fitModel>[1]> = {}) =>
    fitModel(
      ctx.engine,
      {
        ...base,
        note: pick(ratings.note, rows),
        rater: pick(ratings.rater, rows),
        target: targetOf(ratings, rows),
        flipSigns: true,
        ...extra,
      },
      random,
    );

  // Round 1 (§7.2), warm-started from the group-13 sub-model for core-like scorers (§6.8).
  let round1: FitOutcome;
  if (cfg.stableInit) {
    const subset = stableInitRows(ratings, training, ctx);
    if (subset.length === 0) {
      const finding = 'no ratings from modeling group 13 on notes rated mostly by that group';
      return failScorerCheck(cfg.name, 'stableInitSubset', finding, ctx.strictChecks);
    }
    const sub = await fitOn(subset, { lambdas: { ...mf.lambdas, diamond: 0 }, weightedLoss: false });
    round1 = await fitOn(training, { notesInit: sub.notes, ratersInit: sub.raters, globalInit: sub.globalIntercept });
  } else {
    round1 = await fitOn(training);
  }
  const distinctNotes = new Set(pick(ratings.note, training)).size;
  if (distinctNotes >= MIN_NUM_NOTES_FOR_PROD_DATA && round1.trainError > MAX_FIRST_MF_TRAIN_ERROR) {
    const finding = `the first MF fit's train error ${round1.trainError.toFixed(4)} is above ${MAX_FIRST_MF_TRAIN_ERROR} (on ${distinctNotes} notes)`;
    return failScorerCheck(cfg.name, 'firstTrainError', finding, ctx.strictChecks);
  }

  const labels1 = provisionalLabels(cfg, ctx, ratings, scope.rows, scope.notes, round1);
  const tagStats = incorrectTagStats(ratings, scope.rows, ctx.nParticipants);

  if (!cfg.useReputation) {
    const diligence = await runDiligencePrescoring(ctx, ratings, training, round1.raters, random);
    return {
      scorerName: cfg.name,
      notes: round1.notes,
      raters: round1.raters,
      firstRoundRaters: round1.raters,
      globalIntercept: round1.globalIntercept,
      authors: null,
      helpfulness: null,
      valid: null,
      harassment: null,
      diligence,
      tagThresholds: tagThresholds(cfg, ctx, ratings, scope.rows, scope.notes, labels1, round1),
      ...tagStats,
      raterRows: Uint8Array.from(round1.raters.intercept, (b) => (Number.isNaN(b) ? 0 : 1)),
      finalRoundNumRatings: training.length,
      finalRoundNumNotes: round1.localNotes.length,
      finalRoundNumUsers: round1.localRaters.length,
    };
  }

  // Helpfulness, first pass (§7.4, §7.5).
  const scoredNotes = Int32Array.from(round1.localNotes);
  const authors = computeAuthorStats(scoredNotes, round1.notes.intercept, labels1, ctx.info.author, ctx.nParticipants);
  const valid = countValidRatings(
    ratings,
    scope.rows,
    ctx.info,
    ctx.previous.timestampMillisOfLatestNonNMRStatus,
    labels1,
    ctx.nParticipants,
    safeguardEnabled(ctx.disabledRules, VALID_RATING_WINDOW),
  );
  const zeroPenalty = new Float64Array(ctx.nParticipants);
  const pass1 = computeHelpfulness(authors, valid, zeroPenalty, cfg.helpfulness);

  // Harassment/abuse tag-consensus model (§7.6) and second pass (§7.7).
  const harassment = await harassmentModel(
    ctx,
    ratings,
    training.filter((i) => pass1.aboveHelpfulnessThreshold[ratings.rater[i]] === 1),
    round1,
    random,
  );
  const penalty = harassment
    ? harassmentPenalty(ratings, training, harassment.intercept, cfg.helpfulness, ctx.nParticipants)
    : zeroPenalty;
  const helpfulness = computeHelpfulness(authors, valid, penalty, cfg.helpfulness);
  const finalRound = safeguardEnabled(ctx.disabledRules, RATER_HELPFULNESS_FILTER)
    ? training.filter((i) => helpfulness.aboveHelpfulnessThreshold[ratings.rater[i]] === 1)
    : training;
  // No rater passed the helpfulness filter: the scorer has no final round and emits nothing.
  if (finalRound.length === 0) return null;

  // Final-round MF (§7.8): warm start from round 1, global intercept restarts at 0.
  const final = await fitOn(finalRound, { notesInit: round1.notes, ratersInit: round1.raters });
  const diligence = await runDiligencePrescoring(ctx, ratings, finalRound, final.raters, random);
  return {
    scorerName: cfg.name,
    notes: final.notes,
    raters: final.raters,
    firstRoundRaters: round1.raters,
    globalIntercept: final.globalIntercept,
    authors,
    helpfulness,
    valid,
    harassment,
    diligence,
    tagThresholds: tagThresholds(cfg, ctx, ratings, scope.rows, scope.notes, labels1, final),
    ...tagStats,
    raterRows: Uint8Array.from(final.raters.intercept, (b, u) => (!Number.isNaN(b) || helpfulness.hasRow[u] ? 1 : 0)),
    finalRoundNumRatings: finalRound.length,
    finalRoundNumNotes: final.localNotes.length,
    finalRoundNumUsers: final.localRaters.length,
  };
}

/** §6.8 step 1: ratings of group-13 raters on notes rated ≥ 75 % by group 13 (among ≥ 5 enrolled ratings). */
function stableInitRows(ratings: RatingsTable, training: Int32Array, ctx: ScorerContext): Int32Array {
  const enrolledCount = new Int32Array(ctx.nNotes);
  const groupCount = new Int32Array(ctx.nNotes);
  for (const i of training) {
    const u = ratings.rater[i];
    if (!ctx.enrolled[u]) continue;
    enrolledCount[ratings.note[i]]++;
    if (ctx.modelingGroup[u] === 13) groupCount[ratings.note[i]]++;
  }
  const rows = training.filter((i) => {
    const n = ratings.note[i];
    return (
      ctx.modelingGroup[ratings.rater[i]] === 13 && enrolledCount[n] >= 5 && groupCount[n] / enrolledCount[n] >= 0.75
    );
  });
  return rows;
}

/** §7.6: logistic MF on harassment/abuse labels, warm-started from round 1 with doubled factors. */
async function harassmentModel(
  ctx: ScorerContext,
  ratings: RatingsTable,
  candidates: Int32Array,
  round1: FitOutcome,
  random: () => number,
): Promise<NoteTable | null> {
  const spamBit = 1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf('notHelpfulSpamHarassmentOrAbuse'));
  const otherBit = 1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf('notHelpfulOther'));
  const labelled: number[] = [];
  const labelOf = new Float32Array(ratings.length).fill(NaN);
  for (const i of candidates) {
    if (ratings.createdAt[i] < LAST_RATING_TAGS_CHANGE_TIME) continue;
    const f = ratings.flags[i];
    let label = NaN;
    if ((f & FLAG.levelMask) >>> FLAG.levelShift === 3) label = 0;
    if (f & otherBit) label = 0;
    if (f & spamBit) label = 1;
    if (Number.isNaN(label)) continue;
    labelOf[i] = label;
    labelled.push(i);
  }
  const rows = filterForTraining(ratings, Int32Array.from(labelled), 5, 10, ctx.nNotes, ctx.nParticipants);
  if (rows.length === 0) return null;
  let pos = 0;
  for (const i of rows) pos += labelOf[i];
  const posRate = pos / rows.length;
  if (posRate === 0 || posRate === 1) return null;
  const doubled = (t: NoteTable): NoteTable => ({
    intercept: t.intercept.map(() => 0),
    factor: t.factor.map((f) => 2 * f),
  });
  const fit = await fitModel(
    ctx.engine,
    {
      note: pick(ratings.note, rows),
      rater: pick(ratings.rater, rows),
      target: Float32Array.from(rows, (i) => labelOf[i]),
      nNotesGlobal: ctx.nNotes,
      nRatersGlobal: ctx.nParticipants,
      lambdas: {
        raterFactor: 0.03,
        noteFactor: 0.03,
        raterIntercept: 0.15,
        noteIntercept: 0.15,
        globalIntercept: 0.15,
        diamond: 0,
      },
      useGlobalIntercept: true,
      initLearningRate: 2.0,
      noInitLearningRate: 1.0,
      notesInit: doubled(round1.notes),
      ratersInit: doubled(round1.raters),
      globalInit: 0,
      loss: 'logistic',
      posWeight: (1 - posRate) / posRate,
      flipSigns: true,
    },
    random,
  );
  return fit.notes;
}

/** §7.10: per not-helpful tag, the percentile of `<tag>AdjustedRatio` among provisionally CRH notes. */
function tagThresholds(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  rows: Int32Array,
  notes: Int32Array,
  labels: Uint8Array,
  fit: FitOutcome,
): Float64Array {
  const fitted = notes.filter((n) => !Number.isNaN(fit.notes.intercept[n]));
  const noteRow = new Int32Array(ctx.nNotes).fill(-1);
  fitted.forEach((n, r) => (noteRow[n] = r));
  const agg = computeTagAggregates(ratings, rows, noteRow, fitted.length, fit.notes.factor, fit.raters.factor);
  const crhRows = fitted.map((n, r) => (labels[n] === LABEL_CRH ? r : -1)).filter((r) => r >= 0);
  return Float64Array.from(NOT_HELPFUL_TAGS, (_t, t) => {
    if (crhRows.length === 0) return 0;
    const values = Float64Array.from(crhRows, (r) => agg.adjustedRatio[t][r]);
    return quantileLinear(values, cfg.thresholds.tagFilterPercentile / 100);
  });
}

/** §7.11: per rater, among ratings with at least one not-helpful tag: how many tag notHelpfulIncorrect. */
function incorrectTagStats(ratings: RatingsTable, rows: Int32Array, nParticipants: number) {
  const incorrectBit = 1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf('notHelpfulIncorrect'));
  const incorrect = new Float64Array(nParticipants).fill(NaN);
  const total = new Float64Array(nParticipants).fill(NaN);
  for (const i of rows) {
    const f = ratings.flags[i];
    if ((f & NOT_HELPFUL_TAG_MASK) === 0) continue;
    const u = ratings.rater[i];
    if (Number.isNaN(total[u])) {
      total[u] = 0;
      incorrect[u] = 0;
    }
    total[u]++;
    if (f & incorrectBit) incorrect[u]++;
  }
  return { incorrectTagRatingsMadeByRater: incorrect, totalRatingsMadeByRater: total };
}

/**
 * The same prescoring result over a grown dataset (more notes / participants appended to the dictionaries):
 * new entries are absent (NaN, or 0 for flags), exactly as for a note or rater prescoring never saw.
 */
export function resizePrescoring(pre: PrescoringResult, nNotes: number, nParticipants: number): PrescoringResult {
  const grow = <T extends Float64Array | Uint8Array>(a: T, n: number): T => {
    if (a.length >= n) return a;
    const out = (a instanceof Float64Array ? new Float64Array(n).fill(NaN) : new Uint8Array(n)) as T;
    out.set(a as never);
    return out;
  };
  const notes = (t: NoteTable): NoteTable => ({ intercept: grow(t.intercept, nNotes), factor: grow(t.factor, nNotes) });
  const people = <T extends object>(t: T) =>
    Object.fromEntries(
      Object.entries(t).map(([k, v]) => [k, grow(v as Float64Array | Uint8Array, nParticipants)]),
    ) as T;
  const d = pre.diligence;
  return {
    ...pre,
    notes: notes(pre.notes),
    raters: people(pre.raters),
    firstRoundRaters: people(pre.firstRoundRaters),
    authors: pre.authors && people(pre.authors),
    helpfulness: pre.helpfulness && people(pre.helpfulness),
    valid: pre.valid && people(pre.valid),
    harassment: pre.harassment && notes(pre.harassment),
    diligence: d && {
      ...d,
      noteIntercept: grow(d.noteIntercept, nNotes),
      noteFactor: grow(d.noteFactor, nNotes),
      noteInterceptRound2: grow(d.noteInterceptRound2, nNotes),
      raterIntercept: grow(d.raterIntercept, nParticipants),
      raterFactor: grow(d.raterFactor, nParticipants),
      raterReputation: grow(d.raterReputation, nParticipants),
      raterInterceptRound2: grow(d.raterInterceptRound2, nParticipants),
    },
    incorrectTagRatingsMadeByRater: grow(pre.incorrectTagRatingsMadeByRater, nParticipants),
    totalRatingsMadeByRater: grow(pre.totalRatingsMadeByRater, nParticipants),
    raterRows: grow(pre.raterRows, nParticipants),
  };
}
