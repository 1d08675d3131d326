import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { copyParams, flipSigns, warmStart, xavierFactors, zeroParams } from './init.ts';

describe('xavierFactors (§6.3)', () => {
  it('draws U(−a, a) with a = sqrt(6 / (n + 1)), deterministically per seed', () => {
    const n = 5000;
    const a = Math.sqrt(6 / (n + 1));
    const f = xavierFactors(n, randomSeeded(7));
    expect(f).toBeInstanceOf(Float32Array);
    expect(f.length).toBe(n);
    let max = 0;
    let sum = 0;
    let sq = 0;
    for (const x of f) {
      max = Math.max(max, Math.abs(x));
      sum += x;
      sq += x * x;
    }
    expect(max).toBeLessThanOrEqual(a);
    expect(max).toBeGreaterThan(0.99 * a);
    expect(Math.abs(sum / n)).toBeLessThan(0.05 * a);
    // variance of U(−a, a) is a²/3
    expect(sq / n).toBeCloseTo((a * a) / 3, 3);
    expect(xavierFactors(n, randomSeeded(7))).toEqual(f);
  });

  it('rejects a bad count', () => {
    expect(() => xavierFactors(-1, randomSeeded(1))).toThrow(/non-negative integer/);
    expect(() => zeroParams(1.5, 2)).toThrow(/nNotes/);
  });
});

describe('flipSigns (§6.5)', () => {
  it('flips note and rater factors when fewer than half of the non-zero rater factors are negative', () => {
    const p = zeroParams(2, 4);
    p.raterFactor.set([0.5, 0.2, -0.1, 0]);
    p.noteFactor.set([0.3, -0.4]);
    p.raterIntercept.set([1, 1, 1, 1]);
    expect(flipSigns(p)).toBe(true);
    expect(Array.from(p.raterFactor)).toEqual([-0.5, -0.2, 0.1, 0].map(Math.fround));
    expect(Array.from(p.noteFactor)).toEqual([-0.3, 0.4].map(Math.fround));
    expect(Object.is(p.raterFactor[3], 0)).toBe(true);
    expect(Array.from(p.raterIntercept)).toEqual([1, 1, 1, 1]);
  });

  it('leaves factors alone when at least half are negative (ties included)', () => {
    const p = zeroParams(1, 4);
    p.raterFactor.set([0.5, -0.2, NaN, 0]);
    p.noteFactor.set([0.3]);
    expect(flipSigns(p)).toBe(false);
    expect(p.noteFactor[0]).toBeCloseTo(0.3, 6);
  });

  it('does nothing when every rater factor is zero', () => {
    const p = zeroParams(1, 3);
    p.noteFactor[0] = 1;
    expect(flipSigns(p)).toBe(false);
    expect(p.noteFactor[0]).toBe(1);
  });
});

describe('warmStart (§6.3)', () => {
  const noteGlobal = Int32Array.from([10, 3, 7]);
  const raterGlobal = Int32Array.from([0, 2]);

  it('joins supplied tables on global id; missing ids and NaN get intercept 0 and factor 0', () => {
    const notes = { intercept: new Float64Array(11).fill(NaN), factor: new Float64Array(11).fill(NaN) };
    notes.intercept[10] = 0.4;
    notes.factor[10] = -0.7;
    notes.intercept[7] = 0.1; // factor NaN
    const raters = { intercept: [0.2], factor: [0.9] }; // id 2 is beyond the table
    const p = warmStart({ noteGlobal, raterGlobal, notes, raters, globalIntercept: 0.15 });
    expect(Array.from(p.noteIntercept)).toEqual([0.4, 0, 0.1].map(Math.fround));
    expect(Array.from(p.noteFactor)).toEqual([-0.7, 0, 0].map(Math.fround));
    expect(Array.from(p.raterIntercept)).toEqual([0.2, 0].map(Math.fround));
    expect(Array.from(p.raterFactor)).toEqual([0.9, 0].map(Math.fround));
    expect(p.globalIntercept).toBe(0.15);
  });

  it('gives a group without a table Xavier factors and zero intercepts', () => {
    const raters = { intercept: [0.2, 0, 0.3], factor: [0.9, 0, -0.3] };
    const p = warmStart({ noteGlobal, raterGlobal, raters, random: randomSeeded(3) });
    expect(Array.from(p.noteIntercept)).toEqual([0, 0, 0]);
    expect(Array.from(p.noteFactor)).toEqual(Array.from(xavierFactors(3, randomSeeded(3))));
    expect(Array.from(p.raterFactor)).toEqual([0.9, -0.3].map(Math.fround));
    expect(p.globalIntercept).toBe(0);
  });

  it('draws rater factors before note factors on a cold start', () => {
    const random = randomSeeded(5);
    const raterFactor = xavierFactors(2, random);
    const noteFactor = xavierFactors(3, random);
    const p = warmStart({ noteGlobal, raterGlobal, random: randomSeeded(5) });
    expect(p.raterFactor).toEqual(raterFactor);
    expect(p.noteFactor).toEqual(noteFactor);
  });

  it('explains bad input', () => {
    expect(() => warmStart({ noteGlobal, raterGlobal })).toThrow(/random source is required/);
    const bad = { intercept: [1, 2], factor: [1] };
    expect(() => warmStart({ noteGlobal, raterGlobal, notes: bad, raters: bad })).toThrow(/2 intercepts but 1 factors/);
    const inf = { intercept: [Infinity], factor: [0] };
    expect(() => warmStart({ noteGlobal, raterGlobal, raters: inf, random: randomSeeded(1) })).toThrow(/infinite/);
  });

  it('copyParams makes independent arrays', () => {
    const p = warmStart({ noteGlobal, raterGlobal, random: randomSeeded(1) });
    const q = copyParams(p);
    q.noteFactor[0] = 42;
    expect(p.noteFactor[0]).not.toBe(42);
  });
});
