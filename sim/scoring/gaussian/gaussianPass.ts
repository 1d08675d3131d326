/**
 * One kernel-aggregation pass of the Gaussian scorers (scoring-core.md §13.3): per note, a
 * prior-smoothed, kernel-weighted mean of rating values at each grid point of the rater-factor
 * axis, clipped, then their geometric mean.
 *
 * Ratings are visited note by note (a counting sort gives the order), so memory is O(R + notes)
 * plus a bounded kernel-row cache, never an R×K weight matrix.
 */
import type { GaussianPassParams } from './gaussianParams.ts';
import { KernelRows } from './kernelRows.ts';

/** Kernel rows kept per pass (distinct rater factors); bounds the cache at this many × K floats. */
const KERNEL_CACHE_ROWS = 65536;

/** Ratings of one pass as columns; the CRH pass includes the caller's synthetic author rows. */
export interface GaussianRatings {
  /** local note index per rating, 0..nNotes-1 */
  note: Int32Array;
  /** the rater's prescoring factor (internalRaterFactor1); must be finite */
  x: Float32Array | Float64Array;
  /** helpfulNum: 0, 0.5 or 1 */
  y: Float32Array | Float64Array;
}

export interface GaussianPassOptions {
  /** per-note rating counts, if the caller has them: checked against `note` */
  noteCounts?: Int32Array;
  /** also return the clipped per-grid means (nNotes × K, row-major; -1 for insufficient notes) */
  keepCurves?: boolean;
}

/** Per-note results of one pass; notes without ratings get NaN everywhere (count 0). */
export interface GaussianPassResult {
  /** geometric mean of the clipped grid means; 0 when insufficient (or a kernel row underflowed) */
  score: Float64Array;
  /** g_n = mean((ŷ - 0.5) · 2 · x): the note factor estimate */
  gFactor: Float64Array;
  /** opposite-rating multiplier M_n (1 without opposite ratings) */
  multiplier: Float64Array;
  /** 1 if some grid point's base weight fell below weightLim */
  insufficient: Uint8Array;
  /** 1 if the prior was forced to sparsePrior (< minRatersPerSide on a side) */
  sparse: Uint8Array;
  /** ratings per note in this pass (author rows included) */
  count: Int32Array;
  curves: Float64Array | null;
}

/** Validate pass input; throws naming the first bad column or row. */
export function checkGaussianRatings(ratings: GaussianRatings, nNotes: number): void {
  const { note, x, y } = ratings;
  const R = note.length;
  if (x.length !== R || y.length !== R) {
    throw new Error(`gaussian: note/x/y lengths differ (${R}, ${x.length}, ${y.length})`);
  }
  if (!(Number.isInteger(nNotes) && nNotes >= 0)) throw new Error(`gaussian: nNotes = ${nNotes}`);
  for (let r = 0; r < R; r++) {
    const n = note[r];
    if (!(n >= 0 && n < nNotes)) throw new Error(`gaussian: note[${r}] = ${n} outside 0..${nNotes - 1}`);
    if (!Number.isFinite(x[r]))
      throw new Error(`gaussian: rater factor x[${r}] = ${x[r]} (every rating needs a factor)`);
    const v = y[r];
    if (v !== 0 && v !== 0.5 && v !== 1) throw new Error(`gaussian: helpfulNum y[${r}] = ${v}, expected 0, 0.5 or 1`);
  }
}

/**
 * Run one pass over `ratings` for notes 0..nNotes-1 with `params` (GAUSSIAN_CRH_PARAMS,
 * GAUSSIAN_CRH_TOPIC_PARAMS or GAUSSIAN_CRNH_PARAMS).
 *
 * @example const crh = gaussianPass(crhRatings, nNotes, GAUSSIAN_CRH_PARAMS); crh.score[n]
 */
