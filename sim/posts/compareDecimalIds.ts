/**
 * Numeric order of two canonical decimal ids (TsvRow.id text: optional "-", no leading zeros), exact past 2^53.
 *
 * @example ['10', '9', '-3'].sort(compareDecimalIds) // ['-3', '9', '10']
 */
export function compareDecimalIds(a: string, b: string): number {
  const negA = a.charCodeAt(0) === 45;
  const negB = b.charCodeAt(0) === 45;
  if (negA !== negB) return negA ? -1 : 1;
  const mag = a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return negA ? -mag : mag;
}

/**
 * rank[k] = position of `ids[k]` among the distinct values of `ids` in numeric order (equal values share a rank).
 * Signed 64-bit decimal ids (what the readers accept) are ranked through a native BigInt64Array sort; anything
 * else falls back to sorting with compareDecimalIds.
 */
export function decimalIdRanks(ids: readonly string[]): Int32Array {
  const n = ids.length;
  const values = new BigInt64Array(n);
  try {
    for (let k = 0; k < n; k++) {
      const v = BigInt(ids[k]);
      values[k] = v;
      if (values[k] !== v) throw new RangeError('outside signed 64 bits');
    }
  } catch {
    return ranksByComparator(ids);
  }
  const sorted = values.slice().sort();
  let m = 0;
  for (let k = 0; k < n; k++) if (m === 0 || sorted[k] !== sorted[m - 1]) sorted[m++] = sorted[k];
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[k];
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    rank[k] = lo;
  }
  return rank;
}

function ranksByComparator(ids: readonly string[]): Int32Array {
  const order = Int32Array.from(ids.keys()).sort((x, y) => compareDecimalIds(ids[x], ids[y]));
  const rank = new Int32Array(ids.length);
  let r = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && compareDecimalIds(ids[order[k - 1]], ids[order[k]]) !== 0) r++;
    rank[order[k]] = r;
  }
  return rank;
}
