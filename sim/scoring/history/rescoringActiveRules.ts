import type { StatusHistoryTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';

const DAY = 24 * 3600 * 1000;

export interface RescoringOptions {
  /**
   * Time the "recent" windows are measured from. The reference uses the wall clock here (not epochMillis), so on
   * data whose epochMillis lies in the past (the conformance cases) it finds no recent note and writes only
   * ALL_NOTES; pass a late time to reproduce that, or the run's now for the production meaning.
   */
  now: number;
  /**
   * Notes with a rating newer than the previous run's cutoff (global note index -> 1). They are removed from
   * NEW_NOTES_NOT_RESCORED_RECENTLY_ENOUGH, as in the reference. Default: none.
   */
  notesWithNewRatings?: Uint8Array;
}

/**
 * `rescoringActiveRules` of a full run (scoring-core.md §15 end), one entry per note of `notes` (global note
 * indices, e.g. the scored frame's key): `ALL_NOTES`, plus `NOTES_CREATED_SOMEWHAT_RECENTLY` for notes created
 * 3–13 days before `now` (created ≥ now − 13 d and < now − 3 d), plus `NEW_NOTES_NOT_RESCORED_RECENTLY_ENOUGH`
 * for notes created within 14 days whose previous `timestampMillisOfCurrentStatus` is older than one day.
 */
export function rescoringActiveRules(
  notes: Int32Array,
  previous: StatusHistoryTable,
  info: NoteInfo,
  options: RescoringOptions,
): (string | null)[] {
  const { now } = options;
  if (!Number.isFinite(now)) throw new Error(`rescoringActiveRules: now must be a finite time, got ${now}`);
  const lastScored = new Float64Array(info.size).fill(NaN);
  for (let i = 0; i < previous.length; i++) lastScored[previous.note[i]] = previous.timestampMillisOfCurrentStatus[i];
  return Array.from(notes, (n) => {
    if (n < 0 || n >= info.size) throw new Error(`rescoringActiveRules: note index ${n} is outside the note table`);
    const created = info.createdAt[n];
    let rules = 'ALL_NOTES';
    if (created >= now - 13 * DAY && created < now - 3 * DAY) rules += ',NOTES_CREATED_SOMEWHAT_RECENTLY';
    const fresh = created > now - 14 * DAY && lastScored[n] < now - DAY;
    if (fresh && !(options.notesWithNewRatings?.[n] === 1)) rules += ',NEW_NOTES_NOT_RESCORED_RECENTLY_ENOUGH';
    return rules;
  });
}
