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

/** rank[k] = position of `ids[k]` in numeric order (equal ids share a rank). */
export function decimalIdRanks(ids: readonly string[]): Int32Array {
  const order = Int32Array.from(ids.keys()).sort((x, y) => compareDecimalIds(ids[x], ids[y]));
  const rank = new Int32Array(ids.length);
  let r = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && compareDecimalIds(ids[order[k - 1]], ids[order[k]]) !== 0) r++;
    rank[order[k]] = r;
  }
  return rank;
}
