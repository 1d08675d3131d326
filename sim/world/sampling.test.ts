import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../random/random.ts';
import { aliasSampler, drawCumulative, randomPoisson, shuffleInPlace } from './sampling.ts';

describe('samplers', () => {
  it('aliasSampler draws in proportion to the weights', () => {
    const random = randomSeeded(1);
    const pick = aliasSampler([1, 0, 3, 6]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[pick(random)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 1e5).toBeCloseTo(0.1, 2);
    expect(counts[2] / 1e5).toBeCloseTo(0.3, 2);
    expect(counts[3] / 1e5).toBeCloseTo(0.6, 2);
  });

  it('aliasSampler rejects bad weights', () => {
    expect(() => aliasSampler([0, 0])).toThrow(/every weight is 0/);
    expect(() => aliasSampler([1, NaN])).toThrow(/weight 1 is NaN/);
  });

  it('drawCumulative follows the increments and returns -1 when empty', () => {
    const random = randomSeeded(2);
    const cum = Float64Array.from([1, 1, 4]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[drawCumulative(random, cum, 3)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / 40_000).toBeCloseTo(0.75, 2);
    expect(drawCumulative(random, new Float64Array(0), 0)).toBe(-1);
  });

  it('randomPoisson has the right mean on both branches', () => {
    const random = randomSeeded(3);
    for (const mean of [0.5, 4, 80]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += randomPoisson(random, mean);
      expect(sum / 20_000 / mean).toBeCloseTo(1, 1);
    }
  });

  it('shuffleInPlace permutes', () => {
    const a = shuffleInPlace(randomSeeded(4), [1, 2, 3, 4, 5]);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