export function gaussianPass(
  ratings: GaussianRatings,
  nNotes: number,
  params: GaussianPassParams,
  options: GaussianPassOptions = {},
): GaussianPassResult {
  checkGaussianRatings(ratings, nNotes);
  const { note, x, y } = ratings;
  const R = note.length;
  const count = new Int32Array(nNotes);
  for (let r = 0; r < R; r++) count[note[r]]++;
  if (options.noteCounts !== undefined) {
    const given = options.noteCounts;
    if (given.length !== nNotes) throw new Error(`gaussian: noteCounts has length ${given.length}, expected ${nNotes}`);
    for (let n = 0; n < nNotes; n++) {
      if (given[n] !== count[n]) throw new Error(`gaussian: noteCounts[${n}] = ${given[n]} but ${count[n]} ratings`);
    }
  }
  const start = new Int32Array(nNotes + 1);
  for (let n = 0; n < nNotes; n++) start[n + 1] = start[n] + count[n];
  const order = new Int32Array(R);
  const fill = start.slice(0, nNotes);
  for (let r = 0; r < R; r++) order[fill[note[r]]++] = r;

  // The reference keeps the grid and kernel values in float32; mirroring that keeps its underflow
  // behaviour (a rating far from every grid point normalises 0/0 and zeroes its note's score).
  const grid = Float64Array.from(params.grid, Math.fround);
  const K = grid.length;
  const { normalize, flip, negWeight, weightLim, minRatersPerSide } = params;
  const kernel = new KernelRows(grid, params.bandwidth, Math.max(1, Math.min(R, KERNEL_CACHE_ROWS)));
  const yOpposite = flip ? 1 : 0;
  const lnBase = Math.log(params.adaptiveWeightBase);

  const out: GaussianPassResult = {
    score: new Float64Array(nNotes).fill(NaN),
    gFactor: new Float64Array(nNotes).fill(NaN),
    multiplier: new Float64Array(nNotes).fill(NaN),
    insufficient: new Uint8Array(nNotes),
    sparse: new Uint8Array(nNotes),
    count,
    curves: options.keepCurves ? new Float64Array(nNotes * K).fill(NaN) : null,
  };
  const base = new Float64Array(K);
  const W = new Float64Array(K);
  const V = new Float64Array(K);

  for (let n = 0; n < nNotes; n++) {
    const lo = start[n];
    const hi = start[n + 1];
    const c = hi - lo;
    if (c === 0) continue;

    let oppSum = 0;
    let oppN = 0;
    let gSum = 0;
    let neg = 0;
    let pos = 0;
    for (let k = lo; k < hi; k++) {
      const r = order[k];
      const xr = x[r];
      const yr = y[r];
      if (yr === yOpposite) {
        oppSum += xr;
        oppN++;
      }
      gSum += ((flip ? 1 - yr : yr) - 0.5) * 2 * xr;
      if (xr < 0) neg++;
      else if (xr > 0) pos++;
    }
    const g = gSum / c;
    let M = 1;
    if (oppN > 0) {
      const m = oppSum / oppN;
      let s = 0;
      for (let k = lo; k < hi; k++) {
        const r = order[k];
        if (y[r] !== yOpposite) continue;
        s += 1 / (1 + Math.exp(-params.oppositeSteepness * (Math.abs(x[r] - m) - params.oppositeWindow)));
      }
      M = Math.min((s / c) * params.oppositeSlope + 1, params.oppositeCap);
    }

    base.fill(0);
    W.fill(0);
    V.fill(0);
    for (let k = lo; k < hi; k++) {
      const r = order[k];
      const xr = x[r];
      const yr = y[r];
      let v = yr === 0.5 ? params.somewhatHelpfulValue : yr;
      if (flip) v = 1 - v;
      const off = kernel.rowOf(xr);
      const kValues = kernel.values;
      // A zero row sum gives 0 · Infinity = NaN weights, as the reference's 0 / 0 does.
      const scale = normalize ? 1 / kernel.sums[off / K] : 1;
      const extra = v === 0 ? M * negWeight : 1;
      for (let j = 0; j < K; j++) {
        const w = kValues[off + j] * scale;
        base[j] += w;
        const we = w * extra;
        W[j] += we;
        V[j] += we * v;
      }
    }

    let insufficient = false;
    for (let j = 0; j < K; j++) if (base[j] < weightLim) insufficient = true;
    const sparse = neg < minRatersPerSide || pos < minRatersPerSide;
    const a = (params.smoothingWeight * Math.log(Math.max(c, params.adaptiveWeightBase))) / lnBase;
    const sv = params.smoothingValue;
    let logSum = 0;
    for (let j = 0; j < K; j++) {
      let prior = sv;
      if (sparse) prior = params.sparsePrior;
      else if (params.priorFactor) prior = Math.max(Math.min((g * grid[j]) / 2 + sv, sv), params.minPrior);
      const den = W[j] + a;
      let mean = den !== 0 ? (V[j] + prior * a) / den : params.clipLower;
      mean = Math.min(Math.max(mean, params.clipLower), params.clipUpper);
      if (insufficient) mean = -1;
      if (out.curves !== null) out.curves[n * K + j] = mean;
      logSum += Math.log(mean);
    }
    // log(-1) and NaN weights both give NaN: the reference maps that to a score of exactly 0.
    out.score[n] = Number.isNaN(logSum) ? 0 : Math.exp(logSum / K);
    out.gFactor[n] = g;
    out.multiplier[n] = M;
    out.insufficient[n] = insufficient ? 1 : 0;
    out.sparse[n] = sparse ? 1 : 0;
  }
  return out;
}
