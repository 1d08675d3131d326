import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../data/tables.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import { Frame } from '../frame.ts';
import { metaScore } from '../meta/metaRules.ts';
import { conformanceMetaFrame } from '../meta/testing/conformanceFixture.ts';
import { frameOf } from '../meta/testing/frameOf.ts';
import { numValues, parseTsv, strValues } from '../meta/testing/parseTsv.ts';
import { noteInfoFromHistory, statusHistoryFromTsv } from '../meta/testing/statusHistoryFromTsv.ts';
import { rescoringActiveRules } from './rescoringActiveRules.ts';
import { NSH_COLUMNS, NSH_STRING_COLUMNS, updateStatusHistory } from './updateStatusHistory.ts';

const CONFORMANCE = '/work/shared/conformance';
const NOW = 1748736000000;
const DAY = 86_400_000;

describe.each(['full-s202', 'core-s101'])(
  'status history update on %s (reference per-model columns + our meta scoring)',
  (name) => {
    const read = (f: string) => parseTsv(readFileSync(`${CONFORMANCE}/${name}/${f}`, 'utf8'));
    const scored = read('expected/scored_notes.tsv');
    const aux = read('expected/aux_note_info.tsv');
    const nshTsv = read('input/noteStatusHistory-00000.tsv');
    const expected = read('expected/note_status_history.tsv');
    const noteIds = new Dictionary();
    for (const id of scored.col('noteId')) noteIds.intern(id);
    const participants = new Dictionary();
    const previous = statusHistoryFromTsv(nshTsv, noteIds, participants);
    const info = noteInfoFromHistory(previous, noteIds.size);
    const { frame } = conformanceMetaFrame(scored, aux, nshTsv);
    const meta = metaScore(frame, { now: NOW }).frame;
    const nsh = updateStatusHistory({ previous, scored: frame, meta, info, noteIds, participants, now: NOW });

    it('writes the 24 columns in order', () => {
      expect(NSH_COLUMNS.length).toBe(24);
      expect(expected.header).toEqual([...NSH_COLUMNS]);
    });

    it.each([...NSH_COLUMNS])('%s agrees on every note', (name) => {
      const ids = expected.col('noteId');
      const diffs: string[] = [];
      if (NSH_STRING_COLUMNS.has(name)) {
        const want = strValues(expected.col(name));
        const got = nsh.str(name);
        got.forEach((g, i) => g !== want[i] && diffs.push(`${ids[i]}: ${g} vs ${want[i]}`));
      } else {
        const want = numValues(expected.col(name));
        const got = nsh.num(name);
        got.forEach((g, i) => !Object.is(g, want[i]) && diffs.push(`${ids[i]}: ${g} vs ${want[i]}`));
      }
      expect(diffs.slice(0, 5)).toEqual([]);
    });

    it('scored_notes.timestampMillisOfNmrDueToMinStableCrhTime equals the new history timer', () => {
      const want = numValues(scored.col('timestampMillisOfNmrDueToMinStableCrhTime'));
      expect(Array.from(nsh.num('timestampMillisOfNmrDueToMinStableCrhTime'))).toEqual(Array.from(want));
    });

    it('rescoringActiveRules: ALL_NOTES only when measured from the reference run wall clock', () => {
      const late = Date.UTC(2026, 10, 23);
      const rules = rescoringActiveRules(frame.key, previous, info, { now: late });
      expect(rules).toEqual(strValues(scored.col('rescoringActiveRules')));
    });
  },
);

