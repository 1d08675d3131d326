/**
 * Seeded synthetic MF problems with known parameters, for engine tests and benchmarks.
 */
import { randomNormal, type RandomSource } from '../../random/random.ts';
import type { MFParams, MFProblem } from './types.ts';

export interface SyntheticSpec {
  nNotes: number;
  nRaters: number;
  nRatings: number;
  /** sd of Gaussian noise added to each target (default 0.1) */
  noise?: number;
  /** round targets to {0, 0.5, 1} like helpfulNum (default false: continuous targets) */
  quantize?: boolean;
  /** 0/1 labels drawn from sigmoid(pred) (logistic fixtures); overrides noise and quantize */
  binary?: boolean;
}

/**
 * Draws true parameters (mu 0.2, intercepts N(0, 0.15), factors ±0.6 + N(0, 0.1): two camps) and
 * `nRatings` ratings; every note and rater gets at least one rating, the rest are uniform at random.
 * Returns the problem and the truth.
 */
export function syntheticProblem(spec: SyntheticSpec, random: RandomSource): { problem: MFProblem; truth: MFParams } {
  const { nNotes, nRaters, nRatings } = spec;
  if (nRatings < Math.max(nNotes, nRaters))
    throw new Error('syntheticProblem: nRatings must be >= max(nNotes, nRaters)');
  const noise = spec.noise ?? 0.1;
  const camp = (): number => (random() < 0.5 ? -0.6 : 0.6) + randomNormal(random, 0, 0.1);
  const truth: MFParams = {
    noteIntercept: Float32Array.from({ length: nNotes }, () => randomNormal(random, 0, 0.15)),
    noteFactor: Float32Array.from({ length: nNotes }, camp),
    raterIntercept: Float32Array.from({ length: nRaters }, () => randomNormal(random, 0, 0.15)),
    raterFactor: Float32Array.from({ length: nRaters }, camp),
    globalIntercept: 0.2,
  };
  const note = new Int32Array(nRatings);
  const rater = new Int32Array(nRatings);
  const target = new Float32Array(nRatings);
  for (let k = 0; k < nRatings; k++) {
    const n = k < nNotes ? k : Math.floor(random() * nNotes);
    const u = k < nRaters ? k : Math.floor(random() * nRaters);
    note[k] = n;
    rater[k] = u;
    const pred =
      truth.globalIntercept +
      truth.noteIntercept[n] +
      truth.raterIntercept[u] +
      truth.noteFactor[n] * truth.raterFactor[u];
    if (spec.binary) {
      target[k] = random() < 1 / (1 + Math.exp(-4 * (pred - 0.3))) ? 1 : 0;
    } else {
      const y = pred + randomNormal(random, 0, noise);
      target[k] = spec.quantize ? (y < 0.25 ? 0 : y < 0.75 ? 0.5 : 1) : y;
    }
  }
  return { problem: { nNotes, nRaters, note, rater, target }, truth };
}
