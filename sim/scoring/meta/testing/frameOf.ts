import { Frame } from '../../frame.ts';

/**
 * Test support: a Frame from plain arrays (numbers -> numeric column, NaN/null allowed; strings/null -> string
 * column). All columns must have the same length; key = row index.
 */
export function frameOf(cols: Record<string, readonly (number | null)[] | readonly (string | null)[]>): Frame {
  const lengths = Object.values(cols).map((c) => c.length);
  const n = lengths.length ? lengths[0] : 0;
  if (lengths.some((l) => l !== n)) throw new Error('frameOf: columns differ in length');
  const frame = new Frame(Int32Array.from({ length: n }, (_, i) => i));
  for (const [name, values] of Object.entries(cols)) {
    const isNum = values.some((v) => typeof v === 'number');
    if (isNum)
      frame.set(
        name,
        Float64Array.from(values as (number | null)[], (v) => (v === null ? NaN : v)),
      );
    else frame.set(name, [...(values as (string | null)[])]);
  }
  return frame;
}
