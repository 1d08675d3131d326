import {
  CLASS_MISLEADING,
  CLASS_NOT_MISLEADING,
  CLASS_NULL,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  levelOf,
} from '../../data/tables.ts';
import {
  checkRatings,
  indexPosts,
  indexRowsByNote,
  type PostIndex,
  type RowsByNote,
} from '../clustering/ratingIndex.ts';
import { CRH } from '../noteStatus.ts';
import type { PflipInput } from './pflipTypes.ts';
import { postTimeOfTweetId } from './postTime.ts';
import {
  BURST_RATIO,
  BURST_TOTAL,
  FIRST_RATIO,
  FIRST_TOTAL,
  LATENCY,
  MINUTE_WINDOWS,
  N_RAW,
  PEER_COUNT_BASE,
  RECENT_RATIO,
  RECENT_TOTAL,
  SCOPE_LOCAL,
  SCOPE_PEER_MISLEADING,
  SCOPE_PEER_NOT_MISLEADING,
  STAT_OFFSET,
  TAG_OFFSET,
  TAGS_PER_SCOPE,
  authorToken,
  ratingToken,
  scopeBase,
} from './rawColumns.ts';

const MINUTE = 60_000;

/** Indexes shared by every feature row of one input: ratings by note (time order), posts, per-note history facts. */
export interface FeatureContext {
  input: PflipInput;
  byNote: RowsByNote;
  posts: PostIndex;
  /** per note: first entry into stabilization (> 0), else NaN */
  firstStabilization: Float64Array;
  /** per note: time of the first non-NMR status, NaN when none */
  firstNonNmrTime: Float64Array;
  /** per note: 1 when the first non-NMR status was CRH */
  firstNonNmrCrh: Uint8Array;
  /** per note: post creation time from the snowflake id, NaN when no post */
  postTime: Float64Array;
}

/** Raw feature rows: `values` row-major rows × N_RAW (NaN = missing), `tokens[k]` the token keys of row k. */
export interface RawRows {
  length: number;
  values: Float64Array;
  tokens: number[][];
}

/** Checks the input and builds the shared indexes (throws a clear error on mismatched sizes). */
export function featureContext(input: PflipInput): FeatureContext {
  const { info, ratings, statusHistory: h, raterFactor } = input;
  if (!Number.isFinite(input.now)) throw new Error(`pflip: now must be a finite time in ms, got ${input.now}`);
  checkRatings(ratings, info.size, raterFactor.length, 'pflip');
  const n = info.size;
  const firstStabilization = new Float64Array(n).fill(NaN);
  const firstNonNmrTime = new Float64Array(n).fill(NaN);
  const firstNonNmrCrh = new Uint8Array(n);
  for (let i = 0; i < h.length; i++) {
    const note = h.note[i];
    if (note < 0 || note >= n)
      throw new Error(`pflip: status history row ${i} has note index ${note}, outside [0, ${n})`);
    const t = h.timestampMillisOfFirstNmrDueToMinStableCrhTime[i];
    if (t > 0) firstStabilization[note] = t;
    firstNonNmrTime[note] = h.timestampMillisOfFirstNonNMRStatus[i];
    firstNonNmrCrh[note] = h.firstNonNMRStatus[i] === CRH ? 1 : 0;
  }
  const postTime = new Float64Array(n);
  for (let k = 0; k < n; k++) postTime[k] = postTimeOfTweetId(info.tweetId[k]);
  return {
    input,
    byNote: indexRowsByNote(ratings, n, null, true),
    posts: indexPosts(info),
    firstStabilization,
    firstNonNmrTime,
    firstNonNmrCrh,
    postTime,
  };
}

/** Running sums of one scope's ratings. */
class ScopeSums {
  buckets = new Float64Array(9);
  tags = new Float64Array(TAGS_PER_SCOPE);
  total = 0;
  maxPos = -Infinity;
  sumPos = 0;
  nPos = 0;
  minNeg = Infinity;
  sumNeg = 0;
  nNeg = 0;
  // Welford mean / M2 over all Helpful raters' factors.
  nAll = 0;
  mean = 0;
  m2 = 0;

  add(flags: number, factor: number): void {
    this.total++;
    for (let t = 0; t < TAGS_PER_SCOPE; t++) if ((flags >>> t) & 1) this.tags[t]++;
    const level = levelOf(flags);
    if (Number.isNaN(factor) || level === 0) return;
    const side = factor < -0.3 ? 0 : factor <= 0.3 ? 1 : 2;
    const col = level === LEVEL_HELPFUL ? 0 : level === LEVEL_SOMEWHAT_HELPFUL ? 1 : 2;
    this.buckets[side * 3 + col]++;
    if (level !== LEVEL_HELPFUL) return;
    if (factor > 0) {
      this.maxPos = Math.max(this.maxPos, factor);
      this.sumPos += factor;
      this.nPos++;
    } else {
      this.minNeg = Math.min(this.minNeg, factor);
      this.sumNeg += factor;
      this.nNeg++;
    }
    this.nAll++;
    const d = factor - this.mean;
    this.mean += d / this.nAll;
    this.m2 += d * (factor - this.mean);
  }

  write(out: Float64Array, base: number): void {
    out.set(this.buckets, base);
    const maxPos = this.nPos > 0 ? this.maxPos : NaN;
    const maxNeg = this.nNeg > 0 ? -this.minNeg : NaN;
    const meanPos = this.nPos > 0 ? this.sumPos / this.nPos : NaN;
    const meanNeg = this.nNeg > 0 ? Math.abs(this.sumNeg / this.nNeg) : NaN;
    const s = base + STAT_OFFSET;
    out[s] = maxPos;
    out[s + 1] = maxNeg;
    out[s + 2] = meanPos;
    out[s + 3] = meanNeg;
    out[s + 4] = this.nAll > 1 ? Math.sqrt(this.m2 / (this.nAll - 1)) : NaN;
    out[s + 5] = maxPos + maxNeg;
    out[s + 6] = meanPos + meanNeg;
    for (let t = 0; t < TAGS_PER_SCOPE; t++)
      out[base + TAG_OFFSET + t] = this.total > 0 ? this.tags[t] / this.total : NaN;
  }
}

