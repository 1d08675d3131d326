import type { Dictionary, EnrollmentTable, RatingsTable, StatusHistoryTable } from '../../data/tables.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import { Frame, type NumColumn } from '../frame.ts';
import type { NoteInfo } from '../noteInfo.ts';
import {
  authorNoteStats,
  notHelpfulTagCounts,
  type AuthorNotes,
  type AuthorStats,
  type NoteColumns,
} from './authorNoteStats.ts';
import { enrollmentCode, enrollmentTransition, type EnrollmentBefore } from './enrollmentTransition.ts';
import { NOTE_CRH, NOTE_CRNH, NOTE_NMR, NOTE_OTHER, raterRatingStats } from './raterRatingStats.ts';

/** Contributor-statistics columns of helpfulness_scores.tsv produced here (scoring-core.md §16.4), in file order. */
export const CONTRIBUTOR_COLUMNS = [
  'successfulRatingHelpfulCount',
  'successfulRatingNotHelpfulCount',
  'successfulRatingTotal',
  'unsuccessfulRatingHelpfulCount',
  'unsuccessfulRatingNotHelpfulCount',
  'unsuccessfulRatingTotal',
  'ratingsAwaitingMoreRatings',
  'ratedAfterDecision',
  'notesCurrentlyRatedHelpful',
  'notesCurrentlyRatedNotHelpful',
  'notesAwaitingMoreRatings',
  'enrollmentState',
  'successfulRatingNeededToEarnIn',
  'authorTopNotHelpfulTagValues',
  'timestampOfLastStateChange',
  'isEmergingWriter',
  'aggregateRatingReceivedTotal',
  'timestampOfLastEarnOut',
  'numberOfTimesEarnedOut',
  'crhTotal14d',
  'crnhTotal14d',
  'nmrTotal14d',
  'crhTotal90d',
  'crnhTotal90d',
  'nmrTotal90d',
] as const;

export interface ContributorInput {
  /**
   * One row per universe note (key = global note index) with `finalRatingStatus`; optional `coreNoteIntercept`
   * (emerging writers), `numRatings` and `numRatingsLast28` (counted from `ratings` when absent; the reference uses
   * the run's post-coalescing `numRatings`).
   */
  notes: Frame;
  /** preprocessed run ratings before PSS coalescing (what the reference's contributor scoring sees) */
  ratings: RatingsTable;
  info: NoteInfo;
  /** note status history giving `timestampMillisOfLatestNonNMRStatus`: the updated one (updateStatusHistory) or a table */
  history: Frame | StatusHistoryTable;
  enrollment: EnrollmentTable;
  participants: Dictionary;
  noteIds: Dictionary;
  /** the run's time (epochMillis) */
  now: number;
}

const DAY = 24 * 3600 * 1000;

/**
 * Contributor statistics and enrollment update (scoring-robustness.md §15, scoring-core.md §16.4). Returns a Frame
 * over participants (key = participant index, ascending) holding `raterParticipantId` and CONTRIBUTOR_COLUMNS, one
 * row per participant who made a rating counted "before status" or authored a universe note (the reference's
 * contributor set; model rater columns are joined by the caller). Rating columns are NaN for pure authors, note
 * columns NaN / null for non-authors, `enrollmentState` is the integer code, `isEmergingWriter` 'True' / 'False'.
 */
