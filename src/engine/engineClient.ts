/**
 * The one interface the UI uses to reach the engine. Two implementations: a Web Worker over comlink
 * (workerEngineClient.ts, the app's) and the same service on the calling thread (inProcessEngineClient.ts, tests).
 */
import type { DatasetTexts } from '../../sim/index.ts';
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
  SimEvent,
  SimRequest,
  SimSummary,
  ScoredDataset,
  ScoreRequest,
} from './engineTypes.ts';

export interface EngineClient {
  /** Parses the download files in the engine and scores them (progress: bytes read, then scorer stages). */
  scoreFiles(files: DataFile[], request: ScoreRequest, onProgress?: ProgressFn): Promise<ScoredDataset>;
  /** Scores a dataset given as texts. */
  scoreTexts(texts: DatasetTexts, request: ScoreRequest, onProgress?: ProgressFn): Promise<ScoredDataset>;
  /** Scores the last dataset (files or a simulation's tables) again with other options. */
  rescore(request: ScoreRequest, onProgress?: ProgressFn): Promise<ScoredDataset>;
  /** One note's ratings in the last scored dataset, with rater parameters. */
  noteRatings(noteId: string): Promise<NoteRatings>;
  /**
   * Runs a simulation; `onEvent` hears every step (rate-limited) and scoring run. Control it with request.control
   * (a SimControl's block) and, when that block is not shared, with `control(request.controlId, ...)`.
   */
  simulate(request: SimRequest, onEvent?: (event: SimEvent) => void): Promise<SimSummary>;
  /**
   * Sends a play / pause / step / speed / cancel command to the simulation started with this `controlId`, for
   * control blocks the engine cannot see (no shared memory). Resolves once the engine has applied it (or at once
   * when there is nothing to reach: no engine started, or one that reads the caller's block directly).
   */
  control(controlId: string, command: ControlCommand): Promise<void>;
  /** One note's status and intercept at every scoring run of the last simulation. */
  noteHistory(noteId: string): Promise<NoteHistory>;
  /** The last simulation's post run scored again with other §12 parameters (unset: the scenario's). */
  postBoard(params: Partial<PostScoringParams>): Promise<PostBoard>;
  /** Fits a classroom world. */
  classroom(world: ClassroomWorld): Promise<ClassroomResult>;
  /** Abandons every request in flight: they reject with a CancelledError (the worker is restarted). */
  cancel(): void;
  /** Releases the engine (terminates the worker). */
  dispose(): void;
}

/** The rejection of a request abandoned by `cancel()`. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Whether `err` is a cancellation (not a failure to report). */
export const isCancelled = (err: unknown): boolean => err instanceof Error && err.name === 'CancelledError';
