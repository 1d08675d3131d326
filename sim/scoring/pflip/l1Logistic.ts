import type { BinaryRows } from './featureEncoder.ts';

/** A binary design matrix by columns (CSC): the rows where feature j is 1 are `rows[start[j] .. start[j+1])`. */
export interface BinaryColumns {
  nRows: number;
  nCols: number;
  start: Int32Array;
  rows: Int32Array;
}

export interface L1LogisticOptions {
  /** inverse regularisation: minimise ‖w‖₁ + C·Σᵢ logloss(yᵢ, b + w·xᵢ) */
  C: number;
  /** outer (Newton) iterations at most (2500, as the reference's max_iter) */
  maxEpochs?: number;
  /** stop when the summed optimality violation ≤ tol × its first-epoch value (1e-4) */
  tol?: number;
}

export interface L1LogisticFit {
  weights: Float64Array;
  /** unpenalised intercept */
  intercept: number;
  epochs: number;
  converged: boolean;
  /** final objective ‖w‖₁ + C·Σ logloss */
  objective: number;
}

/** Transposes binary rows (CSR) into columns (CSC), row indices ascending within each column. */
export function toColumns(x: BinaryRows): BinaryColumns {
  const start = new Int32Array(x.nCols + 1);
  for (let p = 0; p < x.cols.length; p++) start[x.cols[p] + 1]++;
  for (let j = 0; j < x.nCols; j++) start[j + 1] += start[j];
  const rows = new Int32Array(x.cols.length);
  const fill = start.slice(0, x.nCols);
  for (let r = 0; r < x.nRows; r++) for (let p = x.start[r]; p < x.start[r + 1]; p++) rows[fill[x.cols[p]]++] = r;
  return { nRows: x.nRows, nCols: x.nCols, start, rows };
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const log1pexp = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const ARMIJO = 0.01;
const MAX_HALVINGS = 30;
const INNER_PASSES = 50;
/** inner passes stop once their summed step size (scaled by curvature) is below this share of the outer violation */
const INNER_TOL = 0.1;

/**
 * L1-regularised logistic regression on binary features, by the method of liblinear's L1 solver (newGLMNET): each
 * outer iteration builds the quadratic model of the logistic loss at w, minimises quadratic + ‖w + d‖₁ by cyclic
 * coordinate descent (soft-thresholded Newton steps, ascending feature order), then backtracks along d (Armijo).
 * Zero weights well inside the subgradient box are shrunk away and re-checked before stopping. The intercept is not
 * penalised (liblinear penalises it). Takes columns, labels y ∈ {0, 1} per row and options; returns the weights.
 *
 * @example fitL1Logistic(toColumns(rows), labels, { C: 0.04 }).weights
 */
export function fitL1Logistic(x: BinaryColumns, y: Uint8Array, options: L1LogisticOptions): L1LogisticFit {
  const { C } = options;
  const maxEpochs = options.maxEpochs ?? 2500;
  const tol = options.tol ?? 1e-4;
  const n = x.nRows;
  const d = x.nCols;
  if (y.length !== n) throw new Error(`fitL1Logistic: ${n} rows but ${y.length} labels`);
  if (!(C > 0) || !Number.isFinite(C)) throw new Error(`fitL1Logistic: C must be a positive number, got ${C}`);
  for (let i = 0; i < n; i++)
    if (y[i] > 1) throw new Error(`fitL1Logistic: label of row ${i} is ${y[i]}, expected 0 or 1`);
  const { start, rows } = x;
  const w = new Float64Array(d);
  let b = 0;
  const z = new Float64Array(n);
  const r = new Float64Array(n); // C·(p − y): loss gradient per row
  const D = new Float64Array(n); // C·p(1 − p): loss curvature per row
  const g = new Float64Array(d);
  const H = new Float64Array(d);
  const step = new Float64Array(d);
  const dz = new Float64Array(n); // x·step + stepB per row
  let active = Int32Array.from({ length: d }, (_, j) => j);
  let nActive = d;
  let gmaxOld = Infinity;
  let normInit = -1;
  let epochs = 0;
  let converged = false;
  let loss = lossAt(z, y, C, 0, z);

  while (epochs < maxEpochs) {
    epochs++;
    let gB = 0;
    let hB = 1e-12;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(z[i]);
      r[i] = C * (p - y[i]);
      D[i] = C * p * (1 - p);
      gB += r[i];
      hB += D[i];
    }
    // Gradient, curvature and optimality violation of every active feature; shrink hopeless zeros.
    let norm = Math.abs(gB);
    let gmaxNew = 0;
    let k = 0;
    while (k < nActive) {
      const j = active[k];
      let gj = 0;
      let hj = 1e-12;
      for (let p = start[j]; p < start[j + 1]; p++) {
        gj += r[rows[p]];
        hj += D[rows[p]];
      }
      g[j] = gj;
      H[j] = hj;
      let violation: number;
      if (w[j] > 0) violation = Math.abs(gj + 1);
      else if (w[j] < 0) violation = Math.abs(gj - 1);
      else if (Math.abs(gj) < 1 - gmaxOld / n) {
        active[k] = active[--nActive];
        active[nActive] = j;
        continue;
      } else violation = Math.max(0, Math.abs(gj) - 1);
      gmaxNew = Math.max(gmaxNew, violation);
      norm += violation;
      k++;
    }
    if (normInit < 0) normInit = norm;
    gmaxOld = gmaxNew;
    if (norm <= tol * normInit) {
      if (nActive === d) {
        converged = true;
        break;
      }
      // Converged on the active set: re-check every feature before stopping.
      nActive = d;
      active = Int32Array.from({ length: d }, (_, j) => j);
      gmaxOld = Infinity;
      continue;
    }

    // Inner coordinate descent on the quadratic model: minimise gᵀs + ½ Σᵢ Dᵢ (x·s)ᵢ² + ‖w + s‖₁ over s.
    dz.fill(0);
    let stepB = 0;
    for (let a = 0; a < nActive; a++) step[active[a]] = 0;
    for (let pass = 0; pass < INNER_PASSES; pass++) {
      let innerNorm = 0;
      for (let a = 0; a < nActive; a++) {
        const j = active[a];
        let G = g[j];
        for (let p = start[j]; p < start[j + 1]; p++) G += D[rows[p]] * dz[rows[p]];
        const h = H[j];
        const wpd = w[j] + step[j];
        let s: number;
        if (G + 1 <= h * wpd) s = -(G + 1) / h;
        else if (G - 1 >= h * wpd) s = -(G - 1) / h;
        else s = -wpd;
        if (s === 0) continue;
        innerNorm += Math.abs(s) * h;
        step[j] += s;
        for (let p = start[j]; p < start[j + 1]; p++) dz[rows[p]] += s;
      }
      let GB = gB;
      for (let i = 0; i < n; i++) GB += D[i] * dz[i];
      const sB = -GB / hB;
      innerNorm += Math.abs(sB) * hB;
      stepB += sB;
      for (let i = 0; i < n; i++) dz[i] += sB;
      if (innerNorm <= INNER_TOL * norm) break;
    }

    // Armijo backtracking on the true objective along the step.
    let delta = gB * stepB;
    let l1Now = 0;
    let l1Full = 0;
    for (let a = 0; a < nActive; a++) {
      const j = active[a];
      delta += g[j] * step[j];
      l1Now += Math.abs(w[j]);
      l1Full += Math.abs(w[j] + step[j]);
    }
    delta += l1Full - l1Now;
    let lambda = 1;
    let accepted = false;
    for (let t = 0; t < MAX_HALVINGS; t++) {
      let l1 = 0;
      for (let a = 0; a < nActive; a++) l1 += Math.abs(w[active[a]] + lambda * step[active[a]]);
      const next = lossAt(z, y, C, lambda, dz);
      if (next + l1 - (loss + l1Now) <= ARMIJO * lambda * delta) {
        loss = next;
        accepted = true;
        break;
      }
      lambda *= 0.5;
    }
    if (!accepted) break;
    for (let a = 0; a < nActive; a++) w[active[a]] += lambda * step[active[a]];
    b += lambda * stepB;
    for (let i = 0; i < n; i++) z[i] += lambda * dz[i];
  }
  let objective = loss;
  for (let j = 0; j < d; j++) objective += Math.abs(w[j]);
  return { weights: w, intercept: b, epochs, converged, objective };
}

/** C·Σ logloss at scores z + λ·dz. */
function lossAt(z: Float64Array, y: Uint8Array, C: number, lambda: number, dz: Float64Array): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    const v = z[i] + lambda * dz[i];
    s += log1pexp(v) - y[i] * v;
  }
  return C * s;
}

/** Decision scores b + w·x of binary rows (CSR); feature columns index `weights`. */
export function decisionScores(weights: Float64Array, intercept: number, x: BinaryRows): Float64Array {
  const out = new Float64Array(x.nRows);
  for (let r = 0; r < x.nRows; r++) {
    let s = intercept;
    for (let p = x.start[r]; p < x.start[r + 1]; p++) s += weights[x.cols[p]];
    out[r] = s;
  }
  return out;
}
