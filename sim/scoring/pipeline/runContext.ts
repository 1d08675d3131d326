import type { Dataset, RatingsTable } from '../../data/tables.ts';
import type { MFEngine } from '../mf/types.ts';
import type { NoteInfo } from '../noteInfo.ts';

/** What every scorer reads: run-level state as plain, structured-cloneable data plus the MF engine. */
export interface ScorerContext {
  info: NoteInfo;
  nNotes: number;
  nParticipants: number;
  /** "now" (epochMillis) */
  now: number;
  engine: MFEngine;
  seed: number;
  /** per participant: present in userEnrollment */
  enrolled: Uint8Array;
  /** per participant: modelingGroup, NaN when empty or not enrolled */
  modelingGroup: Float64Array;
  /** per global note: topic id (0 = none) */
  noteTopic: Int8Array;
  /** universe notes (NSH ∪ notes) in ascending 64-bit noteId order */
  universe: Int32Array;
  /** per global note, from the previous status history (NaN / null when absent) */
  previous: {
    currentStatus: (string | null)[];
    lockedStatus: (string | null)[];
    timestampMillisOfLatestNonNMRStatus: Float64Array;
    timestampMillisOfNmrDueToMinStableCrhTime: Float64Array;
    firstNonNMRStatus: (string | null)[];
  };
  /** rule names switched off (per-scorer and meta rules alike) */
  disabledRules: ReadonlySet<string>;
  /** a failed scorer check (scorerCheck.ts) stops the run, as the reference's assertions do; else the scorer is skipped */
  strictChecks: boolean;
}

/** The scoring run's whole context: the scorer context plus the dataset it was built from. */
export interface RunContext extends ScorerContext {
  data: Dataset;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** Ratings of a stage plus the per-rating flags final scoring needs. */
export interface StageRatings {
  ratings: RatingsTable;
  /** per rating: rater flagged high-volume */
  highVolume: Uint8Array;
  /** per rating: rater in a correlated cluster */
  correlated: Uint8Array;
}
