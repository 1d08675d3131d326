/**
 * The typed-array MF model: parameters (float32 values), gradients and Adam moments (float64),
 * allocated once per fit; exposes loss/gradient, clipped Adam step and restart to the shared fit loop.
 */
import { adamStepInterleaved, clipCoefficient } from './adam.ts';
import type { LoopModel } from './fitLoop.ts';
import type { MFFitOptions, MFParams, MFProblem } from './types.ts';
import {
  buildCsr,
  passLogistic,
  passSquared,
  passSquaredWeighted,
  SIDE_STRIDE,
  type RatingCsr,
} from './typedKernels.ts';

/** One parameter side (notes, raters, or the global intercept as a side of one). */
export interface Side {
  n: number;
  /** [b, f, g_b, g_f] per entity (typedKernels layout) */
  slots: Float64Array;
  /** [m_b, m_f, v_b, v_f] per entity; empty when frozen */
  moments: Float64Array;
  trainable: boolean;
  /** multiplier of Σ(reg terms): 1/n (mean form) or ρ/R (sum form) */
  regScale: number;
  lambdaB: number;
  lambdaF: number;
  /** diamond lambda (notes only) */
  lambdaD: number;
}

/**
 * Loss, gradient and Adam for one fit. Inputs are assumed validated (see validateFit); `init` is copied.
 * Public so tests can check the gradient against finite differences.
 */
export class TypedMFModel implements LoopModel {
  readonly notes: Side;
  readonly raters: Side;
  /** the global intercept: slot 0 of a one-entity side (its factor slot stays 0) */
  readonly global: Side;
  /** unweighted mean data loss at the last `evaluate` (the reference's train error) */
  plainDataLoss = NaN;
  private t = 0;
  private readonly csr: RatingCsr;
  private readonly outer: Side;
  private readonly inner: Side;
  private readonly out = new Float64Array(3);
  private readonly r: number;

  constructor(
    problem: MFProblem,
    private readonly init: MFParams,
    private readonly options: MFFitOptions,
  ) {
    const { nNotes, nRaters } = problem;
    const lam = options.lambdas;
    this.r = problem.note.length;
    const scale = (ratio: number | undefined, n: number): number => (ratio === undefined ? 1 / n : ratio / this.r);
    this.notes = side(
      nNotes,
      !options.freezeNotes,
      scale(options.ratingPerNoteLossRatio, nNotes),
      lam.noteIntercept,
      lam.noteFactor,
      lam.diamond,
    );
    this.raters = side(
      nRaters,
      !options.freezeRaters,
      scale(options.ratingPerUserLossRatio, nRaters),
      lam.raterIntercept,
      lam.raterFactor,
      0,
    );
    this.global = side(1, !options.freezeGlobal, 1, lam.globalIntercept, 0, 0);
    this.loadInit();
    // Group by the side whose gradient we can keep in registers; scatter into the other (smaller, cache-friendly) one.
    let outerIsNotes: boolean;
    if (!this.raters.trainable) outerIsNotes = true;
    else if (!this.notes.trainable) outerIsNotes = false;
    else outerIsNotes = nNotes >= nRaters;
    this.outer = outerIsNotes ? this.notes : this.raters;
    this.inner = outerIsNotes ? this.raters : this.notes;
    this.csr = outerIsNotes
      ? buildCsr(problem.note, problem.rater, nNotes, problem.target, problem.weight)
      : buildCsr(problem.rater, problem.note, nRaters, problem.target, problem.weight);
  }

  evaluate(): number {
    const { options, r, out, csr, inner } = this;
    const scatter = inner.trainable;
    const globalSlots = this.global.slots;
    const mu = options.useGlobalIntercept ? globalSlots[0] : 0;
    if (scatter) zeroGradients(inner);
    let gradFactor: number;
    if (options.loss === 'logistic') {
      passLogistic(csr, this.outer.slots, inner.slots, mu, options.posWeight ?? 1, scatter, out);
      gradFactor = 1 / r;
    } else {
      if (csr.weight === null) passSquared(csr, this.outer.slots, inner.slots, mu, scatter, out);
      else passSquaredWeighted(csr, this.outer.slots, inner.slots, mu, scatter, out);
      gradFactor = 2 / r;
    }
    this.plainDataLoss = out[1] / r;
    let loss = out[0] / r;
    loss += regularize(this.notes, gradFactor);
    loss += regularize(this.raters, gradFactor);
    const lamG = this.global.lambdaB;
    loss += lamG * globalSlots[0] * globalSlots[0];
    globalSlots[2] = (options.useGlobalIntercept ? gradFactor * out[2] : 0) + 2 * lamG * globalSlots[0];
    return loss;
  }

