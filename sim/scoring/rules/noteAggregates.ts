import { NOT_HELPFUL_TAGS, FLAG, NOT_HELPFUL_TAG_MASK, type RatingsTable } from '../../data/tables.ts';
import { quantileLinear } from '../stats.ts';

/** Per-note rating statistics a scorer's rules read (scoring-core.md §11.1), over `notes` rows. */
export interface NoteStats {
  numRatings: Float64Array;
  numPopulationSampledRatings: Float64Array;
  numRatingsLast28: Float64Array;
  minSignCount: Float64Array;
  negMeanHelpful: Float64Array;
  posMeanHelpful: Float64Array;
  netMinHelpful: Float64Array;
  netMinHelpfulRatio: Float64Array;
  negPopulationSampledCount: Float64Array;
  posPopulationSampledCount: Float64Array;
}

/**
 * Counts over `rows` of the ratings table for each note of `noteRow` (global note -> row, -1 if not a row).
 * `raterFactor` is the fitted rater table (NaN = not fitted: such ratings get no sign).
 */
export function computeNoteStats(
  ratings: RatingsTable,
  rows: Int32Array,
  noteRow: Int32Array,
  nRows: number,
  raterFactor: Float64Array,
  now: number,
): NoteStats {
  const z = () => new Float64Array(nRows);
  const s: NoteStats = {
    numRatings: z(),
    numPopulationSampledRatings: z(),
    numRatingsLast28: z(),
    minSignCount: z(),
    negMeanHelpful: z(),
    posMeanHelpful: z(),
    netMinHelpful: z(),
    netMinHelpfulRatio: z(),
    negPopulationSampledCount: z(),
    posPopulationSampledCount: z(),
  };
  const negCount = z();
  const posCount = z();
  const negSum = z();
  const posSum = z();
  const negNet = z();
  const posNet = z();
  const cutoff28 = now - 28 * 24 * 3600 * 1000;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const r = noteRow[ratings.note[i]];
    if (r < 0) continue;
    s.numRatings[r]++;
    const popSampled = (ratings.flags[i] & FLAG.populationSampled) !== 0;
    if (popSampled) s.numPopulationSampledRatings[r]++;
    if (ratings.createdAt[i] > cutoff28) s.numRatingsLast28[r]++;
    const f = raterFactor[ratings.rater[i]];
    if (Number.isNaN(f)) continue;
    const h2 = ratings.helpful2[i];
    const net = h2 === 2 ? 1 : h2 === 0 ? -1 : 0;
    if (f < 0) {
      negCount[r]++;
      negSum[r] += h2 / 2;
      negNet[r] += net;
      if (popSampled) s.negPopulationSampledCount[r]++;
    } else {
      posCount[r]++;
      posSum[r] += h2 / 2;
      posNet[r] += net;
      if (popSampled) s.posPopulationSampledCount[r]++;
    }
  }
  for (let r = 0; r < nRows; r++) {
    s.minSignCount[r] = Math.min(negCount[r], posCount[r]);
    s.negMeanHelpful[r] = negCount[r] > 0 ? negSum[r] / negCount[r] : NaN;
    s.posMeanHelpful[r] = posCount[r] > 0 ? posSum[r] / posCount[r] : NaN;
    const total = negCount[r] + posCount[r];
    if (total > 0) {
      s.netMinHelpful[r] = Math.max(0, Math.min(negNet[r], posNet[r]));
      s.netMinHelpfulRatio[r] = s.netMinHelpful[r] / total;
    }
  }
  return s;
}

/** Tag aggregates (§11.2): per note and not-helpful tag, the factor-distance-weighted tag sums and ratios. */
export interface TagAggregates {
  ratingWeight: Float64Array;
  /** [tag][row] */
  adjusted: Float64Array[];
  adjustedRatio: Float64Array[];
}

function zScores(values: Float64Array): Float64Array {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (const v of values) if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / n);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - mean) / sd;
  return out;
}

