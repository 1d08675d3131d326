import { randomNormal, type RandomSource } from '../random/random.ts';

/** Logistic function 1 / (1 + e^-x). */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** `x` limited to [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** Exponential draw with the given mean. */
export function randomExponential(random: RandomSource, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** Log-normal draw exp(N(mu, sigma)). */
export function randomLogNormal(random: RandomSource, mu: number, sigma: number): number {
  return Math.exp(randomNormal(random, mu, sigma));
}

/** Integer in [0, n). */
export function randomInt(random: RandomSource, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** Poisson draw (Knuth for small means, rounded normal approximation above 30). */
export function randomPoisson(random: RandomSource, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(randomNormal(random, mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Fisher–Yates shuffle of `a` in place; returns `a`. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(random: RandomSource, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/**
 * Walker's alias table over non-negative weights: O(n) to build, O(1) per draw (two uniforms).
 * Throws when no weight is positive or a weight is not finite.
 *
 * @example const pick = aliasSampler([1, 3]); pick(random); // 1 three times out of four
 */
export function aliasSampler(weights: ArrayLike<number>): (random: RandomSource) => number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0 && Number.isFinite(w)))
      throw new Error(`aliasSampler: weight ${i} is ${w}; weights must be finite and >= 0`);
    total += w;
  }
  if (!(total > 0)) throw new Error('aliasSampler: every weight is 0');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i] * n) / total;
    (prob[i] < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    alias[s] = l;
    prob[l] = prob[l] + prob[s] - 1;
    (prob[l] < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return (random) => {
    const i = randomInt(random, n);
    return random() < prob[i] ? i : alias[i];
  };
}

/**
 * Index drawn with probability proportional to `cumulative[i] - cumulative[i-1]` from a running-sum array of
 * length `n` (binary search). Returns -1 when the total is 0.
 */
export function drawCumulative(random: RandomSource, cumulative: Float64Array, n: number): number {
  if (n === 0 || !(cumulative[n - 1] > 0)) return -1;
  const x = random() * cumulative[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Uppercase hexadecimal string of `digits` random digits (participant ids look like the public hashes). */
export function randomHex(random: RandomSource, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += '0123456789ABCDEF'[randomInt(random, 16)];
  return s;
}
