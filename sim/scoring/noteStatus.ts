/**
 * Note statuses (scoring-core.md §2.8, §14): the one definition shared by scoring (the status strings of the public
 * files), simulation and metrics (a compact code per note in Uint8Arrays: `StatusCode`), notebooks and the UI.
 */
export const NMR = 'NEEDS_MORE_RATINGS';
export const CRH = 'CURRENTLY_RATED_HELPFUL';
export const CRNH = 'CURRENTLY_RATED_NOT_HELPFUL';
export const NYH = 'NEEDS_YOUR_HELP';
export const FIRM_REJECT = 'FIRM_REJECT';
export type NoteStatus = typeof NMR | typeof CRH | typeof CRNH | typeof NYH | typeof FIRM_REJECT;

/** Every status, indexed by its code (`NOTE_STATUSES[StatusCode.CRH] === CRH`). */
export const NOTE_STATUSES = [NMR, CRH, CRNH, NYH, FIRM_REJECT] as const satisfies readonly NoteStatus[];

/** The code of each status in per-note Uint8Arrays (RunSnapshot.status, StepContext.status). */
export const StatusCode = { NMR: 0, CRH: 1, CRNH: 2, NYH: 3, FIRM_REJECT: 4 } as const;
/** The code of no status (a model that did not score the note, an unknown string). */
export const NO_STATUS = 255;

/** Short names of the statuses by code (flip kinds such as `CRH->NMR`). */
export const STATUS_SHORT_NAMES = ['NMR', 'CRH', 'CRNH', 'NYH', 'FR'] as const;

/** Whether `value` is one of the note statuses. */
export function isNoteStatus(value: unknown): value is NoteStatus {
  return (NOTE_STATUSES as readonly unknown[]).includes(value);
}

/**
 * The code of a status string; NO_STATUS for null or a string that is not a status.
 *
 * @example statusCode('CURRENTLY_RATED_HELPFUL'); // 1 (StatusCode.CRH)
 */
export function statusCode(status: string | null): number {
  if (status === null) return NO_STATUS;
  const i = (NOTE_STATUSES as readonly string[]).indexOf(status);
  return i < 0 ? NO_STATUS : i;
}

/** The status of a code; null for NO_STATUS or any other code that is not a status. */
export function statusOfCode(code: number): NoteStatus | null {
  return NOTE_STATUSES[code] ?? null;
}
