import type { TextTable } from '../../data/readOutputTable.ts';
import type { RatingsTable } from '../../data/tables.ts';
import { NOTE_LOCK_MILLIS } from '../constants.ts';
import { Frame } from '../frame.ts';
import { LOCKING_ENABLED_RULES } from '../meta/ruleNames.ts';
import type { RunContext } from './runContext.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A previous run's outputs, fed back in (production's incremental mode, scoring-core.md §15 end). */
export interface PreviousOutputs {
  scoredNotes: TextTable;
  auxNoteInfo?: TextTable;
}

/** Which notes an incremental run rescores, and why (`rescoringActiveRules`). */
export interface RescoreSelection {
  /** per global note: 1 = rescore */
  mask: Uint8Array;
  rules: (string | null)[];
  /** the previous run's rating cutoff (its latest timestampMillisOfCurrentStatus) */
  previousCutoff: number;
}

/**
 * The union of the reference's rescoring subsets: notes with ratings newer than the previous run, notes the previous
 * output does not have, young notes not rescored for a day, notes that flipped in the previous run, recently flipped
 * notes not rescored within the hour, notes in stabilization, and unlocked notes 14–21 days old decided by a
 * locking-enabled rule. Everything else keeps its previous output.
 */
export function selectNotesToRescore(
  ctx: RunContext,
  ratings: RatingsTable,
  previous: PreviousOutputs,
): RescoreSelection {
  const now = ctx.now;
  const prev = previous.scoredNotes;
  const inPrevious = new Uint8Array(ctx.nNotes);
  let previousCutoff = -Infinity;
  const ids = prev.columns.get('noteId') as (string | null)[];
  const times = prev.columns.get('timestampMillisOfCurrentStatus');
  ids.forEach((id, r) => {
    const n = id === null ? -1 : ctx.data.noteIds.get(id);
    if (n >= 0) inPrevious[n] = 1;
    const t = Number(times?.[r] ?? NaN);
    if (t > previousCutoff) previousCutoff = t;
  });
  const newRatings = new Uint8Array(ctx.nNotes);
  for (let i = 0; i < ratings.length; i++) if (ratings.createdAt[i] > previousCutoff) newRatings[ratings.note[i]] = 1;

  const nsh = ctx.data.statusHistory;
  const row = new Int32Array(ctx.nNotes).fill(-1);
  for (let i = 0; i < nsh.length; i++) row[nsh.note[i]] = i;
  const mask = new Uint8Array(ctx.nNotes);
  const rules = new Array<string | null>(ctx.nNotes).fill(null);
  for (const n of ctx.universe) {
    const r = row[n];
    const age = now - ctx.info.createdAt[n];
    const lastScored = r >= 0 ? nsh.timestampMillisOfCurrentStatus[r] : NaN;
    const lastChange = r >= 0 ? nsh.timestampMillisOfMostRecentStatusChange[r] : NaN;
    const why: string[] = [];
    if (newRatings[n]) why.push('NOTES_WITH_NEW_RATINGS');
    if (lastChange > 0 && lastChange === lastScored) why.push('NOTES_FLIPPED_PREVIOUS_RUN');
    if (!inPrevious[n] || (age < NOTE_LOCK_MILLIS && !(lastScored >= now - DAY)))
      why.push('NEW_NOTES_NOT_RESCORED_RECENTLY_ENOUGH');
    if (lastChange > now - DAY && !(lastScored >= now - HOUR))
      why.push('RECENTLY_FLIPPED_NOTES_NOT_RESCORED_RECENTLY_ENOUGH');
    if (r >= 0 && nsh.timestampMillisOfNmrDueToMinStableCrhTime[r] > 0) why.push('NMR_DUE_TO_MIN_STABLE_CRH_TIME');
    const decider = r >= 0 ? nsh.currentDecidedBy[r] : null;
    if (
      r >= 0 &&
      nsh.lockedStatus[r] === null &&
      decider !== null &&
      LOCKING_ENABLED_RULES.has(decider) &&
      age > NOTE_LOCK_MILLIS &&
      age < 21 * DAY
    ) {
      why.push('LOCKING_ELIGIBLE_RECENT_UNLOCKED_NOTES');
    }
    if (why.length > 0) {
      mask[n] = 1;
      rules[n] = why.join(',');
    }
  }
  return { mask, rules, previousCutoff };
}

/**
 * Overwrite the rows of notes that were not rescored with their previous output (every column the previous file
 * has and the frame knows; numbers parsed, empty cells missing).
 */
export function carryOverPrevious(
  frame: Frame,
  table: TextTable | undefined,
  mask: Uint8Array,
  noteIndex: (id: string) => number,
): void {
  if (!table) return;
  const ids = table.columns.get('noteId');
  if (!ids) return;
  const rowOf = new Int32Array(frame.length).fill(-1);
  ids.forEach((id, r) => {
    const n = id === null ? -1 : noteIndex(id);
    const fr = n >= 0 ? frame.row(n) : -1;
    if (fr >= 0 && !mask[n]) rowOf[fr] = r;
  });
  for (const [name, values] of table.columns) {
    if (name === 'noteId') continue;
    const target = frame.get(name);
    const present = values.some((v) => v !== null);
    if (target === undefined && !present) continue;
    const numeric =
      target instanceof Float64Array ||
      (target === undefined && values.every((v) => v === null || !Number.isNaN(Number(v))));
    const col = numeric ? frame.num(name) : frame.str(name);
    for (let fr = 0; fr < frame.length; fr++) {
      const r = rowOf[fr];
      if (r < 0) continue;
      const v = values[r];
      if (numeric) (col as Float64Array)[fr] = v === null ? NaN : Number(v);
      else (col as (string | null)[])[fr] = v;
    }
  }
}
