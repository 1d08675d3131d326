/**
 * Gaussian kernel rows over a grid, k_j(x) = exp(-0.5 · ((x - q_j) / h)²) / (h · √(2π)), rounded to
 * float32 as in the reference, cached per distinct x. Rater factors repeat across a rater's ratings,
 * so most rows are looked up rather than recomputed. Storage grows by doubling up to `maxRows`
 * rows; when that is full the cache is emptied, which bounds memory at maxRows · K floats.
 */
export class KernelRows {
  /** row values, `K` per row; a row starts at the offset returned by `rowOf` (re-read after each call: it grows) */
  values: Float32Array;
  /** sum of each row's K values, indexed by offset / K */
  sums: Float64Array;
  private readonly slotOf = new Map<number, number>();
  private used = 0;
  private readonly K: number;
  private readonly scale: number;
  private readonly normConst: number;

  constructor(
    private readonly grid: Float64Array,
    bandwidth: number,
    private readonly maxRows: number,
  ) {
    this.K = grid.length;
    const initial = Math.min(maxRows, 1024);
    this.values = new Float32Array(initial * this.K);
    this.sums = new Float64Array(initial);
    this.scale = 1 / bandwidth;
    this.normConst = 1 / (bandwidth * Math.sqrt(2 * Math.PI));
  }

  /** Offset of x's row in `values` (its sum is `sums[offset / K]`); valid until the next call. */
  rowOf(x: number): number {
    const slot = this.slotOf.get(x);
    if (slot !== undefined) return slot * this.K;
    if (this.used === this.sums.length) {
      if (this.used < this.maxRows) {
        const rows = Math.min(this.maxRows, 2 * this.used);
        const values = new Float32Array(rows * this.K);
        values.set(this.values);
        const sums = new Float64Array(rows);
        sums.set(this.sums);
        this.values = values;
        this.sums = sums;
      } else {
        this.slotOf.clear();
        this.used = 0;
      }
    }
    const s = this.used++;
    this.slotOf.set(x, s);
    const { K, grid, scale, normConst, values } = this;
    const base = s * K;
    let sum = 0;
    for (let j = 0; j < K; j++) {
      const d = (x - grid[j]) * scale;
      const k = Math.fround(normConst * Math.exp(-0.5 * d * d));
      values[base + j] = k;
      sum += k;
    }
    this.sums[s] = sum;
    return base;
  }
}
