import { describe, expect, it } from 'vitest';
import { KernelRows } from './kernelRows.ts';

describe('KernelRows', () => {
  const grid = Float64Array.from([-0.5, 0, 0.5]);
  const direct = (x: number, h: number): number[] =>
    Array.from(grid, (q) => Math.fround(Math.exp(-0.5 * ((x - q) / h) ** 2) / (h * Math.sqrt(2 * Math.PI))));

  it('returns float32 kernel rows and sums, identical after the cache is emptied', () => {
    const rows = new KernelRows(grid, 0.2, 2);
    for (const x of [0.1, -0.3, 0.1, 0.7, 0.1, -0.3, 5]) {
      const off = rows.rowOf(x);
      const expected = direct(x, 0.2);
      expect(Array.from(rows.values.subarray(off, off + 3))).toEqual(expected);
      expect(rows.sums[off / 3]).toBe(expected[0] + expected[1] + expected[2]);
    }
  });

  it('underflows to 0 like float32 far from the grid', () => {
    const rows = new KernelRows(grid, 0.05, 4);
    const off = rows.rowOf(3);
    expect(rows.sums[off / 3]).toBe(0);
  });
});

describe('KernelRows growth', () => {
  it('keeps rows valid while growing past its initial size', () => {
    const grid = Float64Array.from([-0.5, 0, 0.5]);
    const rows = new KernelRows(grid, 0.1, 5000);
    const xs = Array.from({ length: 3000 }, (_, i) => -1 + i / 1500);
    const rowAt = (x: number): number[] => {
      const off = rows.rowOf(x);
      return Array.from(rows.values.subarray(off, off + 3));
    };
    const first = xs.map(rowAt);
    xs.forEach((x, i) => {
      const off = rows.rowOf(x);
      expect(Array.from(rows.values.subarray(off, off + 3))).toEqual(first[i]);
    });
  });
});
