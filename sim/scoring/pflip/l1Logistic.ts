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
  /** passes over the features at most (2500) */
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

/**
 * L1-regularised logistic regression on binary features by cyclic coordinate descent with one-dimensional Newton
 * steps, soft-thresholding and Armijo backtracking (the method of liblinear's L1 solvers), with liblinear-style
 * shrinking of inactive zero weights. Deterministic: features are visited in ascending order. The intercept is not
 * penalised (liblinear penalises it). Takes columns, labels y ∈ {0, 1} per row and options; returns weights.
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
  for (let i = 0; i < n; i++) if (y[i] > 1) throw new Error(`fitL1Logistic: label of row ${i} is ${y[i]}, expected 0 or 1`);
  const w = new Float64Array(d);
  const z = new Float64Array(n);
  const ySum = new Float64Array(d);
  let yTotal = 0;
  for (let i = 0; i < n; i++) yTotal += y[i];
  for (let j = 0; j < d; j++) for (let p = x.start[j]; p < x.start[j + 1]; p++) ySum[j] += y[x.rows[p]];
  let b = 0;

  // One Newton step on the intercept; returns |gradient|.
  const interceptStep = (): number => {
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(z[i]);
      g += p - y[i];
      h += p * (1 - p);
    }
    g *= C;
    h = C * h + 1e-12;
    const step = -g / h;
    let lambda = 1;
    for (let t = 0; t < MAX_HALVINGS; t++) {
      let diff = 0;
      for (let i = 0; i < n; i++) diff += log1pexp(z[i] + lambda * step) - log1pexp(z[i]);
      diff = C * (diff - lambda * step * yTotal);
      if (diff <= ARMIJO * lambda * g * step) break;
      lambda *= 0.5;
    }
    b += lambda * step;
    for (let i = 0; i < n; i++) z[i] += lambda * step;
    return Math.abs(g);
  };

  let active = Int32Array.from({ length: d }, (_, j) => j);
  let nActive = d;
  let gmaxOld = Infinity;
  let normInit = -1;
  let epochs = 0;
  let converged = false;
  while (epochs < maxEpochs) {
    epochs++;
    let gmaxNew = 0;
    let norm = interceptStep();
    let k = 0;
    while (k < nActive) {
      const j = active[k];
      const s = x.start[j];
      const e = x.start[j + 1];
      let g = 0;
      let h = 0;
      for (let p = s; p < e; p++) {
        const q = sigmoid(z[x.rows[p]]);
        g += q;
        h += q * (1 - q);
      }
      g = C * (g - ySum[j]);
      h = C * h + 1e-12;
      const wj = w[j];
      let violation: number;
      if (wj > 0) violation = Math.abs(g + 1);
      else if (wj < 0) violation = Math.abs(g - 1);
      else {
        if (Math.abs(g) < 1 - gmaxOld / n) {
          // Zero weight well inside the subgradient box: leave it out until the final full pass.
          active[k] = active[--nActive];
          active[nActive] = j;
          continue;
        }
        violation = Math.max(0, Math.abs(g) - 1);
      }
      gmaxNew = Math.max(gmaxNew, violation);
      norm += violation;
      k++;
      let step: number;
      if (g + 1 <= h * wj) step = -(g + 1) / h;
      else if (g - 1 >= h * wj) step = -(g - 1) / h;
      else step = -wj;
      if (Math.abs(step) < 1e-12) continue;
      const expected = g * step + Math.abs(wj + step) - Math.abs(wj);
      let lambda = 1;
      for (let t = 0; t < MAX_HALVINGS; t++) {
        let diff = 0;
        for (let p = s; p < e; p++) {
          const zi = z[x.rows[p]];
          diff += log1pexp(zi + lambda * step) - log1pexp(zi);
        }
        diff = C * (diff - lambda * step * ySum[j]) + Math.abs(wj + lambda * step) - Math.abs(wj);
        if (diff <= ARMIJO * lambda * expected) break;
        lambda *= 0.5;
      }
      const delta = lambda * step;
      w[j] = wj + delta;
      for (let p = s; p < e; p++) z[x.rows[p]] += delta;
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
    }
  }
  let objective = 0;
  for (let i = 0; i < n; i++) objective += log1pexp(z[i]) - y[i] * z[i];
  objective *= C;
  for (let j = 0; j < d; j++) objective += Math.abs(w[j]);
  return { weights: w, intercept: b, epochs, converged, objective };
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
