import type { Dataset, RatingsTable } from '../../data/tables.ts';
import { applyClustering } from '../clustering/applyClustering.ts';
import { postSelectionCliques } from '../clustering/postSelectionSimilarity.ts';
import { quasiCliques } from '../clustering/quasiCliques.ts';
import { POST_SELECTION_COALESCING, safeguardEnabled } from '../pipelineSafeguards.ts';
import type { MFEngine } from '../mf/types.ts';
import { tagHighVolumeRaters } from '../preprocess/highVolumeRaters.ts';
import { scorerCatalogue } from '../scorers/catalogue.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import { predictNoteTopics, trainTopicModel } from '../topics/assignTopics.ts';
import type { SeedLabelCache } from '../topics/seedTopics.ts';
import type { ScorerOutput } from './finalScore.ts';
import { inProcessExecutor, type ScorerExecutor, type ScorerState } from './scorerExecutor.ts';
import { buildNoteInfo, filterRatings, selectRatings } from './preprocess.ts';
import { resizePrescoring } from './prescoreMF.ts';
import type { PrescoringResult } from './prescoringResult.ts';
import { selectNotesToRescore, type PreviousOutputs, type RescoreSelection } from './incrementalRescoring.ts';
import type { RunContext, StageRatings } from './runContext.ts';
import { isSkippedScorer, type SkippedScorer } from './scorerCheck.ts';

export interface ScoringOptions {
  /** "now" in ms since epoch (epochMillis); required: sim/ never reads the clock */
  now: number;
  seed: number;
  engine: MFEngine;
  /** scorer names to run (default: all of the catalogue) */
  scorers?: string[];
  /** rule names to switch off, per-scorer and meta rules alike */
  disabledRules?: string[];
  onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Prescoring results of an earlier run to reuse (production runs prescoring less often than final scoring):
   * final scoring then fits notes against those frozen rater parameters; raters and notes new since then are
   * treated as the reference treats them (new raters left out of the fits, new notes start at 0). Take them from
   * `ScoringRun.prescoring`. Global indices must refer to the same dataset dictionaries (append-only growth is fine).
   */
  prescoring?: Map<string, PrescoringResult>;
  /**
   * With `prescoring`: the rater clustering of that run (production computes it before prescoring and final
   * scoring applies that table, §3, §9.1). Participants new since then have no clique. Take it from `ScoringRun`.
   */
  raterClustering?: RaterClustering;
  /**
   * An earlier run on this same `Dataset` object (rescoring it with other options or rules): its rater clustering
   * and note topics, which depend on the data alone, are reused instead of recomputed.
   */
  sameDataRun?: ScoringRun;
  /** Seed labels by post text carried across runs (a simulation passes one; post texts rarely change). */
  seedLabelCache?: SeedLabelCache;
  /**
   * A previous run's outputs (incremental mode): only notes with new ratings, new notes, recent flips, notes in
   * stabilization and locking-eligible notes are rescored; the others keep their previous rows.
   */
  previous?: PreviousOutputs;
  /**
   * A failed scorer check (scorerCheck.ts: first MF train error above 0.16, empty stable-initialisation subset)
   * stops the run with a ScorerCheckError, as the reference does; by default the scorer is skipped instead and
   * listed in `ScoringRun.skippedScorers`.
   */
  strictChecks?: boolean;
  /** how scorer tasks run (default: in process, one after another); sim/node offers a worker-thread pool */
  executor?: (state: ScorerState) => ScorerExecutor;
}

/** Per participant: PSS clique id and quasi-clique id (0 = none), the rater-clustering job's table. */
export interface RaterClustering {
  postSelectionValue: Int32Array;
  quasiCliqueValue: Int32Array;
}

/** Everything one scoring run produced, before the output files are assembled. */
export interface ScoringRun extends RaterClustering {
  ctx: RunContext;
  prescoring: Map<string, PrescoringResult>;
  outputs: ScorerOutput[];
  runRatings: StageRatings;
  /** ratings after preprocessing, before PSS coalescing (contributor statistics read these) */
  preprocessedRatings: RatingsTable;
  /** incremental runs: which notes were rescored and why (null = every note was scored) */
  rescore: RescoreSelection | null;
  /** scorers left out because a check failed (their columns are empty); always empty with strictChecks */
  skippedScorers: SkippedScorer[];
}

