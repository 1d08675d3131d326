/**
 * Quantile `q` of ascending `sorted` values with linear interpolation, computed as numpy's default method
 * does (virtual index q·(n−1); the lerp is taken from the upper end when the fraction is ≥ 0.5). NaN when empty.
 */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const virtual = (n - 1) * q;
  const lo = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const t = virtual - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Linear-interpolation quantile (numpy's default) of the values, NaN ignored; NaN when empty. */
export function quantileLinear(values: Float64Array, q: number): number {
  return quantileOfSorted(values.filter((x) => !Number.isNaN(x)).sort(), q);
}
