/**
 * The engine's side of the boundary: one object that reads data, scores it, fits classroom worlds and runs
 * simulations, all through sim/. The worker exposes an instance over comlink; the in-process client calls it
 * directly. It keeps the last scored dataset so the UI can ask for details (one note's ratings) without
 * shipping every rating across.
 */
import {
  classroomScore,
  coreThresholds,
  createEngine,
  postBoard,
  readDatasetText,
  scoreDataset,
  scoringWarnings,
  type Dataset,
  type DatasetTexts,
  type MFEngine,
  type ReadDataset,
  type ScoringResult,
  type SimulationResult,
} from '../../sim/index.ts';
import type {
  ClassroomResult,
  ClassroomWorld,
  ControlCommand,
  DataFile,
  NoteHistory,
  NoteRatings,
  PostBoard,
  PostScoringParams,
  ProgressFn,
  ScoredDataset,
  ScoreRequest,
  SimEvent,
  SimRequest,
  SimSummary,
} from './engineTypes.ts';
import { runSimulationTask } from './runSimulationTask.ts';
import { SimControl } from './simControl.ts';
import { readDataFiles } from './readDataFiles.ts';
import { notesView, ratersView } from './scoredViews.ts';

/** Default scorers of an interactive scoring run: the core model only (the whole catalogue is slower). */
export const DEFAULT_SCORERS = ['MFCoreScorer'];

interface LastScored {
  data: Dataset;
  /** null when the data was generated but not scored yet */
  result: ScoringResult | null;
}

/** Rate-limits progress reports to about 20 a second (each may cross a thread). */
function throttled(onProgress: ProgressFn | undefined): ProgressFn {
  let last = -Infinity;
  return (p) => {
    if (!onProgress) return;
    const now = performance.now();
    if (p.done >= p.total || now - last >= 50) {
      last = now;
      onProgress(p);
    }
  };
}

export class EngineService {
  private last: LastScored | null = null;
  private lastSim: SimulationResult | null = null;
  private engine: MFEngine | null = null;
  /** control blocks of the simulations in progress, by SimRequest.controlId */
  private readonly controls = new Map<string, SimControl>();
  private simulating: Promise<void> = Promise.resolve();

