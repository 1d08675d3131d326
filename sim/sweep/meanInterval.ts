import { studentTQuantile } from './studentT.ts';

/** A sample's mean and the two-sided 95 % confidence interval of that mean. */
export interface MeanInterval {
  n: number;
  mean: number;
  /** NaN when n < 2 (no spread to estimate) */
  low: number;
  high: number;
}

/**
 * Mean and 95 % confidence interval of the mean, mean ± t(0.975, n − 1) · s / √n with s the sample standard
 * deviation (n − 1 in the denominator): the interval for the mean of a few seeds, assuming the per-seed values
 * are independent draws from a roughly normal distribution. NaN values are left out; all NaN gives n = 0.
 *
 * @example meanInterval([1, 2, 3]) // { n: 3, mean: 2, low: -0.484..., high: 4.484... }
 */
export function meanInterval(values: readonly number[]): MeanInterval {
  const xs = values.filter((v) => !Number.isNaN(v));
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, low: NaN, high: NaN };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { n, mean, low: NaN, high: NaN };
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = (studentTQuantile(0.975, n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, low: mean - half, high: mean + half };
}