export function contributorScores(input: ContributorInput): Frame {
  const { notes, ratings, info, participants, now } = input;
  if (!Number.isFinite(now)) throw new Error(`contributorScores: now must be a finite time, got ${now}`);
  const nP = participants.size;
  const status = noteStatusCodes(notes, info.size);
  const latest = latestNonNmrTimes(input.history, info.size);
  const rs = raterRatingStats(ratings, nP, status, info.createdAt, latest);

  const cols = noteColumns(input, status);
  const byAuthor = new Map<number, number[]>();
  let anchor = -Infinity;
  for (let r = 0; r < notes.length; r++) {
    const a = info.author[notes.key[r]];
    if (cols.createdAt[r] > anchor) anchor = cols.createdAt[r];
    if (a < 0) continue;
    let list = byAuthor.get(a);
    if (list === undefined) byAuthor.set(a, (list = []));
    list.push(r);
  }
  const enrollment = enrollmentByParticipant(input.enrollment, nP, participants);
  const lastEarnOut = (p: number) => {
    const e = enrollment[p];
    if (e < 0) return 1;
    if (input.enrollment.enrollmentState[e] === 'earnedOutAcknowledged') return now;
    const t = input.enrollment.timestampOfLastEarnOut[e];
    return Number.isNaN(t) ? 1 : t;
  };
  const authors = new Map<number, AuthorStats>();
  for (const [a, list] of byAuthor) {
    const an: AuthorNotes = { author: a, notes: list };
    authors.set(a, authorNoteStats(an, cols, lastEarnOut(a), anchor));
  }

  const people: number[] = [];
  for (let p = 0; p < nP; p++) if (rs.rated[p] || authors.has(p)) people.push(p);
  const out = new Frame(Int32Array.from(people));
  const idCol = out.str('raterParticipantId');
  const num = (name: (typeof CONTRIBUTOR_COLUMNS)[number]): NumColumn => out.num(name);
  const c = Object.fromEntries(
    CONTRIBUTOR_COLUMNS.filter((n) => n !== 'authorTopNotHelpfulTagValues' && n !== 'isEmergingWriter').map((n) => [
      n,
      num(n),
    ]),
  );
  const topTags = out.str('authorTopNotHelpfulTagValues');
  const emerging = out.str('isEmergingWriter');
  people.forEach((p, row) => {
    idCol[row] = participants.values[p];
    const sH = rs.successfulHelpful[p];
    const sN = rs.successfulNotHelpful[p];
    const uH = rs.unsuccessfulHelpful[p];
    const uN = rs.unsuccessfulNotHelpful[p];
    if (rs.rated[p]) {
      c.successfulRatingHelpfulCount[row] = sH;
      c.successfulRatingNotHelpfulCount[row] = sN;
      c.successfulRatingTotal[row] = sH + sN;
      c.unsuccessfulRatingHelpfulCount[row] = uH;
      c.unsuccessfulRatingNotHelpfulCount[row] = uN;
      c.unsuccessfulRatingTotal[row] = uH + uN;
      c.ratingsAwaitingMoreRatings[row] = rs.awaitingMoreRatings[p];
      c.ratedAfterDecision[row] = rs.ratedAfterDecision[p];
    }
    const a = authors.get(p);
    if (a !== undefined) {
      c.notesCurrentlyRatedHelpful[row] = a.crh;
      c.notesCurrentlyRatedNotHelpful[row] = a.crnh;
      c.notesAwaitingMoreRatings[row] = a.nmr;
      c.aggregateRatingReceivedTotal[row] = a.aggregateRatings;
      topTags[row] = a.topNotHelpfulTags;
    }
    emerging[row] = a?.isEmergingWriter ? 'True' : 'False';
    [c.crhTotal14d[row], c.crnhTotal14d[row], c.nmrTotal14d[row]] = a ? a.totals14d : [0, 0, 0];
    [c.crhTotal90d[row], c.crnhTotal90d[row], c.nmrTotal90d[row]] = a ? a.totals90d : [0, 0, 0];

    const e = enrollment[p];
    const before: EnrollmentBefore =
      e < 0
        ? {
            state: null,
            successfulRatingNeededToEarnIn: NaN,
            timestampOfLastStateChange: NaN,
            numberOfTimesEarnedOut: NaN,
          }
        : {
            state: enrollmentCode(input.enrollment.enrollmentState[e]),
            successfulRatingNeededToEarnIn: input.enrollment.successfulRatingNeededToEarnIn[e],
            timestampOfLastStateChange: input.enrollment.timestampOfLastStateChange[e],
            numberOfTimesEarnedOut: input.enrollment.numberOfTimesEarnedOut[e],
          };
    const after = enrollmentTransition(
      before,
      {
        ratingImpact: sH + sN - (uH + uN) - uN,
        windowCrnh: a?.windowCrnh ?? 0,
        crh: a?.crh ?? 0,
        crnh: a?.crnh ?? 0,
        nmr: a?.nmr ?? 0,
      },
      now,
    );
    c.enrollmentState[row] = after.state;
    c.successfulRatingNeededToEarnIn[row] = after.successfulRatingNeededToEarnIn;
    c.timestampOfLastStateChange[row] = after.timestampOfLastStateChange;
    c.numberOfTimesEarnedOut[row] = after.numberOfTimesEarnedOut;
    c.timestampOfLastEarnOut[row] = lastEarnOut(p);
  });
  return out;
}