const sameNotes = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Compare two decimal id strings as 64-bit signed integers. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Build the run context: note universe, enrollment, previous history (scoring-core.md §2). */
export function prepareContext(data: Dataset, opts: ScoringOptions): RunContext {
  const info = buildNoteInfo(data);
  const nNotes = data.noteIds.size;
  const nParticipants = data.participants.size;
  const enrolled = new Uint8Array(nParticipants);
  const modelingGroup = new Float64Array(nParticipants).fill(NaN);
  const e = data.enrollment;
  for (let i = 0; i < e.length; i++) {
    enrolled[e.participant[i]] = 1;
    modelingGroup[e.participant[i]] = e.modelingGroup[i];
  }
  const universe = Int32Array.from(
    [...Array(nNotes).keys()]
      .filter((n) => info.inUniverse[n])
      .sort((a, b) => compareIds(data.noteIds.values[a], data.noteIds.values[b])),
  );
  const nsh = data.statusHistory;
  const previous = {
    currentStatus: new Array<string | null>(nNotes).fill(null),
    lockedStatus: new Array<string | null>(nNotes).fill(null),
    timestampMillisOfLatestNonNMRStatus: new Float64Array(nNotes).fill(NaN),
    timestampMillisOfNmrDueToMinStableCrhTime: new Float64Array(nNotes).fill(NaN),
    firstNonNMRStatus: new Array<string | null>(nNotes).fill(null),
  };
  for (let i = 0; i < nsh.length; i++) {
    const n = nsh.note[i];
    previous.currentStatus[n] = nsh.currentStatus[i];
    previous.lockedStatus[n] = nsh.lockedStatus[i];
    previous.timestampMillisOfLatestNonNMRStatus[n] = nsh.timestampMillisOfLatestNonNMRStatus[i];
    previous.timestampMillisOfNmrDueToMinStableCrhTime[n] = nsh.timestampMillisOfNmrDueToMinStableCrhTime[i];
    previous.firstNonNMRStatus[n] = nsh.firstNonNMRStatus[i];
  }
  return {
    data,
    info,
    nNotes,
    nParticipants,
    now: opts.now,
    engine: opts.engine,
    seed: opts.seed,
    enrolled,
    modelingGroup,
    noteTopic: new Int8Array(nNotes),
    universe,
    previous,
    disabledRules: new Set(opts.disabledRules ?? []),
    strictChecks: opts.strictChecks ?? false,
    onProgress: opts.onProgress,
  };
}