  /**
   * Runs one simulation (see runSimulationTask): events after steps and scoring runs, the summary at the end.
   * Afterwards noteRatings and noteHistory answer about its final scoring run (the main run, not a counterfactual).
   */
  async simulate(request: SimRequest, onEvent?: (event: SimEvent) => void): Promise<SimSummary> {
    // Registered before any await: a command sent right after the request must find its run.
    const control = new SimControl(request.control);
    const id = request.controlId;
    if (id !== undefined) this.controls.set(id, control);
    // One simulation at a time: a new request waits for the previous one (cancelled by then, as a rule) to unwind.
    const previous = this.simulating;
    let done = () => {};
    this.simulating = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      this.engine ??= await createEngine('typed');
      this.last = null;
      this.lastSim = null;
      const { summary, result } = await runSimulationTask(request, this.engine, onEvent, control);
      this.lastSim = result;
      if (result) this.last = { data: result.dataset, result: result.lastResult };
      return summary;
    } finally {
      if (id !== undefined && this.controls.get(id) === control) this.controls.delete(id);
      done();
    }
  }

  /**
   * Applies a play / pause / step / speed / cancel command to the running simulation whose request had this
   * `controlId` (the path used when the control block is not shared). A command for a run that has ended is ignored.
   */
  control(controlId: string, command: ControlCommand): void {
    this.controls.get(controlId)?.apply(command);
  }

  /** Status and core intercept of `noteId` at every scoring run of the last simulation. */
  noteHistory(noteId: string): NoteHistory {
    const sim = this.lastSim;
    if (sim === null) throw new Error('noteHistory: no simulation has finished yet');
    const n = sim.dataset.noteIds.get(noteId);
    if (n < 0) throw new Error(`noteHistory: note ${noteId} is not in the simulation`);
    const runs = sim.timeline.runs.filter((r) => n < r.notes);
    return {
      noteId,
      time: Float64Array.from(runs, (r) => r.time),
      status: Uint8Array.from(runs, (r) => r.status[n]),
      coreStatus: Uint8Array.from(runs, (r) => r.coreStatus[n]),
      intercept: Float64Array.from(runs, (r) => r.intercept[n]),
    };
  }

  /** The last simulation's post run scored again with `params` (sim's postBoard; unset fields: the scenario's). */
  postBoard(params: Partial<PostScoringParams>): PostBoard {
    const sim = this.lastSim;
    if (sim === null) throw new Error('postBoard: no simulation has finished yet');
    const board = postBoard(sim, params);
    if (board === null)
      throw new Error(
        'postBoard: the last simulation has no post run (posts.enabled is off, or no post run succeeded)',
      );
    return board;
  }

  /**
   * Parses the user's download files (streamed, .tsv / .tsv.gz / .zip) and scores them. Returns the per-note and
   * per-rater columns. Progress: stage 'reading' in bytes, then the scorer's stages.
   */
  async scoreFiles(files: DataFile[], request: ScoreRequest, onProgress?: ProgressFn): Promise<ScoredDataset> {
    const started = performance.now();
    const report = throttled(onProgress);
    this.last = null;
    this.lastSim = null;
    const data = await readDataFiles(files, (p) =>
      report({ stage: `reading ${p.file}`, done: p.bytesRead, total: p.totalBytes }),
    );
    return this.score(data, request, report, started);
  }

  /** Scores a dataset given as texts (tests, examples). Same result shape as scoreFiles. */
  async scoreTexts(texts: DatasetTexts, request: ScoreRequest, onProgress?: ProgressFn): Promise<ScoredDataset> {
    const started = performance.now();
    this.last = null;
    this.lastSim = null;
    return this.score(readDatasetText(texts), request, throttled(onProgress), started);
  }

  /**
   * Scores again the dataset of the last request (your files, or a simulation's final tables) with other options,
   * e.g. rules switched off. `now` defaults to the latest rating time.
   */
  async rescore(request: ScoreRequest, onProgress?: ProgressFn): Promise<ScoredDataset> {
    const last = this.last;
    if (last === null) throw new Error('rescore: there is no dataset yet (score files or run a simulation first)');
    const started = performance.now();
    const { data } = last;
    return this.score(data, request, throttled(onProgress), started);
  }

  /** Every rating of `noteId` in the last scored dataset with its rater's core parameters. */
  noteRatings(noteId: string): NoteRatings {
    const last = this.last;
    if (last === null || last.result === null) throw new Error('noteRatings: no dataset has been scored yet');
    const n = last.data.noteIds.get(noteId);
    if (n < 0) throw new Error(`noteRatings: note ${noteId} is not in the scored dataset`);
    const r = last.data.ratings;
    const scored = last.result;
    const rows: number[] = [];
    for (let i = 0; i < r.length; i++) if (r.note[i] === n && r.helpful2[i] !== 255) rows.push(i);
    const raters = scored.raters;
    const bi = raters.get('coreRaterIntercept') as Float64Array | undefined;
    const bf = raters.get('coreRaterFactor1') as Float64Array | undefined;
    const out: NoteRatings = {
      noteId,
      length: rows.length,
      raterId: rows.map((i) => last.data.participants.values[r.rater[i]]),
      helpful2: Uint8Array.from(rows, (i) => r.helpful2[i]),
      createdAt: Float64Array.from(rows, (i) => r.createdAt[i]),
      raterIntercept: new Float64Array(rows.length).fill(NaN),
      raterFactor: new Float64Array(rows.length).fill(NaN),
    };
    rows.forEach((i, k) => {
      const row = raters.row(r.rater[i]);
      if (row < 0) return;
      if (bi) out.raterIntercept[k] = bi[row];
      if (bf) out.raterFactor[k] = bf[row];
    });
    return out;
  }

  /** Fits a classroom world (sim's classroomScore), timed. */
  classroom(world: ClassroomWorld): ClassroomResult {
    const started = performance.now();
    const fit = classroomScore(world);
    return { ...fit, millis: performance.now() - started };
  }

  private async score(
    data: Dataset,
    request: ScoreRequest,
    report: ProgressFn,
    started: number,
  ): Promise<ScoredDataset> {
    if (data.notes.length === 0) throw new Error('the dataset has no notes');
    if (data.ratings.length === 0) throw new Error('the dataset has no ratings');
    const now = request.now ?? latestRating(data);
    const scorers = request.scorers ?? DEFAULT_SCORERS;
    const disabledRules = request.disabledRules ?? [];
    this.engine ??= await createEngine('typed');
    const result = await scoreDataset(data, {
      now,
      seed: request.seed,
      engine: this.engine,
      scorers: scorers.length > 0 ? scorers : undefined,
      disabledRules,
      onProgress: (stage, done, total) => report({ stage, done, total }),
      sameDataRun: this.last?.data === data ? (this.last.result?.run ?? undefined) : undefined,
    });
    const view: ScoredDataset = {
      notes: notesView(data, result),
      raters: ratersView(data, result),
      counts: { notes: data.notes.length, ratings: data.ratings.length, participants: data.participants.size },
      now,
      seed: request.seed,
      scorers,
      disabledRules,
      thresholds: coreThresholds(),
      warnings: scoringWarnings(
        'warnings' in data ? (data as ReadDataset).warnings : [],
        result.run.skippedScorers,
        result.pflipFallbackReason,
      ),
      millis: performance.now() - started,
    };
    this.last = { data, result };
    return view;
  }
}

/** The latest rating time of the data: the default "now" of a scoring run on downloaded files. */
function latestRating(data: Dataset): number {
  let max = -Infinity;
  const c = data.ratings.createdAt;
  for (let i = 0; i < c.length; i++) if (c[i] > max) max = c[i];
  if (!Number.isFinite(max)) throw new Error('the ratings have no creation times');
  return max;
}
