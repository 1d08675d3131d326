/** Summary of a sample: count, mean, median, 90th percentile, max (NaN when empty). */
export interface Distribution {
  count: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
}

/**
 * Summarises `values` (NaN entries ignored); quantiles by linear interpolation.
 *
 * @example distribution([1, 2, 3]).median; // 2
 */
export function distribution(values: ArrayLike<number>): Distribution {
  const v = Array.from(values)
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return { count: 0, mean: NaN, median: NaN, p90: NaN, max: NaN };
  const q = (p: number) => {
    const pos = p * (n - 1);
    const lo = Math.floor(pos);
    return lo + 1 < n ? v[lo] + (pos - lo) * (v[lo + 1] - v[lo]) : v[lo];
  };
  return { count: n, mean: v.reduce((a, b) => a + b, 0) / n, median: q(0.5), p90: q(0.9), max: v[n - 1] };
}

/** a / b, NaN when b is 0. */
export const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);
