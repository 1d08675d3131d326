/**
 * Inner bin edges of a 1-D k-means discretisation (the idea of scikit-learn's KBinsDiscretizer(strategy='kmeans')):
 * centres start at the midpoints of `nBins` equal-width bins over [min, max], Lloyd iterations on the values, edges
 * are midpoints of consecutive sorted centres; edges closer than 1e-8 are merged. Takes finite values (NaN are
 * ignored); returns an ascending Float64Array of at most nBins − 1 edges (empty when the values are constant).
 * Empty clusters keep their centre (scikit-learn relocates them), so edges can differ on sparse, gappy columns.
 *
 * @example binOf(fitKMeansEdges(Float64Array.of(0, 0, 1, 9, 10), 2), 8) // 1
 */
export function fitKMeansEdges(values: Float64Array, nBins: number): Float64Array {
  if (!Number.isInteger(nBins) || nBins < 1)
    throw new Error(`fitKMeansEdges: nBins must be a positive integer, got ${nBins}`);
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  if (sorted.length === 0) return new Float64Array(0);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error('fitKMeansEdges: values must be finite');
  if (lo === hi || nBins === 1) return new Float64Array(0);

  // Distinct values with multiplicities: Lloyd steps then cost O(distinct × log nBins).
  const uniq: number[] = [];
  const count: number[] = [];
  for (const v of sorted) {
    if (uniq.length > 0 && uniq[uniq.length - 1] === v) count[count.length - 1]++;
    else {
      uniq.push(v);
      count.push(1);
    }
  }
  const centres = new Float64Array(nBins);
  const width = (hi - lo) / nBins;
  for (let b = 0; b < nBins; b++) centres[b] = lo + width * (b + 0.5);
  const sum = new Float64Array(nBins);
  const weight = new Float64Array(nBins);
  const tol = 1e-4 * variance(uniq, count);
  for (let iter = 0; iter < 300; iter++) {
    sum.fill(0);
    weight.fill(0);
    let b = 0;
    for (let u = 0; u < uniq.length; u++) {
      const v = uniq[u];
      while (b + 1 < nBins && Math.abs(v - centres[b + 1]) < Math.abs(v - centres[b])) b++;
      sum[b] += v * count[u];
      weight[b] += count[u];
    }
    let shift = 0;
    for (let c = 0; c < nBins; c++) {
      if (weight[c] === 0) continue;
      const next = sum[c] / weight[c];
      shift += (next - centres[c]) ** 2;
      centres[c] = next;
    }
    centres.sort();
    if (shift <= tol) break;
  }
  const edges: number[] = [];
  let last = lo;
  for (let c = 0; c + 1 < nBins; c++) {
    const e = (centres[c] + centres[c + 1]) / 2;
    if (e - last > 1e-8 && hi - e > 1e-8) {
      edges.push(e);
      last = e;
    }
  }
  return Float64Array.from(edges);
}

/** Bin index of `v` given inner edges: the number of edges ≤ v (0 .. edges.length). */
export function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function variance(uniq: number[], count: number[]): number {
  let n = 0;
  let mean = 0;
  for (let u = 0; u < uniq.length; u++) {
    n += count[u];
    mean += uniq[u] * count[u];
  }
  mean /= n;
  let s = 0;
  for (let u = 0; u < uniq.length; u++) s += count[u] * (uniq[u] - mean) ** 2;
  return s / n;
}
