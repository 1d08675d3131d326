import { NOTE_STATUS_HISTORY_COLUMNS } from '../../data/outputColumns.ts';
import type { Dictionary, StatusHistoryTable } from '../../data/tables.ts';
import { DELETED_NOTE_TOMBSTONES_LAUNCH_TIME, NOTE_LOCK_MILLIS } from '../constants.ts';
import { NMR } from '../noteStatus.ts';
import { Frame, type Column, type NumColumn, type StrColumn } from '../frame.ts';
import { LOCKING_ENABLED_RULES } from '../meta/ruleNames.ts';
import type { NoteInfo } from '../noteInfo.ts';

/** The 24 noteStatusHistory columns (scoring-core.md §2.4), in file order. */
export const NSH_COLUMNS = NOTE_STATUS_HISTORY_COLUMNS;

export type NshColumn = (typeof NSH_COLUMNS)[number];

/** Columns of NSH_COLUMNS that hold strings (the others are numbers, NaN = empty). */
export const NSH_STRING_COLUMNS: ReadonlySet<NshColumn> = new Set([
  'noteId',
  'noteAuthorParticipantId',
  'firstNonNMRStatus',
  'currentStatus',
  'mostRecentNonNMRStatus',
  'lockedStatus',
  'currentCoreStatus',
  'currentExpansionStatus',
  'currentGroupStatus',
  'currentDecidedBy',
  'currentMultiGroupStatus',
]);

export interface StatusHistoryUpdateInput {
  /** the history as read (before the notes merge) */
  previous: StatusHistoryTable;
  /**
   * One row per universe note (key = global note index): `finalRatingStatus`, `decidedBy` (required) and the
   * coalesced `coreRatingStatus`, `expansionRatingStatus`, `groupRatingStatus`, `modelingGroup`,
   * `multiGroupRatingStatus`, `modelingMultiGroup`, `updatedTimestampMillisOfNmrDueToMinStableCrhTime`,
   * `abovePcrhThresholdTime` (optional: absent = null). Columns are looked up in `meta` first, then in `scored`.
   */
  scored: Frame;
  /** e.g. MetaResult.frame (same rows as `scored`) */
  meta?: Frame;
  /** universe facts: creation time and author of notes not yet in the history */
  info: NoteInfo;
  noteIds: Dictionary;
  participants: Dictionary;
  /** time of the update (the run's epochMillis) */
  now: number;
}

/**
 * Note status history update (scoring-core.md §15 steps 1–7): returns the new history as a Frame over the rows of
 * `scored` with the 24 NSH_COLUMNS. Locking (step 4) applies to unlocked notes older than 14 days (strict) whose
 * `decidedBy` is in LOCKING_ENABLED_RULES; a locked note gets timer −1. Deviation from the spec text, following
 * the reference outputs of both conformance cases: `abovePcrhThresholdTime` is not forced to −1 on locked notes;
 * it takes the run's pcrh value whenever the run supplies one (locked or not) and keeps its old value otherwise.
 * Throws if a history note is not scored or a scored row has no final status.
 */
