import type { Dictionary, StatusHistoryTable } from '../../../data/tables.ts';
import type { NoteInfo } from '../../noteInfo.ts';
import { numValues, strValues, type Tsv } from './parseTsv.ts';

/** Test support: a StatusHistoryTable from a parsed 24-column noteStatusHistory TSV (ids interned into the dicts). */
export function statusHistoryFromTsv(tsv: Tsv, noteIds: Dictionary, participants: Dictionary): StatusHistoryTable {
  const n = (c: string) => numValues(tsv.col(c));
  const s = (c: string) => strValues(tsv.col(c));
  return {
    length: tsv.rows.length,
    note: Int32Array.from(tsv.col('noteId'), (id) => noteIds.intern(id)),
    author: Int32Array.from(tsv.col('noteAuthorParticipantId'), (id) => participants.intern(id)),
    createdAt: n('createdAtMillis'),
    timestampMillisOfFirstNonNMRStatus: n('timestampMillisOfFirstNonNMRStatus'),
    firstNonNMRStatus: s('firstNonNMRStatus'),
    timestampMillisOfCurrentStatus: n('timestampMillisOfCurrentStatus'),
    currentStatus: s('currentStatus'),
    timestampMillisOfLatestNonNMRStatus: n('timestampMillisOfLatestNonNMRStatus'),
    mostRecentNonNMRStatus: s('mostRecentNonNMRStatus'),
    timestampMillisOfStatusLock: n('timestampMillisOfStatusLock'),
    lockedStatus: s('lockedStatus'),
    timestampMillisOfRetroLock: n('timestampMillisOfRetroLock'),
    currentCoreStatus: s('currentCoreStatus'),
    currentExpansionStatus: s('currentExpansionStatus'),
    currentGroupStatus: s('currentGroupStatus'),
    currentDecidedBy: s('currentDecidedBy'),
    currentModelingGroup: n('currentModelingGroup'),
    timestampMillisOfMostRecentStatusChange: n('timestampMillisOfMostRecentStatusChange'),
    timestampMillisOfNmrDueToMinStableCrhTime: n('timestampMillisOfNmrDueToMinStableCrhTime'),
    currentMultiGroupStatus: s('currentMultiGroupStatus'),
    currentModelingMultiGroup: n('currentModelingMultiGroup'),
    timestampMinuteOfFinalScoringOutput: n('timestampMinuteOfFinalScoringOutput'),
    timestampMillisOfFirstNmrDueToMinStableCrhTime: n('timestampMillisOfFirstNmrDueToMinStableCrhTime'),
    abovePcrhThresholdTime: n('abovePcrhThresholdTime'),
  };
}

/** Test support: NoteInfo for the notes of a status history (all in the universe; classification unknown). */
export function noteInfoFromHistory(nsh: StatusHistoryTable, size: number): NoteInfo {
  const info: NoteInfo = {
    size,
    inUniverse: new Uint8Array(size),
    author: new Int32Array(size).fill(-1),
    createdAt: new Float64Array(size).fill(NaN),
    tweetId: new Array<string | null>(size).fill(null),
    classification: new Uint8Array(size),
    summary: new Array<string>(size).fill(''),
  };
  for (let i = 0; i < nsh.length; i++) {
    const n = nsh.note[i];
    info.inUniverse[n] = 1;
    info.author[n] = nsh.author[i];
    info.createdAt[n] = nsh.createdAt[i];
  }
  return info;
}
