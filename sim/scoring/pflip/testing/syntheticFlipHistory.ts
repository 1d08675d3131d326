import {
  CLASS_MISLEADING,
  CLASS_NOT_MISLEADING,
  FLAG,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  type RatingsTable,
  type StatusHistoryTable,
} from '../../../data/tables.ts';
import type { RandomSource } from '../../../random/random.ts';
import { CRH, NMR } from '../../noteStatus.ts';
import type { NoteInfo } from '../../noteInfo.ts';
import type { PflipInput } from '../pflipTypes.ts';
import { SNOWFLAKE_EPOCH } from '../postTime.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SyntheticFlipHistory {
  input: PflipInput;
  /** per note: 1 = the history says FLIP, 0 = CRH, −1 = unlabelled (open notes) */
  truth: Int8Array;
}

/**
 * Test support: a status history where FLIP notes were rated Helpful mostly by one side (factor > 0.3) and CRH notes
 * by both sides alike (10–30 ratings each, noisy); `nLabelled` locked notes, then `nOpen` unlocked notes currently in stabilization. Every third
 * note has a not-misleading peer note on its post. Deterministic given `random`.
 */
export function syntheticFlipHistory(
  random: RandomSource,
  nLabelled: number,
  nOpen = 0,
  now = 1_750_000_000_000,
): SyntheticFlipHistory {
  const nRaters = 300;
  const nAuthors = 40;
  const nParticipants = nRaters + nAuthors;
  const raterFactor = Float64Array.from({ length: nParticipants }, (_, u) => (u < nRaters ? random() * 2 - 1 : NaN));
  const nMain = nLabelled + nOpen;
  const nPeers = Math.ceil(nMain / 3);
  const size = nMain + nPeers;
  const info: NoteInfo = {
    size,
    inUniverse: new Uint8Array(size).fill(1),
    author: new Int32Array(size),
    createdAt: new Float64Array(size),
    tweetId: new Array<string | null>(size).fill(null),
    classification: new Uint8Array(size),
    summary: new Array<string>(size).fill(''),
  };
  const truth = new Int8Array(size).fill(-1);
  const note: number[] = [];
  const rater: number[] = [];
  const createdAt: number[] = [];
  const flags: number[] = [];
  const helpful2: number[] = [];
  const rate = (n: number, u: number, t: number, level: number) => {
    note.push(n);
    rater.push(u);
    createdAt.push(t);
    flags.push(
      (level << FLAG.levelShift) | (level === LEVEL_HELPFUL ? 1 << 1 : level === LEVEL_NOT_HELPFUL ? 1 << 10 : 0),
    );
    helpful2.push(level === LEVEL_HELPFUL ? 2 : level === LEVEL_SOMEWHAT_HELPFUL ? 1 : 0);
  };
  const h = emptyHistory(size);
  for (let n = 0; n < nMain; n++) {
    const open = n >= nLabelled;
    const created = now - (open ? 2 * HOUR : 20 * 24 * HOUR + n * HOUR);
    const post = BigInt(Math.round(created - HOUR * (1 + random()))) - SNOWFLAKE_EPOCH;
    info.author[n] = nRaters + (n % nAuthors);
    info.createdAt[n] = created;
    info.tweetId[n] = ((post << 22n) + BigInt(n)).toString();
    info.classification[n] = CLASS_MISLEADING;
    const flip = random() < 0.4;
    if (!open) truth[n] = flip ? 1 : 0;
    const used = new Set<number>();
    const count = 10 + Math.floor(random() * 21);
    for (let k = 0; k < count; k++) {
      let u = Math.floor(random() * nRaters);
      while (used.has(u)) u = (u + 1) % nRaters;
      used.add(u);
      const f = raterFactor[u];
      const agrees = random() < (flip ? (f > 0.3 ? 0.9 : 0.35) : 0.65);
      const level = agrees ? LEVEL_HELPFUL : random() < 0.5 ? LEVEL_SOMEWHAT_HELPFUL : LEVEL_NOT_HELPFUL;
      rate(n, u, created + (k + random()) * 4 * MINUTE, level);
    }
    h.note[n] = n;
    h.createdAt[n] = created;
    h.author[n] = info.author[n];
    if (open) {
      h.timestampMillisOfNmrDueToMinStableCrhTime[n] = now - 20 * MINUTE;
      h.timestampMillisOfFirstNmrDueToMinStableCrhTime[n] = now - 20 * MINUTE;
      h.currentStatus[n] = NMR;
      continue;
    }
    const entered = created + 100 * MINUTE;
    h.timestampMillisOfFirstNmrDueToMinStableCrhTime[n] = entered;
    h.timestampMillisOfNmrDueToMinStableCrhTime[n] = -1;
    h.timestampMillisOfStatusLock[n] = created + 14 * 24 * HOUR;
    if (!flip || n % 2 === 0) {
      h.firstNonNMRStatus[n] = CRH;
      h.timestampMillisOfFirstNonNMRStatus[n] = entered + 45 * MINUTE;
    }
    h.lockedStatus[n] = flip ? NMR : CRH;
    h.currentStatus[n] = h.lockedStatus[n];
    h.currentDecidedBy[n] = 'CoreModel (v1.1)';
  }
  for (let p = 0; p < nPeers; p++) {
    const n = nMain + p;
    const host = 3 * p;
    info.author[n] = nRaters + ((host + 7) % nAuthors);
    info.createdAt[n] = info.createdAt[host] + 10 * MINUTE;
    info.tweetId[n] = info.tweetId[host];
    info.classification[n] = CLASS_NOT_MISLEADING;
    for (let k = 0; k < 5; k++) rate(n, (host * 7 + k) % nRaters, info.createdAt[n] + k * MINUTE, LEVEL_NOT_HELPFUL);
    h.note[n] = n;
    h.createdAt[n] = info.createdAt[n];
    h.author[n] = info.author[n];
    h.currentStatus[n] = NMR;
  }
  const ratings: RatingsTable = {
    length: note.length,
    note: Int32Array.from(note),
    rater: Int32Array.from(rater),
    createdAt: Float64Array.from(createdAt),
    flags: Uint32Array.from(flags),
    helpful2: Uint8Array.from(helpful2),
  };
  return { input: { ratings, info, statusHistory: h, raterFactor, now }, truth };
}