/** Final status code per global note index (NOTE_NONE for notes not in the frame). */
function noteStatusCodes(notes: Frame, size: number): Uint8Array {
  const col = notes.get('finalRatingStatus');
  if (col === undefined || col instanceof Float64Array)
    throw new Error('contributorScores: notes need a string column finalRatingStatus');
  const out = new Uint8Array(size);
  for (let r = 0; r < notes.length; r++) {
    const s = col[r];
    if (s === null) throw new Error(`contributorScores: note index ${notes.key[r]} has no finalRatingStatus`);
    out[notes.key[r]] = s === CRH ? NOTE_CRH : s === CRNH ? NOTE_CRNH : s === NMR ? NOTE_NMR : NOTE_OTHER;
  }
  return out;
}

function latestNonNmrTimes(history: Frame | StatusHistoryTable, size: number): Float64Array {
  const out = new Float64Array(size).fill(NaN);
  if (history instanceof Frame) {
    const t = history.get('timestampMillisOfLatestNonNMRStatus');
    if (!(t instanceof Float64Array))
      throw new Error('contributorScores: history needs a numeric column timestampMillisOfLatestNonNMRStatus');
    for (let r = 0; r < history.length; r++) out[history.key[r]] = t[r];
  } else {
    for (let i = 0; i < history.length; i++) out[history.note[i]] = history.timestampMillisOfLatestNonNMRStatus[i];
  }
  return out;
}

/** Per-row note inputs for authorNoteStats (rows of `input.notes`). */
function noteColumns(input: ContributorInput, status: Uint8Array): NoteColumns {
  const { notes, info, ratings, now } = input;
  const n = notes.length;
  const opt = (name: string): NumColumn | null => {
    const c = notes.get(name);
    if (c !== undefined && !(c instanceof Float64Array))
      throw new Error(`contributorScores: column ${name} must be numeric`);
    return c ?? null;
  };
  const noteRow = new Int32Array(info.size).fill(-1);
  for (let r = 0; r < n; r++) noteRow[notes.key[r]] = r;
  let numRatings = opt('numRatings');
  let last28 = opt('numRatingsLast28');
  if (numRatings === null || last28 === null) {
    const count = new Float64Array(n);
    const count28 = new Float64Array(n);
    for (let i = 0; i < ratings.length; i++) {
      const r = noteRow[ratings.note[i]];
      if (r < 0) continue;
      count[r]++;
      if (ratings.createdAt[i] > now - 28 * DAY) count28[r]++;
    }
    numRatings ??= count;
    last28 ??= count28;
  }
  const ids = Array.from(notes.key, (k) => BigInt(input.noteIds.values[k]));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const idRank = new Int32Array(n);
  order.forEach((r, rank) => (idRank[r] = rank));
  return {
    status: Uint8Array.from(notes.key, (k) => status[k]),
    createdAt: Float64Array.from(notes.key, (k) => info.createdAt[k]),
    idRank,
    coreIntercept: opt('coreNoteIntercept') ?? new Float64Array(n).fill(NaN),
    numRatings,
    numRatingsLast28: last28,
    notHelpfulTags: notHelpfulTagCounts(ratings, noteRow, n),
  };
}

/** Row of each participant in the enrollment table (-1 when absent); throws on duplicates. */
function enrollmentByParticipant(e: EnrollmentTable, nP: number, participants: Dictionary): Int32Array {
  const out = new Int32Array(nP).fill(-1);
  for (let i = 0; i < e.length; i++) {
    const p = e.participant[i];
    if (out[p] >= 0) throw new Error(`userEnrollment lists participant ${participants.values[p]} twice`);
    out[p] = i;
    enrollmentCode(e.enrollmentState[i]);
  }
  return out;
}