/**
 * Raw features of `notes[k]` as of `cutoffs[k]` (scoring-robustness.md §10.2): only ratings created at or before the
 * cutoff count, peer notes created after it are ignored and peer status events after it are treated as not having
 * happened. `cutoffs` null = no pruning (prediction). `present[k]` is the time the RECENT_m windows end at.
 */
export function rawFeatureRows(
  ctx: FeatureContext,
  notes: Int32Array,
  cutoffs: Float64Array | null,
  present: Float64Array,
): RawRows {
  const rows = notes.length;
  const values = new Float64Array(rows * N_RAW);
  const tokens: number[][] = [];
  for (let k = 0; k < rows; k++) {
    const out = values.subarray(k * N_RAW, (k + 1) * N_RAW);
    tokens.push(noteRow(ctx, notes[k], cutoffs === null ? Infinity : cutoffs[k], present[k], out));
  }
  return { length: rows, values, tokens };
}

function noteRow(ctx: FeatureContext, note: number, cutoff: number, present: number, out: Float64Array): number[] {
  const { info, ratings, raterFactor } = ctx.input;
  const { start, rows } = ctx.byNote;
  const tokens: number[] = [];
  if (info.author[note] >= 0) tokens.push(authorToken(info.author[note]));

  // Local ratings, in time order, up to the cutoff.
  const local = new ScopeSums();
  const times: number[] = [];
  for (let p = start[note]; p < start[note + 1]; p++) {
    const i = rows[p];
    const t = ratings.createdAt[i];
    if (!(t <= cutoff) && cutoff !== Infinity) break;
    local.add(ratings.flags[i], raterFactor[ratings.rater[i]]);
    pushRatingToken(tokens, ratings.rater[i], SCOPE_LOCAL, ratings.flags[i]);
    if (!Number.isNaN(t)) times.push(t);
  }
  local.write(out, scopeBase(SCOPE_LOCAL));

  // Peer notes on the same post.
  const misleading = new ScopeSums();
  const notMisleading = new ScopeSums();
  const counts = new Float64Array(5);
  const post = ctx.posts.postOfNote[note];
  if (post >= 0) {
    for (let q = ctx.posts.start[post]; q < ctx.posts.start[post + 1]; q++) {
      const peer = ctx.posts.notes[q];
      const cls = info.classification[peer];
      if (peer === note || cls === CLASS_NULL) continue;
      const scope = cls === CLASS_MISLEADING ? SCOPE_PEER_MISLEADING : SCOPE_PEER_NOT_MISLEADING;
      const sums = cls === CLASS_MISLEADING ? misleading : notMisleading;
      for (let p = start[peer]; p < start[peer + 1]; p++) {
        const i = rows[p];
        if (!(ratings.createdAt[i] <= cutoff) && cutoff !== Infinity) break;
        sums.add(ratings.flags[i], raterFactor[ratings.rater[i]]);
        pushRatingToken(tokens, ratings.rater[i], scope, ratings.flags[i]);
      }
      if (cutoff !== Infinity && !(info.createdAt[peer] <= cutoff)) continue;
      counts[0]++;
      if (cls === CLASS_MISLEADING) {
        counts[1]++;
        if (ctx.firstNonNmrCrh[peer] && !(ctx.firstNonNmrTime[peer] > cutoff)) counts[3]++;
        if (ctx.firstStabilization[peer] <= cutoff) counts[4]++;
      } else if (cls === CLASS_NOT_MISLEADING) {
        counts[2]++;
      }
    }
  }
  misleading.write(out, scopeBase(SCOPE_PEER_MISLEADING));
  notMisleading.write(out, scopeBase(SCOPE_PEER_NOT_MISLEADING));
  out.set(counts, PEER_COUNT_BASE);

  burstiness(times, info.createdAt[note], present, out);
  out[LATENCY] = info.createdAt[note] - ctx.postTime[note];
  return tokens;
}

function pushRatingToken(tokens: number[], rater: number, scope: number, flags: number): void {
  const level = levelOf(flags);
  if (level >= LEVEL_NOT_HELPFUL) tokens.push(ratingToken(rater, scope, level));
}

/** FIRST_m, BURST_m (most ratings in any m-minute window) and RECENT_m, totals and ratios; `times` ascending. */
function burstiness(times: number[], created: number, present: number, out: Float64Array): void {
  const total = times.length;
  const denom = Math.max(total, 1);
  MINUTE_WINDOWS.forEach((m, w) => {
    const span = m * MINUTE;
    let first = 0;
    let recent = 0;
    let burst = 0;
    let lo = 0;
    for (let hi = 0; hi < total; hi++) {
      if (times[hi] < created + span) first++;
      if (times[hi] > present - span) recent++;
      while (times[hi] - times[lo] >= span) lo++;
      burst = Math.max(burst, hi - lo + 1);
    }
    out[FIRST_TOTAL + w] = first;
    out[FIRST_RATIO + w] = first / denom;
    out[BURST_TOTAL + w] = burst;
    out[BURST_RATIO + w] = burst / denom;
    out[RECENT_TOTAL + w] = recent;
    out[RECENT_RATIO + w] = recent / denom;
  });
}
