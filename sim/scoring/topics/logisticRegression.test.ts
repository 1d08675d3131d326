import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, predictProbabilities } from './logisticRegression.ts';
import type { SparseRows } from './tfidf.ts';

const dense = [
  [0.5, 0, 0.2, 0],
  [0.9, 0.1, 0, 0],
  [0, 0.7, 0, 0.3],
  [0, 0.8, 0.1, 0],
  [0.1, 0, 0.9, 0],
  [0, 0, 0.6, 0.6],
  [0.3, 0.3, 0, 0],
  [0, 0, 0, 1.0],
  [0.6, 0, 0, 0.2],
  [0, 0.5, 0.5, 0],
  [0.2, 0, 0.8, 0.1],
  [0, 0.9, 0, 0.1],
];
const y = [0, 0, 1, 1, 2, 2, 0, 1, 0, 1, 2, 1];

function toSparse(rows: number[][]): SparseRows {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (const row of rows) {
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        data.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    nRows: rows.length,
    nCols: rows[0].length,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}

// Golden values: the same objective (mean log-loss + ‖W‖²/(2n), C = 1) minimised with scipy's L-BFGS-B to 1e-12.
describe('fitLogisticRegression', () => {
  const X = toSparse(dense);

  it('multinomial: matches the scipy optimum', () => {
    const model = fitLogisticRegression(X, y, 1, { gtol: 1e-9 });
    expect(model.binary).toBe(false);
    expect(model.fit.f).toBeCloseTo(0.7921536436187346, 9);
    const p = predictProbabilities(model, X, 6);
    const golden = [
      [0, [0.51728691, 0.25244923, 0.23026386]],
      [2, [0.20934771, 0.66148512, 0.12916716]],
      [5, [0.21066892, 0.36876952, 0.42056155]],
      [7, [0.2500049, 0.51927513, 0.23071997]],
    ] as const;
    for (const [row, probs] of golden) {
      probs.forEach((v, c) => expect(p[row * 6 + c]).toBeCloseTo(v, 6));
      expect(p[row * 6 + 3] + p[row * 6 + 4] + p[row * 6 + 5]).toBe(0);
    }
  });

  it('binary: one weight row and sigmoid probabilities, labels kept as given', () => {
    const yb = y.map((v) => (v === 1 ? 4 : 0));
    const model = fitLogisticRegression(X, yb, 1, { gtol: 1e-9 });
    expect(model.binary).toBe(true);
    expect(Array.from(model.classes)).toEqual([0, 4]);
    expect(model.fit.f).toBeCloseTo(0.5581360747717871, 9);
    const p = predictProbabilities(model, X, 6);
    [0.28756266, 0.60227319, 0.37969303, 0.48229121].forEach((v, k) => {
      const row = [0, 2, 5, 7][k];
      expect(p[row * 6 + 4]).toBeCloseTo(v, 6);
      expect(p[row * 6]).toBeCloseTo(1 - v, 6);
    });
  });

  it('refuses a single class', () => {
    expect(() =>
      fitLogisticRegression(
        X,
        y.map(() => 2),
      ),
    ).toThrow(/at least 2 classes/);
  });
});
