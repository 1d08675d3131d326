import { LEVEL_HELPFUL, levelOf, type RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { PairBuffer, type PairCounts } from './pairCounts.ts';

const MINUTE = 60 * 1000;

/** Thresholds of PSS part 1 (scoring-robustness.md §5.1): a pair is suspect when any ratio reaches its value. */
export const AFFINITY_RULES = {
  /** latencies in minutes, longest first */
  latencyMinutes: [20, 5, 1] as const,
  /** ratios are undefined below this denominator (rater's fast helpful ratings, author's notes) */
  minDenominator: 10,
  writerCoverage: { 1: 0.2, 5: 0.3, 20: 0.4 },
  raterAffinity: { 1: 0.2, 5: 0.45, 20: 0.7 },
} as const;

/**
 * PSS part 1: (author, rater) pairs linked by fast HELPFUL ratings (scoring-core.md §3.1).
 *
 * Takes ratings (only rows with helpfulnessLevel HELPFUL on notes of the notes table are used), the note facts
 * and the participant count. Per latency L ∈ {20, 5, 1} min (rating time − note creation ≤ L):
 * raterAffinity_L = pairTotal_L / raterTotal_L (defined when raterTotal_L ≥ 10), writerCoverage_L =
 * pairTotal_L / writerTotal (defined when the author wrote ≥ 10 notes of the notes table). Returns the suspect
 * pairs as (min, max) participant index, author = rater pairs included (they make a one-member clique, as in
 * the reference).
 */
export function authorRaterSuspectPairs(ratings: RatingsTable, noteInfo: NoteInfo, nParticipants: number): PairCounts {
  const { author, createdAt: noteTime, tweetId } = noteInfo;
  const writerTotal = new Int32Array(nParticipants);
  for (let k = 0; k < noteInfo.size; k++) {
    if (tweetId[k] !== null && author[k] >= 0) writerTotal[author[k]]++;
  }
  // Latency class per fast rating: 0 (≤ 1 min), 1 (≤ 5 min), 2 (≤ 20 min); packed with the pair key.
  const raterTotal = [new Int32Array(nParticipants), new Int32Array(nParticipants), new Int32Array(nParticipants)];
  const limits = [1 * MINUTE, 5 * MINUTE, 20 * MINUTE];
  let packed = new Float64Array(1024);
  let n = 0;
  for (let i = 0; i < ratings.length; i++) {
    if (levelOf(ratings.flags[i]) !== LEVEL_HELPFUL) continue;
    const note = ratings.note[i];
    const a = author[note];
    if (tweetId[note] === null || a < 0) continue;
    const latency = ratings.createdAt[i] - noteTime[note];
    if (!(latency <= limits[2])) continue;
    const cls = latency <= limits[0] ? 0 : latency <= limits[1] ? 1 : 2;
    const r = ratings.rater[i];
    for (let c = cls; c < 3; c++) raterTotal[c][r]++;
    if (n === packed.length) {
      const next = new Float64Array(n * 2);
      next.set(packed);
      packed = next;
    }
    packed[n++] = (a * nParticipants + r) * 4 + cls;
  }
  const keys = packed.subarray(0, n).sort();
  const { minDenominator: minDen, writerCoverage: wc, raterAffinity: ra } = AFFINITY_RULES;
  const out = new PairBuffer();
  let i = 0;
  while (i < n) {
    const key = Math.floor(keys[i] / 4);
    const pairTotal = [0, 0, 0];
    while (i < n && Math.floor(keys[i] / 4) === key) {
      const cls = keys[i] - key * 4;
      for (let c = cls; c < 3; c++) pairTotal[c]++;
      i++;
    }
    const a = Math.floor(key / nParticipants);
    const r = key - a * nParticipants;
    const wt = writerTotal[a];
    const ratio = (num: number, den: number): number => (den >= minDen ? num / den : NaN);
    const suspect =
      ratio(pairTotal[0], wt) >= wc[1] ||
      ratio(pairTotal[1], wt) >= wc[5] ||
      ratio(pairTotal[2], wt) >= wc[20] ||
      ratio(pairTotal[0], raterTotal[0][r]) >= ra[1] ||
      ratio(pairTotal[1], raterTotal[1][r]) >= ra[5] ||
      ratio(pairTotal[2], raterTotal[2][r]) >= ra[20];
    if (suspect) out.push(Math.min(a, r), Math.max(a, r), pairTotal[2]);
  }
  return out.finish();
}
