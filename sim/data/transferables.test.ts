import { describe, expect, it } from 'vitest';
import { transferables } from './transferables.ts';

describe('transferables', () => {
  it('finds each buffer once under objects, object arrays and Map values, and skips primitives', () => {
    const shared = new Float64Array(4);
    const inMap = new Int32Array(2);
    const raw = new ArrayBuffer(8);
    const value = {
      a: shared,
      b: shared.subarray(1),
      rows: [{ c: new Uint8Array(1) }, { c: shared }],
      columns: new Map([['x', { values: inMap }]]),
      raw,
      names: ['n1', 'n2'],
      n: 3,
      none: null,
    };
    const found = transferables(value);
    expect(found).toHaveLength(4);
    expect(new Set(found)).toEqual(new Set([shared.buffer, value.rows[0].c.buffer, inMap.buffer, raw]));
    expect(transferables(null)).toEqual([]);
    expect(transferables('text')).toEqual([]);
  });
});