  step(): void {
    const sides = [this.notes, this.raters, this.global];
    let sq = 0;
    for (const s of sides) if (s.trainable) sq += gradientSquares(s);
    const coef = clipCoefficient(Math.sqrt(sq), this.options.clipNorm);
    const t = ++this.t;
    for (const s of sides)
      if (s.trainable) adamStepInterleaved(s.slots, s.moments, s.n, t, this.options.learningRate, coef);
  }

  restart(): void {
    this.loadInit();
    for (const s of [this.notes, this.raters, this.global]) s.moments.fill(0);
    this.t = 0;
  }

  /** A copy of the current parameters. */
  params(): MFParams {
    const read = (s: Side, slot: number): Float32Array => {
      const a = new Float32Array(s.n);
      for (let i = 0; i < s.n; i++) a[i] = s.slots[i * SIDE_STRIDE + slot];
      return a;
    };
    return {
      noteIntercept: read(this.notes, 0),
      noteFactor: read(this.notes, 1),
      raterIntercept: read(this.raters, 0),
      raterFactor: read(this.raters, 1),
      globalIntercept: this.global.slots[0],
    };
  }

  private loadInit(): void {
    const write = (s: Side, b: Float32Array, f: Float32Array): void => {
      s.slots.fill(0);
      for (let i = 0; i < s.n; i++) {
        s.slots[i * SIDE_STRIDE] = b[i];
        s.slots[i * SIDE_STRIDE + 1] = f[i];
      }
    };
    write(this.notes, this.init.noteIntercept, this.init.noteFactor);
    write(this.raters, this.init.raterIntercept, this.init.raterFactor);
    this.global.slots.fill(0);
    this.global.slots[0] = Math.fround(this.init.globalIntercept);
  }
}

function side(
  n: number,
  trainable: boolean,
  regScale: number,
  lambdaB: number,
  lambdaF: number,
  lambdaD: number,
): Side {
  // Frozen sides never need moment storage.
  return {
    n,
    slots: new Float64Array(n * SIDE_STRIDE),
    moments: new Float64Array(trainable ? n * 4 : 0),
    trainable,
    regScale,
    lambdaB,
    lambdaF,
    lambdaD,
  };
}

function zeroGradients(s: Side): void {
  const slots = s.slots;
  for (let at = 0; at < slots.length; at += SIDE_STRIDE) {
    slots[at + 2] = 0;
    slots[at + 3] = 0;
  }
}

/**
 * Adds the regularisation gradient to the scaled data gradient of a trainable side and returns its
 * regularisation loss: scale · Σ(λ_f f² + λ_b b² + λ_d |f b|); d|x|/dx uses sign(0) = 0 like torch.
 */
function regularize(s: Side, gradFactor: number): number {
  const { slots, regScale, lambdaB, lambdaF, lambdaD, trainable } = s;
  let sumF = 0;
  let sumB = 0;
  let sumD = 0;
  const twoF = 2 * lambdaF * regScale;
  const twoB = 2 * lambdaB * regScale;
  const d = lambdaD * regScale;
  for (let at = 0; at < slots.length; at += SIDE_STRIDE) {
    const b = slots[at];
    const f = slots[at + 1];
    sumF += f * f;
    sumB += b * b;
    let db = twoB * b;
    let df = twoF * f;
    if (lambdaD !== 0) {
      const prod = f * b;
      sumD += Math.abs(prod);
      const sign = prod > 0 ? 1 : prod < 0 ? -1 : 0;
      db += d * sign * f;
      df += d * sign * b;
    }
    if (trainable) {
      slots[at + 2] = gradFactor * slots[at + 2] + db;
      slots[at + 3] = gradFactor * slots[at + 3] + df;
    }
  }
  return regScale * (lambdaF * sumF + lambdaB * sumB + lambdaD * sumD);
}

function gradientSquares(s: Side): number {
  const slots = s.slots;
  let sq = 0;
  for (let at = 0; at < slots.length; at += SIDE_STRIDE)
    sq += slots[at + 2] * slots[at + 2] + slots[at + 3] * slots[at + 3];
  return sq;
}
