import { NO_STATUS, statusCode } from '../scoring/noteStatus.ts';
import type { ScoringResult } from '../scoring/pipeline/scoreDataset.ts';

/** The active-rules columns whose rule names are counted per run. */
export const RULE_COLUMNS = [
  'coreActiveRules',
  'coreWithTopicsActiveRules',
  'expansionActiveRules',
  'expansionPlusActiveRules',
  'groupActiveRules',
  'multiGroupActiveRules',
  'topicActiveRules',
  'gaussianActiveRules',
  'gaussianCoreWithTopicsActiveRules',
  'metaScorerActiveRules',
] as const;

/** What one scoring run decided, per note (indexed by world note index, notes [0, notes)). */
export interface RunSnapshot {
  /** run time ("now"), ms */
  time: number;
  /** notes that existed (and were scored) */
  notes: number;
  ratings: number;
  /** finalRatingStatus code (StatusCode) */
  status: Uint8Array;
  /** coreRatingStatus code, NO_STATUS when Core did not score the note */
  coreStatus: Uint8Array;
  /** in proposed-note preview after the run (stabilization timer > 0 in the updated history) */
  preview: Uint8Array;
  /** index into StatusTimeline.decidedByNames */
  decidedBy: Uint16Array;
  /** coreNoteIntercept (NaN when absent) */
  intercept: Float32Array;
  /** notes on which each rule appears in an active-rules column, by rule name */
  rules: Record<string, number>;
  /** why the scoring run failed (statuses then stay as they were), else null */
  error: string | null;
}

/** Every run of a simulation, in time order, with a shared dictionary of decidedBy names. */
export class StatusTimeline {
  readonly runs: RunSnapshot[] = [];
  readonly decidedByNames: string[] = [''];
  private readonly decidedByIndex = new Map<string, number>([['', 0]]);

  /** Records a run from its scoring result; notes are keyed by the result's global note index. */
  record(result: ScoringResult, time: number, notes: number, ratings: number): RunSnapshot {
    const f = result.notes;
    const snap = this.blank(time, notes, ratings);
    const final = f.str('finalRatingStatus');
    const core = f.get('coreRatingStatus') as (string | null)[] | undefined;
    const decided = f.str('decidedBy');
    const intercept = f.get('coreNoteIntercept') as Float64Array | undefined;
    const timer = result.statusHistory.num('timestampMillisOfNmrDueToMinStableCrhTime');
    for (let r = 0; r < f.length; r++) {
      const n = f.key[r];
      if (n >= notes) continue;
      snap.status[n] = statusCode(final[r]);
      snap.coreStatus[n] = core ? statusCode(core[r]) : NO_STATUS;
      snap.preview[n] = timer[result.statusHistory.row(n)] > 0 ? 1 : 0;
      snap.decidedBy[n] = this.internDecidedBy(decided[r] ?? '');
      snap.intercept[n] = intercept ? intercept[r] : NaN;
    }
    for (const name of RULE_COLUMNS) {
      const col = f.get(name);
      if (!Array.isArray(col)) continue;
      for (const cell of col) {
        if (!cell) continue;
        for (const rule of cell.split(',')) snap.rules[rule] = (snap.rules[rule] ?? 0) + 1;
      }
    }
    this.runs.push(snap);
    return snap;
  }

  /** Records a failed run: statuses carried over from the previous run. */
  recordFailure(time: number, notes: number, ratings: number, error: string): RunSnapshot {
    const snap = this.blank(time, notes, ratings);
    const prev = this.runs[this.runs.length - 1];
    if (prev) {
      snap.status.set(prev.status.subarray(0, Math.min(prev.notes, notes)));
      snap.coreStatus.set(prev.coreStatus.subarray(0, Math.min(prev.notes, notes)));
      snap.preview.set(prev.preview.subarray(0, Math.min(prev.notes, notes)));
    }
    snap.error = error;
    this.runs.push(snap);
    return snap;
  }

  private blank(time: number, notes: number, ratings: number): RunSnapshot {
    return {
      time,
      notes,
      ratings,
      status: new Uint8Array(notes),
      coreStatus: new Uint8Array(notes).fill(NO_STATUS),
      preview: new Uint8Array(notes),
      decidedBy: new Uint16Array(notes),
      intercept: new Float32Array(notes).fill(NaN),
      rules: {},
      error: null,
    };
  }

  private internDecidedBy(name: string): number {
    let i = this.decidedByIndex.get(name);
    if (i === undefined) {
      i = this.decidedByNames.length;
      this.decidedByNames.push(name);
      this.decidedByIndex.set(name, i);
    }
    return i;
  }
}
