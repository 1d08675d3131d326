/**
 * The distinct ArrayBuffers under `value` (typed arrays in nested objects, arrays and Map values), for a zero-copy
 * transfer to or from a worker.
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
      return;
    }
    if (v instanceof ArrayBuffer) {
      out.add(v);
      return;
    }
    if (Array.isArray(v)) {
      // Arrays of strings are common and long: only look inside when the first entry is an object.
      if (v.length > 0 && typeof v[0] === 'object') for (const x of v) visit(x);
      return;
    }
    if (v instanceof Map) {
      for (const x of v.values()) visit(x);
      return;
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(value);
  return [...out];
}
