/**
 * Hot loops of the typed-array MF engine: one fused forward/backward pass over ratings grouped by an
 * "outer" side (notes or raters, whichever the caller picks), scattering into the "inner" side.
 * The model is symmetric in the two sides (pred = mu + b_o + b_i + f_o·f_i), so one loop serves both.
 *
 * Each side keeps parameters and gradients interleaved in one Float64Array (SIDE_STRIDE per entity:
 * intercept, factor, intercept gradient, factor gradient) so a rating touches one cache line of the
 * inner side instead of four. Parameter slots always hold float32 values (the caller rounds).
 *
 * Gradients are left raw: the gradient slots receive Σ w·e and Σ w·e·f_other where e = dLoss/dpred per
 * rating, before the 1/R (and the factor 2 of the squared loss); the caller scales them.
 */
import { groupOrder } from '../groupOrder.ts';

/** Slots per entity in a side buffer: +0 intercept, +1 factor, +2 intercept gradient, +3 factor gradient. */
export const SIDE_STRIDE = 4;

/** Ratings grouped by outer index: ratings of outer o sit at start[o]..start[o+1]-1. */
export interface RatingCsr {
  start: Int32Array;
  /** inner index × SIDE_STRIDE (pre-multiplied offset into the inner side buffer) */
  innerAt: Int32Array;
  target: Float32Array;
  /** Per-rating weight, null when all are 1. */
  weight: Float32Array | null;
}

/**
 * Group ratings by `outer` (stable counting sort, O(R + nOuter)). Takes index columns and values;
 * returns the CSR copy (the inputs are not modified).
 */
export function buildCsr(
  outer: Int32Array,
  inner: Int32Array,
  nOuter: number,
  target: Float32Array,
  weight: Float32Array | undefined,
): RatingCsr {
  const r = outer.length;
  const { start, slot } = groupOrder(outer, nOuter);
  const innerAt = new Int32Array(r);
  const targetOut = new Float32Array(r);
  const weightOut = weight === undefined ? null : new Float32Array(r);
  for (let k = 0; k < r; k++) {
    const pos = slot[k];
    innerAt[pos] = inner[k] * SIDE_STRIDE;
    targetOut[pos] = target[k];
    if (weightOut !== null) weightOut[pos] = (weight as Float32Array)[k];
  }
  return { start, innerAt, target: targetOut, weight: weightOut };
}

/**
 * Squared loss, unit weights. Writes out[0] = Σ e², out[1] = Σ e² (plain), out[2] = Σ e with
 * e = pred − target. Outer gradient slots are assigned; inner ones are accumulated (zero them first)
 * when `scatterInner`.
 */
export function passSquared(
  csr: RatingCsr,
  outer: Float64Array,
  inner: Float64Array,
  mu: number,
  scatterInner: boolean,
  out: Float64Array,
): void {
  const { start, innerAt, target } = csr;
  const nOuter = start.length - 1;
  let loss = 0;
  let sumE = 0;
  for (let o = 0, at = 0; o < nOuter; o++, at += SIDE_STRIDE) {
    const base = mu + outer[at];
    const fo = outer[at + 1];
    let gb = 0;
    let gf = 0;
    const end = start[o + 1];
    if (scatterInner) {
      for (let k = start[o]; k < end; k++) {
        const j = innerAt[k];
        const fi = inner[j + 1];
        const e = base + inner[j] + fo * fi - target[k];
        loss += e * e;
        gb += e;
        gf += e * fi;
        inner[j + 2] += e;
        inner[j + 3] += e * fo;
      }
    } else {
      for (let k = start[o]; k < end; k++) {
        const j = innerAt[k];
        const fi = inner[j + 1];
        const e = base + inner[j] + fo * fi - target[k];
        loss += e * e;
        gb += e;
        gf += e * fi;
      }
    }
    outer[at + 2] = gb;
    outer[at + 3] = gf;
    sumE += gb;
  }
  out[0] = loss;
  out[1] = loss;
  out[2] = sumE;
}

/** Squared loss with per-rating weights: out[0] = Σ w e², out[1] = Σ e², out[2] = Σ w e. */
export function passSquaredWeighted(
  csr: RatingCsr,
  outer: Float64Array,
  inner: Float64Array,
  mu: number,
  scatterInner: boolean,
  out: Float64Array,
): void {
  const { start, innerAt, target } = csr;
  const weight = csr.weight as Float32Array;
  const nOuter = start.length - 1;
  let loss = 0;
  let plain = 0;
  let sumE = 0;
  for (let o = 0, at = 0; o < nOuter; o++, at += SIDE_STRIDE) {
    const base = mu + outer[at];
    const fo = outer[at + 1];
    let gb = 0;
    let gf = 0;
    const end = start[o + 1];
    for (let k = start[o]; k < end; k++) {
      const j = innerAt[k];
      const fi = inner[j + 1];
      const e = base + inner[j] + fo * fi - target[k];
      const we = weight[k] * e;
      loss += we * e;
      plain += e * e;
      gb += we;
      gf += we * fi;
      if (scatterInner) {
        inner[j + 2] += we;
        inner[j + 3] += we * fo;
      }
    }
    outer[at + 2] = gb;
    outer[at + 3] = gf;
    sumE += gb;
  }
  out[0] = loss;
  out[1] = plain;
  out[2] = sumE;
}

/**
 * BCE with logits and pos_weight pw (torch semantics): per rating
 * l = (1 − y)·x + (1 + (pw − 1)·y)·softplus(−x), dl/dx = (1 − y) − (1 + (pw − 1)·y)·σ(−x).
 * out[0] = Σ w l, out[1] = Σ l, out[2] = Σ w dl/dx.
 */
export function passLogistic(
  csr: RatingCsr,
  outer: Float64Array,
  inner: Float64Array,
  mu: number,
  posWeight: number,
  scatterInner: boolean,
  out: Float64Array,
): void {
  const { start, innerAt, target, weight } = csr;
  const nOuter = start.length - 1;
  const pw1 = posWeight - 1;
  let loss = 0;
  let plain = 0;
  let sumE = 0;
  for (let o = 0, at = 0; o < nOuter; o++, at += SIDE_STRIDE) {
    const base = mu + outer[at];
    const fo = outer[at + 1];
    let gb = 0;
    let gf = 0;
    const end = start[o + 1];
    for (let k = start[o]; k < end; k++) {
      const j = innerAt[k];
      const fi = inner[j + 1];
      const x = base + inner[j] + fo * fi;
      const y = target[k];
      const lw = 1 + pw1 * y;
      const ex = Math.exp(-Math.abs(x));
      const softplusNeg = Math.log1p(ex) + (x < 0 ? -x : 0);
      const sigmaNeg = x >= 0 ? ex / (1 + ex) : 1 / (1 + ex);
      const l = (1 - y) * x + lw * softplusNeg;
      let e = 1 - y - lw * sigmaNeg;
      plain += l;
      if (weight !== null) {
        const w = weight[k];
        loss += w * l;
        e *= w;
      } else {
        loss += l;
      }
      gb += e;
      gf += e * fi;
      if (scatterInner) {
        inner[j + 2] += e;
        inner[j + 3] += e * fo;
      }
    }
    outer[at + 2] = gb;
    outer[at + 3] = gf;
    sumE += gb;
  }
  out[0] = loss;
  out[1] = plain;
  out[2] = sumE;
}
