import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import type { BinaryRows } from './featureEncoder.ts';
import { decisionScores, fitL1Logistic, toColumns, type BinaryColumns } from './l1Logistic.ts';

/** Binary rows from a dense 0/1 matrix given as row arrays. */
function rowsOf(dense: number[][], nCols: number): BinaryRows {
  const start = new Int32Array(dense.length + 1);
  const cols: number[] = [];
  dense.forEach((row, r) => {
    row.forEach((v, j) => v && cols.push(j));
    start[r + 1] = cols.length;
  });
  return { nRows: dense.length, nCols, start, cols: Int32Array.from(cols) };
}

/** Largest violation of the L1 optimality conditions (0 at the exact optimum). */
function kktViolation(x: BinaryColumns, y: Uint8Array, C: number, w: Float64Array, b: number): number {
  const z = new Float64Array(x.nRows).fill(b);
  for (let j = 0; j < x.nCols; j++) for (let p = x.start[j]; p < x.start[j + 1]; p++) z[x.rows[p]] += w[j];
  const r = Float64Array.from(z, (v, i) => C * (1 / (1 + Math.exp(-v)) - y[i]));
  let worst = Math.abs(r.reduce((a, v) => a + v, 0));
  for (let j = 0; j < x.nCols; j++) {
    let g = 0;
    for (let p = x.start[j]; p < x.start[j + 1]; p++) g += r[x.rows[p]];
    const v = w[j] > 0 ? Math.abs(g + 1) : w[j] < 0 ? Math.abs(g - 1) : Math.max(0, Math.abs(g) - 1);
    worst = Math.max(worst, v);
  }
  return worst;
}

/** 2 informative features (0, 1) and 20 noise features; labels depend on the informative ones only. */
function noisyProblem(seed: number, n: number) {
  const random = randomSeeded(seed);
  const dense: number[][] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: 22 }, () => (random() < 0.5 ? 1 : 0));
    const logit = -0.5 + 2 * row[0] - 1.5 * row[1];
    y[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    dense.push(row);
  }
  return { rows: rowsOf(dense, 22), y };
}

describe('fitL1Logistic', () => {
  it('keeps the informative features and zeroes the irrelevant ones (non-separable data)', () => {
    const { rows, y } = noisyProblem(7, 2000);
    const x = toColumns(rows);
    const fit = fitL1Logistic(x, y, { C: 0.04, tol: 1e-8 });
    expect(fit.converged).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(fit.weights[1]).toBeLessThan(-0.8);
    for (let j = 2; j < 22; j++) expect(fit.weights[j]).toBe(0);
    expect(kktViolation(x, y, 0.04, fit.weights, fit.intercept)).toBeLessThan(1e-3);
  });

  it('a weaker penalty (larger C) lets more noise in, a stronger one (smaller C) zeroes everything', () => {
    const { rows, y } = noisyProblem(7, 2000);
    const x = toColumns(rows);
    const loose = fitL1Logistic(x, y, { C: 10, tol: 1e-8 });
    expect(loose.weights.filter((v) => v !== 0).length).toBeGreaterThan(2);
    const tight = fitL1Logistic(x, y, { C: 0.0005, tol: 1e-8 });
    expect(tight.weights.every((v) => v === 0)).toBe(true);
    // With every weight zero the intercept alone fits the base rate.
    const rate = y.reduce((a, v) => a + v, 0) / y.length;
    expect(1 / (1 + Math.exp(-tight.intercept))).toBeCloseTo(rate, 6);
  });

  it('stays finite and classifies perfectly on separable data', () => {
    const dense: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const flip = i % 2;
      dense.push([flip, 1 - flip, i % 3 === 0 ? 1 : 0]);
      y.push(flip);
    }
    const rows = rowsOf(dense, 3);
    const fit = fitL1Logistic(toColumns(rows), Uint8Array.from(y), { C: 0.04 });
    expect(fit.weights.every(Number.isFinite)).toBe(true);
    expect(fit.weights[2]).toBe(0);
    const scores = decisionScores(fit.weights, fit.intercept, rows);
    scores.forEach((s, i) => expect(s > 0 ? 1 : 0).toBe(y[i]));
  });

  it('is deterministic', () => {
    const { rows, y } = noisyProblem(3, 500);
    const a = fitL1Logistic(toColumns(rows), y, { C: 0.5 });
    const b = fitL1Logistic(toColumns(rows), y, { C: 0.5 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.intercept).toBe(b.intercept);
  });

  it('rejects bad input', () => {
    const rows = rowsOf([[1], [0]], 1);
    expect(() => fitL1Logistic(toColumns(rows), Uint8Array.of(1), { C: 1 })).toThrow(/2 rows but 1 labels/);
    expect(() => fitL1Logistic(toColumns(rows), Uint8Array.of(1, 2), { C: 1 })).toThrow(/label of row 1 is 2/);
    expect(() => fitL1Logistic(toColumns(rows), Uint8Array.of(1, 0), { C: 0 })).toThrow(/C must be a positive number/);
  });
});
