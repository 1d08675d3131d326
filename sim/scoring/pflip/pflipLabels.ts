import type { StatusHistoryTable } from '../../data/tables.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';

export const LABEL_NONE = -1;
export const LABEL_CRH = 0;
export const LABEL_FLIP = 1;

/**
 * Flip labels from a note status history (scoring-robustness.md §10.2), per global note index (`nNotes` entries):
 * LABEL_CRH when the locked status is CRH, unless the current decider is `ScoringDriftGuard…`; LABEL_FLIP when the
 * locked status is NMR or CRNH and either the first non-NMR status was CRH or the note entered stabilization
 * (`timestampMillisOfFirstNmrDueToMinStableCrhTime` > 0) without ever getting a non-NMR status; else LABEL_NONE
 * (unlocked notes, notes absent from the history).
 *
 * @example pflipLabels(data.statusHistory, data.noteIds.size)[n] === LABEL_FLIP
 */
export function pflipLabels(history: StatusHistoryTable, nNotes: number): Int8Array {
  const labels = new Int8Array(nNotes).fill(LABEL_NONE);
  for (let i = 0; i < history.length; i++) {
    const n = history.note[i];
    if (n < 0 || n >= nNotes) {
      throw new Error(`pflipLabels: status history row ${i} has note index ${n}, outside [0, ${nNotes})`);
    }
    const locked = history.lockedStatus[i];
    const first = history.firstNonNMRStatus[i];
    if (locked === CRH) {
      const decider = history.currentDecidedBy[i];
      if (decider === null || !decider.startsWith('ScoringDriftGuard')) labels[n] = LABEL_CRH;
    } else if (locked === NMR || locked === CRNH) {
      const enteredStabilization = history.timestampMillisOfFirstNmrDueToMinStableCrhTime[i] > 0;
      if (first === CRH || (enteredStabilization && (first === null || first === ''))) labels[n] = LABEL_FLIP;
    }
  }
  return labels;
}
