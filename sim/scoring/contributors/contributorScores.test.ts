import { describe, expect, it } from 'vitest';
import { Dictionary, FLAG, NOT_HELPFUL_TAGS, type EnrollmentTable, type RatingsTable } from '../../data/tables.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import { frameOf } from '../meta/testing/frameOf.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { contributorScores } from './contributorScores.ts';

const NOW = 1_700_000_000_000;
const H = 3600_000;
const DAY = 24 * H;
const nh = (tag: (typeof NOT_HELPFUL_TAGS)[number]) => 1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf(tag));

/** notes: [noteId, author, createdAt, finalStatus, latestNonNmrTime, coreIntercept]; ratings: [note, rater, at, helpful2, flags]. */
function setup(
  notes: [string, string, number, string, number, number][],
  ratingRows: [number, string, number, number, number?][],
  enrolled: [string, string][] = [],
) {
  const noteIds = new Dictionary();
  const participants = new Dictionary();
  notes.forEach(([id]) => noteIds.intern(id));
  const info: NoteInfo = {
    size: notes.length,
    inUniverse: new Uint8Array(notes.length).fill(1),
    author: Int32Array.from(notes, ([, a]) => participants.intern(a)),
    createdAt: Float64Array.from(notes, ([, , t]) => t),
    tweetId: notes.map(() => '1'),
    classification: new Uint8Array(notes.length).fill(2),
    summary: notes.map(() => ''),
  };
  const ratings: RatingsTable = {
    length: ratingRows.length,
    note: Int32Array.from(ratingRows, ([n]) => n),
    rater: Int32Array.from(ratingRows, ([, r]) => participants.intern(r)),
    createdAt: Float64Array.from(ratingRows, ([, , t]) => t),
    flags: Uint32Array.from(ratingRows, ([, , , , f]) => f ?? 0),
    helpful2: Uint8Array.from(ratingRows, ([, , , h]) => h),
  };
  const enrollment: EnrollmentTable = {
    length: enrolled.length,
    participant: Int32Array.from(enrolled, ([p]) => participants.intern(p)),
    enrollmentState: enrolled.map(([, s]) => s),
    successfulRatingNeededToEarnIn: new Float64Array(enrolled.length).fill(5),
    timestampOfLastStateChange: new Float64Array(enrolled.length).fill(7),
    timestampOfLastEarnOut: new Float64Array(enrolled.length).fill(1),
    modelingPopulation: enrolled.map(() => 'CORE'),
    modelingGroup: new Float64Array(enrolled.length).fill(13),
    numberOfTimesEarnedOut: new Float64Array(enrolled.length),
  };
  const frame = frameOf({ finalRatingStatus: notes.map((n) => n[3]), coreNoteIntercept: notes.map((n) => n[5]) });
  const history = frameOf({ timestampMillisOfLatestNonNMRStatus: notes.map((n) => n[4]) });
  const out = contributorScores({ notes: frame, ratings, info, history, enrollment, participants, noteIds, now: NOW });
  const row = new Map(out.str('raterParticipantId').map((p, r) => [p!, r]));
  const get = (p: string, col: string) => {
    const c = out.get(col)!;
    return c[row.get(p)!];
  };
  return { out, get, row };
}

describe('rating statistics', () => {
  const t0 = NOW - 10 * DAY;
  const { get, row } = setup(
    [
      ['100', 'A', t0, CRH, t0 + 10 * H, 0.5],
      ['101', 'A', t0, CRNH, t0 + 10 * H, -0.2],
      ['102', 'B', t0, NMR, NaN, 0],
    ],
    [
      [0, 'r1', t0 + H, 2], // helpful on CRH before status: success
      [0, 'r1', t0 + 11 * H, 0], // after status: not valid, rated after decision
      [1, 'r1', t0 + H, 2], // helpful on CRNH: unsuccessful (costs 2)
      [1, 'r2', t0 + H, 0], // not helpful on CRNH: success
      [1, 'r2', t0 + 2 * H, 1], // somewhat helpful: before status, not valid
      [2, 'r2', t0 + 47 * H, 2], // NMR note within 48 h: awaiting
      [2, 'r3', t0 + 48 * H, 2], // exactly 48 h: not before status
    ],
    [['r1', 'newUser']],
  );
  it('counts valid ratings by outcome', () => {
    expect(get('r1', 'successfulRatingHelpfulCount')).toBe(1);
    expect(get('r1', 'unsuccessfulRatingNotHelpfulCount')).toBe(1);
    expect(get('r1', 'unsuccessfulRatingTotal')).toBe(1);
    expect(get('r1', 'ratedAfterDecision')).toBe(1);
    expect(get('r2', 'successfulRatingNotHelpfulCount')).toBe(1);
    expect(get('r2', 'ratingsAwaitingMoreRatings')).toBe(1);
  });
  it('leaves out participants whose only ratings are after 48 h, and rating columns of pure authors', () => {
    expect(row.has('r3')).toBe(false);
    expect(get('A', 'successfulRatingTotal')).toBeNaN();
    expect(get('A', 'notesCurrentlyRatedHelpful')).toBe(1);
    expect(get('r1', 'notesCurrentlyRatedHelpful')).toBeNaN();
  });
  it('uses Rating Impact (1 - 1 - 1 = -1 for r1: no earn-in) and keeps the state', () => {
    expect(get('r1', 'enrollmentState')).toBe(4);
    expect(get('r1', 'timestampOfLastStateChange')).toBe(7);
    expect(get('r2', 'enrollmentState')).toBe(4);
    expect(get('r2', 'timestampOfLastStateChange')).toBeNaN();
  });
});