describe('updateStatusHistory rules', () => {
  const noteIds = new Dictionary();
  const participants = new Dictionary();
  const t0 = 1_700_000_000_000;
  const ids = ['10', '11', '12', '13', '14', '15'];
  ids.forEach((id) => noteIds.intern(id));
  const author = participants.intern('A');
  // notes 0..4 in the history; note 5 is new (only in the notes file)
  const created = [t0 - 15 * DAY, t0 - 14 * DAY, t0 - 20 * DAY, t0 - 20 * DAY, 1_600_000_000_000, t0 - DAY];
  const n = 5;
  const empty = () => new Float64Array(n).fill(NaN);
  const nulls = () => new Array<string | null>(n).fill(null);
  const previous = {
    length: n,
    note: Int32Array.from([0, 1, 2, 3, 4]),
    author: new Int32Array(n).fill(author),
    createdAt: Float64Array.from(created.slice(0, n)),
    timestampMillisOfFirstNonNMRStatus: empty(),
    firstNonNMRStatus: nulls(),
    timestampMillisOfCurrentStatus: empty(),
    currentStatus: [NMR, NMR, CRH, NMR, NMR],
    timestampMillisOfLatestNonNMRStatus: empty(),
    mostRecentNonNMRStatus: nulls(),
    timestampMillisOfStatusLock: empty(),
    lockedStatus: nulls(),
    timestampMillisOfRetroLock: empty(),
    currentCoreStatus: nulls(),
    currentExpansionStatus: nulls(),
    currentGroupStatus: nulls(),
    currentDecidedBy: nulls(),
    currentModelingGroup: empty(),
    timestampMillisOfMostRecentStatusChange: empty(),
    timestampMillisOfNmrDueToMinStableCrhTime: Float64Array.from([NaN, NaN, NaN, t0 - 40 * 60_000, NaN]),
    currentMultiGroupStatus: nulls(),
    currentModelingMultiGroup: empty(),
    timestampMinuteOfFinalScoringOutput: empty(),
    timestampMillisOfFirstNmrDueToMinStableCrhTime: empty(),
    abovePcrhThresholdTime: empty(),
  };
  previous.firstNonNMRStatus[2] = CRNH;
  previous.mostRecentNonNMRStatus[2] = CRNH;
  previous.timestampMillisOfLatestNonNMRStatus[2] = t0 - 19 * DAY;
  const info = noteInfoFromHistory(previous, 6);
  info.inUniverse[5] = 1;
  info.author[5] = author;
  info.createdAt[5] = created[5];
  const scored = frameOf({
    finalRatingStatus: [CRH, CRH, CRH, NMR, CRNH, NMR],
    decidedBy: [
      'CoreModel (v1.1)',
      'CoreModel (v1.1)',
      'ExpansionPlusModel (v1.1)',
      'ScoringDriftGuard (v1.0)',
      'CoreModel (v1.1)',
      'ExpansionPlusModel (v1.1)',
    ],
    coreRatingStatus: [CRH, CRH, null, NMR, CRNH, null],
    modelingGroup: [13, NaN, NaN, NaN, NaN, 2],
    updatedTimestampMillisOfNmrDueToMinStableCrhTime: [NaN, t0, NaN, -1, NaN, NaN],
  });
  const out = updateStatusHistory({ previous, scored, info, noteIds, participants, now: t0 });

  it('locks only notes older than 14 days (strict) decided by a locking-enabled rule', () => {
    expect(out.str('lockedStatus')).toEqual([CRH, null, null, null, CRNH, null]);
    expect(out.num('timestampMillisOfStatusLock')[0]).toBe(t0);
  });
  it('sets the timer to -1 on locked notes, else stores the run timer (and the first timer once)', () => {
    expect(Array.from(out.num('timestampMillisOfNmrDueToMinStableCrhTime'))).toEqual([-1, t0, NaN, -1, -1, NaN]);
    expect(Array.from(out.num('timestampMillisOfFirstNmrDueToMinStableCrhTime'))).toEqual([NaN, t0, NaN, -1, NaN, NaN]);
  });
  it('records status changes, first and most recent non-NMR statuses', () => {
    expect(Array.from(out.num('timestampMillisOfMostRecentStatusChange'))).toEqual([t0, t0, -1, -1, t0, t0]);
    expect(out.str('firstNonNMRStatus')).toEqual([CRH, CRH, CRNH, null, null, null]);
    expect(out.str('mostRecentNonNMRStatus')).toEqual([CRH, CRH, CRH, null, null, null]);
    expect(out.num('timestampMillisOfLatestNonNMRStatus')[2]).toBe(t0);
    expect(out.num('timestampMillisOfFirstNonNMRStatus')[2]).toBe(NaN);
  });
  it('keeps old first/latest fields for notes created before 2022-05-19', () => {
    expect(out.str('currentStatus')[4]).toBe(CRNH);
    expect(out.str('firstNonNMRStatus')[4]).toBe(null);
  });
  it('adds notes that were not in the history, from the note info', () => {
    expect(out.str('noteId')).toEqual(ids);
    expect(out.str('noteAuthorParticipantId')[5]).toBe('A');
    expect(out.num('createdAtMillis')[5]).toBe(created[5]);
    expect(out.num('currentModelingGroup')[5]).toBe(2);
    expect(out.str('currentDecidedBy')[5]).toBe('ExpansionPlusModel (v1.1)');
  });
  it('throws when a history note was not scored', () => {
    const partial = new Frame(Int32Array.from([0, 1]));
    partial.set('finalRatingStatus', [NMR, NMR]);
    partial.set('decidedBy', ['x', 'y']);
    expect(() => updateStatusHistory({ previous, scored: partial, info, noteIds, participants, now: t0 })).toThrow(
      /note 12 .* not scored/,
    );
  });
  it('rescoringActiveRules marks recent notes relative to now', () => {
    const rules = rescoringActiveRules(scored.key, previous, info, { now: t0 });
    expect(rules[5]).toBe('ALL_NOTES');
    const later = rescoringActiveRules(scored.key, previous, info, { now: t0 + 5 * DAY });
    expect(later[5]).toBe('ALL_NOTES,NOTES_CREATED_SOMEWHAT_RECENTLY');
    previous.timestampMillisOfCurrentStatus[1] = t0 - 2 * DAY;
    const r2 = rescoringActiveRules(scored.key, previous, info, { now: t0 - DAY / 2 });
    expect(r2[1]).toBe('ALL_NOTES,NEW_NOTES_NOT_RESCORED_RECENTLY_ENOUGH');
    const skipNew = new Uint8Array(6);
    skipNew[1] = 1;
    expect(
      rescoringActiveRules(scored.key, previous, info, { now: t0 - DAY / 2, notesWithNewRatings: skipNew })[1],
    ).toBe('ALL_NOTES');
  });
});
