/**
 * A stable counting sort by key (0 <= key < nKeys): key k owns slots start[k] .. start[k + 1] - 1 and item i goes
 * to slot[i]. The kernels lay ratings out grouped by note or rater with it.
 */
export function groupOrder(keys: Int32Array, nKeys: number): { start: Int32Array; slot: Int32Array } {
  const n = keys.length;
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < n; i++) start[keys[i] + 1]++;
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const next = start.slice(0, nKeys);
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) slot[i] = next[keys[i]]++;
  return { start, slot };
}