describe('notes created before 2022-05-19 use their first five ratings within 48 h', () => {
  const t0 = 1_600_000_000_000;
  const ratings: [number, string, number, number][] = [6, 5, 4, 3, 2, 1, 0].map((k) => [0, `r${k}`, t0 + k * H, 2]);
  const { get, row } = setup([['100', 'A', t0, CRH, t0 + 30 * 60_000, 0.5]], ratings);
  it('ignores the latest-status cut for old notes', () => {
    expect([0, 1, 2, 3, 4].map((k) => get(`r${k}`, 'successfulRatingHelpfulCount'))).toEqual([1, 1, 1, 1, 1]);
    expect(row.has('r5')).toBe(false);
  });
});

describe('author statistics', () => {
  const t = (d: number) => NOW - d * DAY;
  const tags = nh('notHelpfulIncorrect') | nh('notHelpfulMissingKeyPoints');
  const { get } = setup(
    [
      ['200', 'W', t(20), CRNH, t(19), -0.5],
      ['201', 'W', t(10), CRNH, t(9), -0.5],
      ['202', 'W', t(5), NMR, NaN, 0.1],
      ['203', 'W', t(4), NMR, NaN, 0.1],
      ['204', 'W', t(3), NMR, NaN, 0.1],
      ['205', 'W', t(2), NMR, NaN, 0.1],
      ['206', 'W', t(1), CRNH, t(0.5), -0.5],
      ['300', 'E', t(1), NMR, NaN, 0.8],
    ],
    [
      ...Array.from({ length: 12 }, (_, k) => [7, `x${k}`, t(1) + H, 2] as [number, string, number, number]),
      [0, 'y1', t(20) + H, 0, tags],
      [0, 'y2', t(20) + H, 0, tags | nh('notHelpfulOther')],
      [1, 'y1', t(10) + H, 0, tags],
      [1, 'y2', t(10) + H, 0, tags],
    ],
    [['W', 'earnedIn']],
  );
  it('counts all-time notes and the 14/90-day totals (NMR needs 10 ratings in the 14-day total)', () => {
    expect(get('W', 'notesCurrentlyRatedNotHelpful')).toBe(3);
    expect(get('W', 'notesAwaitingMoreRatings')).toBe(4);
    expect(get('W', 'crnhTotal14d')).toBe(2);
    expect(get('W', 'nmrTotal14d')).toBe(0);
    expect(get('W', 'nmrTotal90d')).toBe(4);
    expect(get('E', 'nmrTotal14d')).toBe(1);
    expect(get('W', 'aggregateRatingReceivedTotal')).toBe(4);
  });
  it('looks at decided notes first in the five-note window: three CRNH earn the writer out', () => {
    expect(get('W', 'enrollmentState')).toBe(3);
    expect(get('W', 'numberOfTimesEarnedOut')).toBe(1);
    expect(get('W', 'timestampOfLastStateChange')).toBe(NOW);
  });
  it('reports the author top not-helpful tags as tag indices, ties to the higher priority', () => {
    // Incorrect (index 1, priority 8) and MissingKeyPoints (index 4, priority 5) on both notes
    expect(get('W', 'authorTopNotHelpfulTagValues')).toBe('1,4');
    expect(get('E', 'authorTopNotHelpfulTagValues')).toBe('');
    expect(get('x1', 'authorTopNotHelpfulTagValues')).toBe(null);
  });
  it('marks emerging writers (mean Core intercept > 0.3 and >= 10 ratings in 28 days)', () => {
    expect(get('E', 'isEmergingWriter')).toBe('True');
    expect(get('W', 'isEmergingWriter')).toBe('False');
    expect(get('x1', 'isEmergingWriter')).toBe('False');
  });
});

describe('14-day NMR total', () => {
  it('counts a young NMR note with few ratings (within a day of the latest note), not an older one', () => {
    const t = (d: number) => NOW - d * DAY;
    const { get } = setup(
      [
        ['400', 'V', t(3), NMR, NaN, 0],
        ['401', 'V', t(0.5), NMR, NaN, 0],
        ['402', 'U', t(0.1), NMR, NaN, 0],
      ],
      [],
    );
    expect(get('V', 'nmrTotal14d')).toBe(1);
    expect(get('V', 'nmrTotal90d')).toBe(2);
  });
});

describe('input checks', () => {
  it('rejects an unknown enrollment state', () => {
    expect(() => setup([['1', 'A', NOW, NMR, NaN, 0]], [], [['A', 'sleeping']])).toThrow(
      /unknown enrollmentState "sleeping"/,
    );
  });
  it('rejects unanswered ratings', () => {
    expect(() => setup([['1', 'A', NOW - DAY, NMR, NaN, 0]], [[0, 'r', NOW - DAY + H, 255]])).toThrow(
      /no helpfulness answer/,
    );
  });
});
