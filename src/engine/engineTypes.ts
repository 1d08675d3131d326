/**
 * What crosses the boundary between the UI and the engine (a worker or the same thread): plain data and
 * typed-array columns only, so results transfer without copying. Missing numbers are NaN, missing strings null.
 */
import type {
  AttackReport,
  ClassroomFit,
  ClassroomWorld,
  CoreThresholds,
  DataWarning,
  PostActivation,
  PostBoard,
  PostScoringParams,
  NoteStatus,
  SimulationMetrics,
  TargetHelpfulSeries,
} from '../../sim/index.ts';

/** Progress of a long request: `stage` in words, `done` of `total` units (bytes, steps, stages). */
export interface Progress {
  stage: string;
  done: number;
  total: number;
}
export type ProgressFn = (progress: Progress) => void;

/** How to score a dataset. `now` defaults to the latest rating time in the data. */
export interface ScoreRequest {
  seed: number;
  /** ms since epoch; the run's "now" */
  now?: number;
  /** scorer names (default ['MFCoreScorer']; [] = the whole catalogue) */
  scorers?: string[];
  disabledRules?: string[];
}

/** Per-note results of one scoring run (one row per scored note, ascending note id). */
export interface ScoredNotes {
  length: number;
  noteId: string[];
  author: (string | null)[];
  classification: (string | null)[];
  createdAt: Float64Array;
  numRatings: Float64Array;
  /** core model (MFCoreScorer) parameters */
  intercept: Float64Array;
  factor: Float64Array;
  /** pseudo-rater bounds of the core intercept */
  interceptMin: Float64Array;
  interceptMax: Float64Array;
  /** safeguard re-fits of the core intercept */
  interceptNoHighVol: Float64Array;
  interceptNoCorrelated: Float64Array;
  interceptPopulationSampled: Float64Array;
  /** finalRatingStatus */
  status: (string | null)[];
  coreStatus: (string | null)[];
  decidedBy: (string | null)[];
  coreRules: (string | null)[];
  metaRules: (string | null)[];
}

/** Per-rater results (helpfulness_scores): core rater parameters. */
export interface ScoredRaters {
  length: number;
  participantId: string[];
  intercept: Float64Array;
  factor: Float64Array;
  enrollmentState: (string | null)[];
}

/** One scored dataset as the UI sees it. */
export interface ScoredDataset {
  notes: ScoredNotes;
  raters: ScoredRaters;
  counts: { notes: number; ratings: number; participants: number };
  now: number;
  seed: number;
  scorers: string[];
  disabledRules: string[];
  thresholds: CoreThresholds;
  /** what the run tolerated but the user must hear about (the CLI's warnings.tsv): input, skipped scorers, pflip */
  warnings: DataWarning[];
  /** wall time of parsing + scoring, ms */
  millis: number;
}

/** Every rating of one note with its rater's parameters, for the note inspector. */
export interface NoteRatings {
  noteId: string;
  length: number;
  raterId: string[];
  /** helpfulNum × 2: 0 not helpful, 1 somewhat, 2 helpful */
  helpful2: Uint8Array;
  createdAt: Float64Array;
  raterIntercept: Float64Array;
  raterFactor: Float64Array;
}

/** A file handed to the engine: a browser File/Blob with its name. */
export interface DataFile {
  name: string;
  blob: Blob;
}

/** The fitted classroom model (sim's classroomScore) and the fit time in the engine, ms. */
export interface ClassroomResult extends ClassroomFit {
  millis: number;
}

/** One simulation run to perform in the engine. */
export interface SimRequest {
  /** scenario JSON (validated by the engine with sim's validateScenario) */
  scenario: unknown;
  /** overrides scenario.seed */
  seed?: number;
  /** which run of a comparison: 'main', 'ab', 'counterfactual' */
  label?: string;
  withAdversaries?: boolean;
  /** overrides scenario.scoring.disabledRules */
  disabledRules?: string[];
  /** false: only generate the world's ratings, no periodic scoring (rescore the result afterwards) */
  score?: boolean;
  /** pause / step / speed / cancel block shared with the UI (SimControl.buffer; its initial state when not shared) */
  control?: Int32Array;
  /**
   * names this run's control block in the engine, so that control commands (EngineClient.control) reach it when
   * the block cannot be shared (no cross-origin isolation)
   */
  controlId?: string;
  /**
   * after the main run, also run the counterfactual (same world and seed, without the adversaries) and report
   * attack success in SimSummary.attack; ignored when the scenario has no adversaries or withAdversaries is false
   */
  counterfactual?: boolean;
}