/** Test support: a status history of `n` rows (row i = note i) with every value missing. */
export function emptyHistory(n: number): StatusHistoryTable {
  const num = () => new Float64Array(n).fill(NaN);
  const str = () => new Array<string | null>(n).fill(null);
  return {
    length: n,
    note: Int32Array.from({ length: n }, (_, i) => i),
    author: new Int32Array(n).fill(-1),
    createdAt: num(),
    timestampMillisOfFirstNonNMRStatus: num(),
    firstNonNMRStatus: str(),
    timestampMillisOfCurrentStatus: num(),
    currentStatus: str(),
    timestampMillisOfLatestNonNMRStatus: num(),
    mostRecentNonNMRStatus: str(),
    timestampMillisOfStatusLock: num(),
    lockedStatus: str(),
    timestampMillisOfRetroLock: num(),
    currentCoreStatus: str(),
    currentExpansionStatus: str(),
    currentGroupStatus: str(),
    currentDecidedBy: str(),
    currentModelingGroup: num(),
    timestampMillisOfMostRecentStatusChange: num(),
    timestampMillisOfNmrDueToMinStableCrhTime: num(),
    currentMultiGroupStatus: str(),
    currentModelingMultiGroup: num(),
    timestampMinuteOfFinalScoringOutput: num(),
    timestampMillisOfFirstNmrDueToMinStableCrhTime: num(),
    abovePcrhThresholdTime: num(),
  };
}
