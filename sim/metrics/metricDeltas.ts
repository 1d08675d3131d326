/**
 * Field-by-field difference `b − a` of two metric records of the same shape: numbers subtract (NaN when either is
 * NaN), nested records recurse, keys present in only one side count as 0 on the other; non-numbers are dropped.
 *
 * @example metricDeltas({ x: 1, y: { z: 2 } }, { x: 3, y: { z: 1 } }); // { x: 2, y: { z: -1 } }
 */
export function metricDeltas<T extends object>(a: T, b: T): MetricDeltas<T>;
export function metricDeltas(a: unknown, b: unknown): unknown;
export function metricDeltas(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = typeof a === 'number' ? a : 0;
    const y = typeof b === 'number' ? b : 0;
    return y - x;
  }
  const ra = isRecord(a) ? a : {};
  const rb = isRecord(b) ? b : {};
  const out: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
  for (const k of keys) {
    const d = metricDeltas(ra[k], rb[k]);
    if (typeof d === 'number' || (isRecord(d) && Object.keys(d).length > 0)) out[k] = d;
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

type Delta<V> = V extends number
  ? number
  : V extends readonly unknown[]
    ? never
    : V extends object
      ? MetricDeltas<V>
      : never;
type ByName<V> = V extends object ? (string extends keyof V ? true : false) : false;

/**
 * What `metricDeltas` returns for two records of type T: every number field, recursively; records keyed by name
 * (an index signature, e.g. counts per rule) are absent when no name occurred on either side; non-numbers are gone.
 */
export type MetricDeltas<T> = {
  [K in keyof T as [Delta<T[K]>] extends [never] ? never : ByName<T[K]> extends true ? never : K]: Delta<T[K]>;
} & {
  [K in keyof T as [Delta<T[K]>] extends [never] ? never : ByName<T[K]> extends true ? K : never]?: Delta<T[K]>;
};