/** Which run of a simulation request an event belongs to: the run asked for, or its counterfactual. */
export type SimPhase = 'main' | 'counterfactual';

/** A play / pause / step / speed / cancel command for a running simulation (see SimControl). */
export type ControlCommand =
  | { op: 'pause' }
  | { op: 'resume' }
  | { op: 'step' }
  | { op: 'cancel' }
  /** minimum wall time per simulated step, ms */
  | { op: 'delay'; ms: number };

/** After every simulated step (rate-limited). */
export interface SimStepEvent {
  kind: 'step';
  label: string;
  phase: SimPhase;
  step: number;
  steps: number;
  time: number;
  notes: number;
  ratings: number;
}

/** After every scoring run: status counts, the notes whose status changed since the previous run, rules fired. */
export interface SimRunEvent {
  kind: 'run';
  label: string;
  phase: SimPhase;
  /** 0-based run number */
  index: number;
  step: number;
  steps: number;
  time: number;
  notes: number;
  ratings: number;
  /** notes per status, in statusCodes order */
  counts: number[];
  /** status changes since the previous run: note index, previous and new status code */
  flips: { note: Int32Array; from: Uint8Array; to: Uint8Array };
  /** notes on which each rule appears */
  rules: Record<string, number>;
  /** why the scoring run failed (statuses carried over), else null */
  error: string | null;
}
export type SimEvent = SimStepEvent | SimRunEvent;

/** Final per-note results of a simulation with the world's truth beside them (row = scored note). */
export interface SimNotes extends ScoredNotes {
  /** world note index of each row */
  index: Int32Array;
  /** true helpfulness (latent) */
  helpfulness: Float64Array;
  /** first slant coordinate */
  slant: Float64Array;
  /** 0 human, 1 AI, 2 adversary */
  writerKind: Uint8Array;
}

/** Final per-rater results with truth (row = participant in helpfulness_scores). */
export interface SimRaters extends ScoredRaters {
  /** first perspective coordinate */
  perspective: Float64Array;
  /** 0 organic, 1 AI writer, 2 adversary */
  role: Uint8Array;
}

/** What a finished (or cancelled) simulation leaves for the UI. */
export interface SimSummary {
  label: string;
  seed: number;
  scenarioName: string;
  steps: number;
  stepsDone: number;
  cancelled: boolean;
  start: number;
  end: number;
  /** status names by code (SimRunEvent.counts order, NoteHistory.status codes) */
  statusCodes: NoteStatus[];
  /** the last successful scoring run's notes and raters (null when none succeeded) */
  notes: SimNotes | null;
  raters: SimRaters | null;
  sources: Record<string, number>;
  /** sim's metrics of the run against the world's truth (null when cancelled) */
  metrics: SimulationMetrics | null;
  thresholds: CoreThresholds;
  /** attack success against the counterfactual (null unless SimRequest.counterfactual ran to the end) */
  attack: AttackSummary | null;
  /** the post pilot (§12): its last post run with the scenario's parameters and its post timeline; null without */
  posts: SimPosts | null;
  /** wall time, ms (both runs when there is a counterfactual) */
  millis: number;
}

/** The post pilot of a simulation as the UI sees it (EngineClient.postBoard rescores it with other parameters). */
export interface SimPosts {
  board: PostBoard;
  activation: PostActivation;
}

/** Attack success of a run with adversaries against its counterfactual (same world and seed, no adversaries). */
export interface AttackSummary {
  /** sim's report: per adversary outcome, collateral, deltas of the comparable metrics (with minus without) */
  report: AttackReport;
  /** metrics of the counterfactual run */
  counterfactual: SimulationMetrics;
  targetHelpful: TargetHelpfulSeries;
  /** wall time of the counterfactual run, ms */
  millis: number;
}

/** One note's status and core intercept at every scoring run of the last simulation. */
export interface NoteHistory {
  noteId: string;
  time: Float64Array;
  /** status code per run (statusCodes of the SimSummary; NO_STATUS = none) */
  status: Uint8Array;
  coreStatus: Uint8Array;
  intercept: Float64Array;
}

export type { TargetHelpfulSeries, ClassroomWorld, CoreThresholds, PostBoard, PostActivation, PostScoringParams };
