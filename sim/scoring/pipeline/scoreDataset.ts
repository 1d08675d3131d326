import type { OutputColumn } from '../../data/writeTsv.ts';
import {
  AUX_NOTE_INFO_COLUMNS,
  HELPFULNESS_SCORES_COLUMNS,
  NOTE_STATUS_HISTORY_COLUMNS,
  SCORED_NOTES_COLUMNS,
} from '../../data/outputColumns.ts';
import type { Dataset, StatusHistoryTable } from '../../data/tables.ts';
import { contributorScores } from '../contributors/contributorScores.ts';
import { Frame } from '../frame.ts';
import { rescoringActiveRules } from '../history/rescoringActiveRules.ts';
import { updateStatusHistory } from '../history/updateStatusHistory.ts';
import { metaScore } from '../meta/metaRules.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import { predictPflip } from '../pflip/predictPflip.ts';
import { FLIP_PREDICTION, safeguardEnabled } from '../pipelineSafeguards.ts';
import type { PflipPrediction } from '../pflip/pflipTypes.ts';
import { trainPflipModel } from '../pflip/trainPflipModel.ts';
import { deriveSeed } from '../../random/random.ts';
import { assembleNoteFrame } from './assembleNotes.ts';
import { carryOverPrevious } from './incrementalRescoring.ts';
import { assembleRaterFrame } from './assembleRaters.ts';
import { runScorers, type ScoringOptions, type ScoringRun } from './runScoring.ts';

/** The four output tables of one scoring run, as frames keyed by global note / participant index. */
export interface ScoringResult {
  run: ScoringRun;
  /** scored_notes and aux_note_info columns, one row per universe note (ascending noteId) */
  notes: Frame;
  /** helpfulness_scores columns, one row per participant seen (computed on first read, then kept) */
  readonly raters: Frame;
  /** the updated note_status_history, same rows as `notes` */
  statusHistory: Frame;
  /** why the flip-prediction model was not trained (too little labelled history), or null when it was */
  pflipFallbackReason: string | null;
}

/**
 * Score a dataset end to end (scoring-core.md §2–§16): every scorer, the meta combination, the status-history
 * update and contributor statistics.
 *
 * @example const result = await scoreDataset(data, { now: Date.UTC(2025, 5, 1), seed: 42, engine: await createEngine('typed') });
 */
export async function scoreDataset(data: Dataset, opts: ScoringOptions): Promise<ScoringResult> {
  const run = await runScorers(data, opts);
  const { ctx } = run;
  const notes = assembleNoteFrame(run);
  opts.onProgress?.('meta scoring', 0, 1);
  const pflip = flipPredictions(run, opts);
  if (pflip.prediction) {
    notes.set('pflipLabel', pflip.prediction.label);
    notes.set('pflipProba', pflip.prediction.proba);
  }
  // Without a trained model every note counts as "will not flip", as the reference did on small history.
  const meta = metaScore(notes, {
    now: opts.now,
    disabled: ctx.disabledRules,
    pflipFallback: pflip.prediction ? 'FLIP' : 'CRH',
  });
  for (const name of meta.frame.names()) notes.set(name, meta.frame.get(name) as never);
  notes.set('timestampMillisOfCurrentStatus', new Float64Array(notes.length).fill(opts.now));
  if (run.rescore && opts.previous) {
    const noteIndex = (id: string) => data.noteIds.get(id);
    carryOverPrevious(notes, opts.previous.scoredNotes, run.rescore.mask, noteIndex);
    carryOverPrevious(notes, opts.previous.auxNoteInfo, run.rescore.mask, noteIndex);
  }
  const statusHistory = updateStatusHistory({
    previous: data.statusHistory,
    scored: notes,
    info: ctx.info,
    noteIds: data.noteIds,
    participants: data.participants,
    now: opts.now,
  });
  notes.set(
    'timestampMillisOfNmrDueToMinStableCrhTime',
    statusHistory.num('timestampMillisOfNmrDueToMinStableCrhTime'),
  );
  const rescore = run.rescore;
  notes.set(
    'rescoringActiveRules',
    rescore
      ? Array.from(notes.key, (n, r) => (rescore.mask[n] ? rescore.rules[n] : notes.str('rescoringActiveRules')[r]))
      : rescoringActiveRules(notes.key, data.statusHistory, ctx.info, { now: opts.now }),
  );
  for (const b of ['crh', 'crnh', 'awaiting'] as const) {
    const status = b === 'crh' ? CRH : b === 'crnh' ? CRNH : NMR;
    notes.set(
      `${b}Bool`,
      notes.str('finalRatingStatus').map((s) => (s === status ? 'True' : 'False')),
    );
  }
  opts.onProgress?.('meta scoring', 1, 1);
  // Contributor statistics only when the rater table is read: a simulation reads it for its last run alone.
  let raters: Frame | null = null;
  const raterFrame = (): Frame => {
    opts.onProgress?.('contributors', 0, 1);
    const contributors = contributorScores({
      notes,
      ratings: run.preprocessedRatings,
      info: ctx.info,
      history: statusHistory,
      enrollment: data.enrollment,
      participants: data.participants,
      noteIds: data.noteIds,
      now: opts.now,
    });
    const frame = assembleRaterFrame(run, contributors);
    opts.onProgress?.('contributors', 1, 1);
    return frame;
  };
  return {
    run,
    notes,
    get raters() {
      return (raters ??= raterFrame());
    },
    statusHistory,
    pflipFallbackReason: pflip.fallbackReason,
  };
}

