/** Typed arrays the table readers grow while reading. */
export type GrowableArray = Int32Array | Uint32Array | Float64Array | Uint8Array;

/**
 * `a` itself when it holds at least `length` elements, else a copy with capacity doubled (at least
 * `length`), same type. Unused tail elements are 0; pass `fill` to initialise them otherwise.
 */
export function ensureLength<T extends GrowableArray>(a: T, length: number, fill = 0): T {
  if (length <= a.length) return a;
  let capacity = Math.max(1024, a.length * 2);
  while (capacity < length) capacity *= 2;
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a as never);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** The first `length` elements of `a` in an array of exactly that size (no copy when already exact). */
export function trimmed<T extends GrowableArray>(a: T, length: number): T {
  return a.length === length ? a : (a.slice(0, length) as T);
}