/** Run clustering, topics, prescoring and final scoring of every selected scorer. */
export async function runScorers(data: Dataset, opts: ScoringOptions): Promise<ScoringRun> {
  const ctx = prepareContext(data, opts);
  const progress = (stage: string, done: number, total: number) => ctx.onProgress?.(stage, done, total);
  const ratings = filterRatings(data, ctx.info);

  const reuse = opts.prescoring !== undefined;
  const same = opts.sameDataRun;
  if (same && same.ctx.data !== data) throw new Error('runScorers: sameDataRun was scored on another dataset');
  const grown = (values: Int32Array) => {
    const out = new Int32Array(ctx.nParticipants);
    out.set(values.subarray(0, ctx.nParticipants));
    return out;
  };
  const clusteringFrom = same ?? (reuse ? opts.raterClustering : undefined);
  progress('clustering', 0, 1);
  const postSelectionValue = clusteringFrom
    ? grown(clusteringFrom.postSelectionValue)
    : postSelectionCliques(ratings, ctx.info, ctx.nParticipants);
  const quasiCliqueValue = clusteringFrom
    ? grown(clusteringFrom.quasiCliqueValue)
    : quasiCliques(ratings, ctx.info, ctx.nParticipants);
  progress('clustering', 1, 1);

  progress('topics', 0, 1);
  if (same && sameNotes(same.ctx.universe, ctx.universe)) ctx.noteTopic.set(same.ctx.noteTopic);
  else {
    const cache: SeedLabelCache = opts.seedLabelCache ?? new Map();
    ctx.noteTopic.set(predictNoteTopics(trainTopicModel(ctx.info, undefined, cache), ctx.info, ctx.universe, cache));
  }
  progress('topics', 1, 1);

  const numNotes = data.notes.length;
  const clustering = { coalesce: safeguardEnabled(ctx.disabledRules, POST_SELECTION_COALESCING) };
  // Prescoring's view of the ratings (full clustering table); not needed when prescoring is reused.
  const prescoringRows = reuse
    ? new Int32Array(0)
    : applyClustering(ratings, ctx.info, postSelectionValue, quasiCliqueValue, 'prescoring', numNotes, clustering).keep;
  const highVolumeAll = tagHighVolumeRaters(ratings, ctx.nParticipants);
  const fin = applyClustering(ratings, ctx.info, postSelectionValue, quasiCliqueValue, 'final', numNotes, clustering);
  const rescore = opts.previous ? selectNotesToRescore(ctx, ratings, opts.previous) : null;
  const finalRows = rescore ? fin.keep.filter((i) => rescore.mask[ratings.note[i]] === 1) : fin.keep;
  const finalCorrelated = rescore
    ? fin.correlated.filter((_c, k) => rescore.mask[ratings.note[fin.keep[k]]] === 1)
    : fin.correlated;
  const runRatings: StageRatings = {
    ratings: selectRatings(ratings, finalRows),
    highVolume: Uint8Array.from(finalRows, (i) => highVolumeAll[i]),
    correlated: finalCorrelated,
  };
  const { data: _data, engine: _engine, onProgress: _onProgress, disabledRules, ...plain } = ctx;
  const state: ScorerState = {
    ctx: { ...plain, disabledRules: [...disabledRules] },
    prescoringRatings: selectRatings(ratings, prescoringRows),
    runRatings,
    finalUniverse: rescore ? ctx.universe.filter((n) => rescore.mask[n] === 1) : ctx.universe,
  };
  const executor = opts.executor ? opts.executor(state) : inProcessExecutor(state, ctx.engine);
  try {
    const wanted = (c: ScorerConfig) =>
      !opts.scorers || opts.scorers.includes(c.name) || opts.scorers.includes(c.prescoringName);
    const catalogue = scorerCatalogue().filter(wanted);
    let prescoring: Map<string, PrescoringResult>;
    const skippedScorers: SkippedScorer[] = [];
    if (opts.prescoring) {
      prescoring = new Map(
        [...opts.prescoring].map(([k, p]) => [k, resizePrescoring(p, ctx.nNotes, ctx.nParticipants)]),
      );
    } else {
      const prescorers = catalogue.filter((c) => c.prescoring && c.kind === 'mf').map((c) => c.name);
      progress('prescoring', 0, prescorers.length);
      const preResults = await executor.run(
        prescorers.map((scorer) => ({ kind: 'prescore', scorer })),
        (d, t) => progress('prescoring', d, t),
      );
      prescoring = new Map<string, PrescoringResult>();
      preResults.forEach((r, k) => {
        if (isSkippedScorer(r)) skippedScorers.push(r.skipped);
        else if (r) prescoring.set(prescorers[k], r as PrescoringResult);
      });
    }

    const finals = catalogue.filter((c) => c.finalScoring && prescoring.has(c.prescoringName));
    progress('final scoring', 0, finals.length);
    const outputs = (await executor.run(
      finals.map((c) => ({
        kind: 'final',
        scorer: c.name,
        prescoring: prescoring.get(c.prescoringName) as PrescoringResult,
      })),
      (d, t) => progress('final scoring', d, t),
    )) as ScorerOutput[];
    return {
      ctx,
      prescoring,
      outputs,
      postSelectionValue,
      quasiCliqueValue,
      runRatings,
      preprocessedRatings: ratings,
      rescore,
      skippedScorers,
    };
  } finally {
    await executor.close();
  }
}