/** The flip-prediction side model (robustness §10): trained on the status history, or null with the reason. */
function flipPredictions(
  run: ScoringRun,
  opts: ScoringOptions,
): { prediction: PflipPrediction | null; fallbackReason: string | null } {
  const { ctx } = run;
  if (!safeguardEnabled(ctx.disabledRules, FLIP_PREDICTION))
    return { prediction: null, fallbackReason: `${FLIP_PREDICTION} is switched off` };
  const raterFactor = new Float64Array(ctx.nParticipants).fill(NaN);
  for (const name of ['MFExpansionPlusScorer', 'MFExpansionScorer', 'MFCoreScorer']) {
    const p = run.prescoring.get(name);
    if (!p) continue;
    p.raters.factor.forEach((f, u) => {
      if (!Number.isNaN(f)) raterFactor[u] = f;
    });
  }
  const input = {
    ratings: run.preprocessedRatings,
    info: ctx.info,
    statusHistory: ctx.data.statusHistory,
    raterFactor,
    now: opts.now,
  };
  const model = trainPflipModel(input, { seed: deriveSeed(opts.seed, 'pflip') });
  if ('fallback' in model) return { prediction: null, fallbackReason: model.fallback };
  return {
    prediction: predictPflip(model, { ...input, ratings: run.runRatings.ratings }, ctx.universe),
    fallbackReason: null,
  };
}

/**
 * The updated status history as the input table of the next scoring run (what production feeds back in).
 */
export function nextStatusHistory(result: ScoringResult): StatusHistoryTable {
  const f = result.statusHistory;
  const { data } = result.run.ctx;
  const str = (name: string) => f.str(name).slice();
  const num = (name: string) => f.num(name).slice();
  return {
    length: f.length,
    note: f.key.slice(),
    author: Int32Array.from(f.str('noteAuthorParticipantId'), (a) => (a === null ? -1 : data.participants.intern(a))),
    createdAt: num('createdAtMillis'),
    timestampMillisOfFirstNonNMRStatus: num('timestampMillisOfFirstNonNMRStatus'),
    firstNonNMRStatus: str('firstNonNMRStatus'),
    timestampMillisOfCurrentStatus: num('timestampMillisOfCurrentStatus'),
    currentStatus: str('currentStatus'),
    timestampMillisOfLatestNonNMRStatus: num('timestampMillisOfLatestNonNMRStatus'),
    mostRecentNonNMRStatus: str('mostRecentNonNMRStatus'),
    timestampMillisOfStatusLock: num('timestampMillisOfStatusLock'),
    lockedStatus: str('lockedStatus'),
    timestampMillisOfRetroLock: num('timestampMillisOfRetroLock'),
    currentCoreStatus: str('currentCoreStatus'),
    currentExpansionStatus: str('currentExpansionStatus'),
    currentGroupStatus: str('currentGroupStatus'),
    currentDecidedBy: str('currentDecidedBy'),
    currentModelingGroup: num('currentModelingGroup'),
    timestampMillisOfMostRecentStatusChange: num('timestampMillisOfMostRecentStatusChange'),
    timestampMillisOfNmrDueToMinStableCrhTime: num('timestampMillisOfNmrDueToMinStableCrhTime'),
    currentMultiGroupStatus: str('currentMultiGroupStatus'),
    currentModelingMultiGroup: num('currentModelingMultiGroup'),
    timestampMinuteOfFinalScoringOutput: num('timestampMinuteOfFinalScoringOutput'),
    timestampMillisOfFirstNmrDueToMinStableCrhTime: num('timestampMillisOfFirstNmrDueToMinStableCrhTime'),
    abovePcrhThresholdTime: num('abovePcrhThresholdTime'),
  };
}

/** Output columns in the public order; columns not computed are written empty. */
function columnsOf(
  frame: Frame,
  names: readonly string[],
  key: (k: number) => string,
  keyName: string,
): OutputColumn[] {
  return names.map((name): OutputColumn => {
    if (name === keyName) return { name, kind: 'string', values: Array.from(frame.key, key) };
    const c = frame.get(name);
    if (c === undefined) return { name, kind: 'string', values: new Array<string | null>(frame.length).fill(null) };
    return c instanceof Float64Array ? { name, kind: 'float', values: c } : { name, kind: 'string', values: c };
  });
}

/** The public output files' names. */
export type OutputTableName = 'scored_notes' | 'helpfulness_scores' | 'note_status_history' | 'aux_note_info';

/** One public output file as a column list, ready for writeTsv. */
export function outputTable(result: ScoringResult, name: OutputTableName): OutputColumn[] {
  const { data } = result.run.ctx;
  const noteId = (n: number) => data.noteIds.values[n];
  switch (name) {
    case 'scored_notes':
      return columnsOf(result.notes, SCORED_NOTES_COLUMNS, noteId, 'noteId');
    case 'helpfulness_scores':
      return columnsOf(
        result.raters,
        HELPFULNESS_SCORES_COLUMNS,
        (u) => data.participants.values[u],
        'raterParticipantId',
      );
    case 'note_status_history':
      return columnsOf(result.statusHistory, NOTE_STATUS_HISTORY_COLUMNS, noteId, 'noteId');
    case 'aux_note_info':
      return columnsOf(result.notes, AUX_NOTE_INFO_COLUMNS, noteId, 'noteId');
  }
}

/** The four public output files as column lists, ready for writeTsv. */
export function outputTables(result: ScoringResult): Record<OutputTableName, OutputColumn[]> {
  return {
    scored_notes: outputTable(result, 'scored_notes'),
    helpfulness_scores: outputTable(result, 'helpfulness_scores'),
    note_status_history: outputTable(result, 'note_status_history'),
    aux_note_info: outputTable(result, 'aux_note_info'),
  };
}