export function updateStatusHistory(input: StatusHistoryUpdateInput): Frame {
  const { previous: prev, scored, info, now } = input;
  if (!Number.isFinite(now)) throw new Error(`updateStatusHistory: now must be a finite time, got ${now}`);
  const n = scored.length;
  const prevRow = new Int32Array(info.size).fill(-1);
  for (let i = 0; i < prev.length; i++) {
    if (scored.row(prev.note[i]) < 0) {
      throw new Error(
        `updateStatusHistory: note ${input.noteIds.values[prev.note[i]]} is in the status history but was not scored`,
      );
    }
    prevRow[prev.note[i]] = i;
  }
  const col = (name: string): Column | null => input.meta?.get(name) ?? scored.get(name) ?? null;
  const str = (name: string, required = false): StrColumn | null => {
    const c = col(name);
    if (c === null && required) throw new Error(`updateStatusHistory: scored notes lack column ${name}`);
    if (c instanceof Float64Array) throw new Error(`updateStatusHistory: column ${name} must hold strings`);
    return c;
  };
  const num = (name: string): NumColumn | null => {
    const c = col(name);
    if (c !== null && !(c instanceof Float64Array))
      throw new Error(`updateStatusHistory: column ${name} must be numeric`);
    return c;
  };
  const final = str('finalRatingStatus', true)!;
  const decidedBy = str('decidedBy', true)!;
  const core = str('coreRatingStatus');
  const expansion = str('expansionRatingStatus');
  const group = str('groupRatingStatus');
  const modelingGroup = num('modelingGroup');
  const multi = str('multiGroupRatingStatus');
  const modelingMulti = num('modelingMultiGroup');
  const newTimer = num('updatedTimestampMillisOfNmrDueToMinStableCrhTime');
  const pcrh = num('abovePcrhThresholdTime');

  const out = new Frame(scored.key);
  const s = (name: NshColumn) => out.str(name);
  const x = (name: NshColumn) => out.num(name);
  // Start from the previous history (or empty for new notes), then apply the steps in order.
  for (const name of NSH_COLUMNS) {
    if (name === 'noteId' || name === 'noteAuthorParticipantId' || name === 'createdAtMillis') continue;
    const source = prev[name] as Column;
    const target = NSH_STRING_COLUMNS.has(name) ? s(name) : x(name);
    for (let r = 0; r < n; r++) {
      const p = prevRow[scored.key[r]];
      if (p >= 0) target[r] = source[p] as never;
    }
  }
  const noteId = s('noteId');
  const author = s('noteAuthorParticipantId');
  const createdAt = x('createdAtMillis');
  const v = {
    tsFirst: x('timestampMillisOfFirstNonNMRStatus'),
    first: s('firstNonNMRStatus'),
    tsCurrent: x('timestampMillisOfCurrentStatus'),
    current: s('currentStatus'),
    tsLatest: x('timestampMillisOfLatestNonNMRStatus'),
    latest: s('mostRecentNonNMRStatus'),
    tsLock: x('timestampMillisOfStatusLock'),
    locked: s('lockedStatus'),
    curCore: s('currentCoreStatus'),
    curExp: s('currentExpansionStatus'),
    curGroup: s('currentGroupStatus'),
    curDecided: s('currentDecidedBy'),
    curGroupId: x('currentModelingGroup'),
    tsChange: x('timestampMillisOfMostRecentStatusChange'),
    timer: x('timestampMillisOfNmrDueToMinStableCrhTime'),
    curMulti: s('currentMultiGroupStatus'),
    curMultiId: x('currentModelingMultiGroup'),
    tsMinute: x('timestampMinuteOfFinalScoringOutput'),
    firstTimer: x('timestampMillisOfFirstNmrDueToMinStableCrhTime'),
    pcrh: x('abovePcrhThresholdTime'),
  };
  for (let r = 0; r < n; r++) {
    const note = scored.key[r];
    const p = prevRow[note];
    noteId[r] = input.noteIds.values[note];
    const a = p >= 0 ? prev.author[p] : info.author[note];
    author[r] = a >= 0 ? input.participants.values[a] : null;
    createdAt[r] = p >= 0 ? prev.createdAt[p] : info.createdAt[note];
    const status = final[r];
    if (status === null) throw new Error(`updateStatusHistory: note ${noteId[r]} has no finalRatingStatus`);
    // step 1
    v.tsMinute[r] = NaN;
    // step 2 (a null previous status differs from any status)
    if (status !== v.current[r]) v.tsChange[r] = now;
    else if (Number.isNaN(v.tsChange[r])) v.tsChange[r] = -1;
    // step 3
    v.current[r] = status;
    v.curCore[r] = core ? core[r] : null;
    v.curExp[r] = expansion ? expansion[r] : null;
    v.curGroup[r] = group ? group[r] : null;
    v.curDecided[r] = decidedBy[r];
    v.curGroupId[r] = modelingGroup ? modelingGroup[r] : NaN;
    v.tsCurrent[r] = now;
    v.curMulti[r] = multi ? multi[r] : null;
    v.curMultiId[r] = modelingMulti ? modelingMulti[r] : NaN;
    // step 4
    if (
      v.locked[r] === null &&
      now - createdAt[r] > NOTE_LOCK_MILLIS &&
      LOCKING_ENABLED_RULES.has(decidedBy[r] ?? '')
    ) {
      v.locked[r] = status;
      v.tsLock[r] = now;
    }
    // step 5
    if (v.locked[r] !== null) {
      v.timer[r] = -1;
    } else {
      const t = newTimer ? newTimer[r] : NaN;
      if (!Number.isNaN(t)) {
        v.timer[r] = t;
        if (Number.isNaN(v.firstTimer[r])) v.firstTimer[r] = t;
      }
    }
    if (pcrh && !Number.isNaN(pcrh[r])) v.pcrh[r] = pcrh[r];
    // step 6: pre-tombstone notes keep their old first / most recent fields
    if (createdAt[r] < DELETED_NOTE_TOMBSTONES_LAUNCH_TIME) continue;
    // step 7
    if (status !== NMR) {
      if (v.first[r] === null) {
        v.first[r] = status;
        v.tsFirst[r] = now;
        v.latest[r] = status;
        v.tsLatest[r] = now;
      }
      if (status !== v.latest[r]) {
        v.latest[r] = status;
        v.tsLatest[r] = now;
      }
    }
  }
  return out;
}
