import { describe, expect, it } from 'vitest';
import { fastExp } from './fastExp.ts';

describe('fastExp', () => {
  it('is within 4e-16 relative of Math.exp across the finite range', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i++) {
      const x = -707.9 + (i / 200_000) * 1416.6;
      worst = Math.max(worst, Math.abs(fastExp(x) - Math.exp(x)) / Math.exp(x));
    }
    expect(worst).toBeLessThan(4e-16);
    expect(fastExp(0)).toBe(1);
    expect(fastExp(1e-300)).toBe(1);
  });

  it('hands the edges to Math.exp', () => {
    expect(fastExp(-1000)).toBe(0);
    expect(fastExp(1000)).toBe(Infinity);
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(NaN)).toBeNaN();
  });
});
