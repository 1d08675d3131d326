import { minimizeLbfgs, type LbfgsOptions, type LbfgsResult } from './lbfgs.ts';
import type { SparseRows } from './tfidf.ts';

/** A fitted L2-regularised logistic regression (scikit-learn's LogisticRegression with lbfgs). */
export interface LogisticModel {
  /** the distinct training labels, ascending (scikit-learn's `classes_`) */
  classes: Int32Array;
  /** true with two classes: one weight row, P(classes[1]) = sigmoid(score) */
  binary: boolean;
  nFeatures: number;
  /** weight rows (1 row when binary, else one per class), row-major rows × nFeatures */
  coef: Float64Array;
  intercept: Float64Array;
  /** how the optimiser stopped */
  fit: Omit<LbfgsResult, 'x'>;
}

/**
 * Fits scikit-learn's LogisticRegression(C) with the lbfgs solver: multinomial softmax for ≥ 3 classes, a single
 * binary logistic for 2; objective mean log-loss + ‖W‖² / (2·C·n), intercepts unpenalised, start at zero.
 * Takes the rows, the label of each row and the options; throws when fewer than 2 classes are present.
 */
export function fitLogisticRegression(
  X: SparseRows,
  y: ArrayLike<number>,
  C = 1,
  options: LbfgsOptions = {},
): LogisticModel {
  if (y.length !== X.nRows) throw new Error(`fitLogisticRegression: ${X.nRows} rows but ${y.length} labels`);
  const classes = Int32Array.from(new Set(Array.from(y))).sort();
  if (classes.length < 2) {
    throw new Error(`fitLogisticRegression: needs samples of at least 2 classes, got ${classes.length}`);
  }
  const binary = classes.length === 2;
  const K = binary ? 1 : classes.length;
  const d = X.nCols;
  const n = X.nRows;
  const classIndex = new Map(Array.from(classes, (c, k) => [c, k]));
  const target = Int32Array.from(Array.from(y), (v) => classIndex.get(v)!);
  const stride = d + 1;
  const l2 = 1 / (C * n);
  const z = new Float64Array(n * K);

  // Parameters: K rows of d weights followed by the row's intercept.
  const objective = (w: Float64Array, grad: Float64Array): number => {
    scores(X, w, K, stride, z);
    grad.fill(0);
    let loss = 0;
    const residual = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      if (binary) {
        const s = z[i];
        const yi = target[i];
        // log(1 + e^s) − y·s, computed stably.
        loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - yi * s;
        residual[0] = sigmoid(s) - yi;
      } else {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, z[i * K + k]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += Math.exp(z[i * K + k] - max);
        const lse = max + Math.log(sum);
        loss += lse - z[i * K + target[i]];
        for (let k = 0; k < K; k++) residual[k] = Math.exp(z[i * K + k] - lse) - (k === target[i] ? 1 : 0);
      }
      for (let k = 0; k < K; k++) {
        const r = residual[k] / n;
        if (r === 0) continue;
        const base = k * stride;
        for (let p = X.indptr[i]; p < X.indptr[i + 1]; p++) grad[base + X.indices[p]] += r * X.data[p];
        grad[base + d] += r;
      }
    }
    let penalty = 0;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) {
        const v = w[k * stride + j];
        penalty += v * v;
        grad[k * stride + j] += l2 * v;
      }
    }
    return loss / n + 0.5 * l2 * penalty;
  };
  const result = minimizeLbfgs(objective, new Float64Array(K * stride), options);
  const coef = new Float64Array(K * d);
  const intercept = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    coef.set(result.x.subarray(k * stride, k * stride + d), k * d);
    intercept[k] = result.x[k * stride + d];
  }
  const { x: _x, ...fit } = result;
  return { classes, binary, nFeatures: d, coef, intercept, fit };
}

/**
 * Class probabilities of each row as an n × nColumns matrix whose column c is the probability of label c
 * (labels absent from training get 0): softmax of the scores, or [1 − σ(s), σ(s)] for a binary model.
 */
export function predictProbabilities(model: LogisticModel, X: SparseRows, nColumns: number): Float64Array {
  if (X.nCols !== model.nFeatures) {
    throw new Error(`predictProbabilities: rows have ${X.nCols} features, model has ${model.nFeatures}`);
  }
  const K = model.binary ? 1 : model.classes.length;
  const d = model.nFeatures;
  const w = new Float64Array(K * (d + 1));
  for (let k = 0; k < K; k++) {
    w.set(model.coef.subarray(k * d, (k + 1) * d), k * (d + 1));
    w[k * (d + 1) + d] = model.intercept[k];
  }
  const z = new Float64Array(X.nRows * K);
  scores(X, w, K, d + 1, z);
  const probs = new Float64Array(X.nRows * nColumns);
  for (let i = 0; i < X.nRows; i++) {
    if (model.binary) {
      const p = sigmoid(z[i]);
      probs[i * nColumns + model.classes[0]] = 1 - p;
      probs[i * nColumns + model.classes[1]] = p;
      continue;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, z[i * K + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(z[i * K + k] - max);
    for (let k = 0; k < K; k++) probs[i * nColumns + model.classes[k]] = Math.exp(z[i * K + k] - max) / sum;
  }
  return probs;
}

function scores(X: SparseRows, w: Float64Array, K: number, stride: number, out: Float64Array): void {
  const d = stride - 1;
  for (let i = 0; i < X.nRows; i++) {
    for (let k = 0; k < K; k++) {
      const base = k * stride;
      let s = w[base + d];
      for (let p = X.indptr[i]; p < X.indptr[i + 1]; p++) s += w[base + X.indices[p]] * X.data[p];
      out[i * K + k] = s;
    }
  }
}

function sigmoid(s: number): number {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
}