export function computeTagAggregates(
  ratings: RatingsTable,
  rows: Int32Array,
  noteRow: Int32Array,
  nRows: number,
  noteFactor: Float64Array,
  raterFactor: Float64Array,
): TagAggregates {
  const zn = zScores(noteFactor);
  const zu = zScores(raterFactor);
  const used: number[] = [];
  const dist: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const a = zn[ratings.note[i]];
    const b = zu[ratings.rater[i]];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    used.push(i);
    dist.push(Math.abs(b - a));
  }
  const q40 = quantileLinear(Float64Array.from(dist), 0.4);
  const ratingWeight = new Float64Array(nRows).fill(NaN);
  const adjusted = NOT_HELPFUL_TAGS.map(() => new Float64Array(nRows).fill(NaN));
  for (let k = 0; k < used.length; k++) {
    const i = used[k];
    const r = noteRow[ratings.note[i]];
    if (r < 0) continue;
    const w = 1 / (1 + Math.pow(dist[k] / q40, 5));
    if (Number.isNaN(ratingWeight[r])) {
      ratingWeight[r] = 0;
      for (const col of adjusted) col[r] = 0;
    }
    ratingWeight[r] += w;
    const flags = ratings.flags[i];
    if ((flags & NOT_HELPFUL_TAG_MASK) === 0) continue;
    for (let t = 0; t < NOT_HELPFUL_TAGS.length; t++)
      if ((flags >>> (FLAG.notHelpfulTagShift + t)) & 1) adjusted[t][r] += w;
  }
  const adjustedRatio = adjusted.map((col) => col.map((v, r) => v / ratingWeight[r]));
  return { ratingWeight, adjusted, adjustedRatio };
}

/** Incorrect-tag aggregates (§11.3). */
export interface IncorrectAggregates {
  notHelpfulIncorrectInterval: Float64Array;
  pIncorrectUserInterval: Float64Array;
  numVotersInterval: Float64Array;
  tfIdfIncorrectInterval: Float64Array;
}

const INCORRECT_BIT = 1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf('notHelpfulIncorrect'));
const clip4 = (x: number) => (x < -0.4 ? -0.4 : x > 0.4 ? 0.4 : x);

export function computeIncorrectAggregates(
  ratings: RatingsTable,
  rows: Int32Array,
  noteRow: Int32Array,
  nRows: number,
  noteFactor: Float64Array,
  raterFactor: Float64Array,
  incorrectTagRatingsMadeByRater: Float64Array,
  totalRatingsMadeByRater: Float64Array,
): IncorrectAggregates {
  const out: IncorrectAggregates = {
    notHelpfulIncorrectInterval: new Float64Array(nRows).fill(NaN),
    pIncorrectUserInterval: new Float64Array(nRows).fill(NaN),
    numVotersInterval: new Float64Array(nRows).fill(NaN),
    tfIdfIncorrectInterval: new Float64Array(nRows).fill(NaN),
  };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const flags = ratings.flags[i];
    if ((flags & NOT_HELPFUL_TAG_MASK) === 0) continue;
    const r = noteRow[ratings.note[i]];
    if (r < 0) continue;
    const fn = noteFactor[ratings.note[i]];
    const u = ratings.rater[i];
    const fu = raterFactor[u];
    const tot = totalRatingsMadeByRater[u];
    if (Number.isNaN(fn) || Number.isNaN(fu) || Number.isNaN(tot)) continue;
    if (!(Math.abs(clip4(fu) - clip4(fn)) < 0.3)) continue;
    if (Number.isNaN(out.numVotersInterval[r])) {
      out.numVotersInterval[r] = 0;
      out.notHelpfulIncorrectInterval[r] = 0;
      out.pIncorrectUserInterval[r] = 0;
    }
    out.numVotersInterval[r]++;
    if (flags & INCORRECT_BIT) out.notHelpfulIncorrectInterval[r]++;
    const p = incorrectTagRatingsMadeByRater[u] / tot;
    if (!Number.isNaN(p)) out.pIncorrectUserInterval[r] += p;
  }
  for (let r = 0; r < nRows; r++) {
    out.tfIdfIncorrectInterval[r] = out.notHelpfulIncorrectInterval[r] / Math.log(1 + out.pIncorrectUserInterval[r]);
  }
  return out;
}
