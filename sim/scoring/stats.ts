/** Linear-interpolation quantile (numpy's default) of the values, NaN ignored; NaN when empty. */
export function quantileLinear(values: Float64Array, q: number): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort();
  if (v.length === 0) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}
