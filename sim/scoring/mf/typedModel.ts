/**
 * The typed-array MF model: parameters (float32), gradients and Adam moments (float64), allocated once
 * per fit; exposes loss/gradient, clipped Adam step and restart to the shared fit loop.
 */
import { adamStep, clipCoefficient } from './adam.ts';
import type { LoopModel } from './fitLoop.ts';
import { copyParams } from './init.ts';
import type { MFFitOptions, MFParams, MFProblem } from './types.ts';
import { buildCsr, passLogistic, passSquared, passSquaredWeighted, type PassBuffers, type RatingCsr } from './typedKernels.ts';

/** One parameter side (notes or raters) with its gradient and Adam state. */
interface Side {
  b: Float32Array;
  f: Float32Array;
  gb: Float64Array;
  gf: Float64Array;
  mb: Float64Array;
  mf: Float64Array;
  vb: Float64Array;
  vf: Float64Array;
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
  /** global intercept as a 1-element float32 group */
  readonly mu = new Float32Array(1);
  /** gradient of the loss w.r.t. mu after `evaluate` (1 element) */
  readonly muGrad = new Float64Array(1);
  /** unweighted mean data loss at the last `evaluate` (the reference's train error) */
  plainDataLoss = NaN;
  private readonly muM = new Float64Array(1);
  private readonly muV = new Float64Array(1);
  private t = 0;
  private readonly csr: RatingCsr;
  private readonly buffers: PassBuffers;
  private readonly scatterInner: boolean;
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
    this.notes = side(nNotes, !options.freezeNotes, scale(options.ratingPerNoteLossRatio, nNotes), lam.noteIntercept, lam.noteFactor, lam.diamond);
    this.raters = side(nRaters, !options.freezeRaters, scale(options.ratingPerUserLossRatio, nRaters), lam.raterIntercept, lam.raterFactor, 0);
    this.loadInit();
    // Group by the side whose gradient we can keep in registers; scatter into the other (smaller, cache-friendly) one.
    let outerIsNotes: boolean;
    if (!this.raters.trainable) outerIsNotes = true;
    else if (!this.notes.trainable) outerIsNotes = false;
    else outerIsNotes = nNotes >= nRaters;
    const outer = outerIsNotes ? this.notes : this.raters;
    const inner = outerIsNotes ? this.raters : this.notes;
    this.scatterInner = inner.trainable;
    this.csr = outerIsNotes
      ? buildCsr(problem.note, problem.rater, nNotes, problem.target, problem.weight)
      : buildCsr(problem.rater, problem.note, nRaters, problem.target, problem.weight);
    this.buffers = { oB: outer.b, oF: outer.f, iB: inner.b, iF: inner.f, gOB: outer.gb, gOF: outer.gf, gIB: inner.gb, gIF: inner.gf };
  }

  evaluate(): number {
    const { options, r, out } = this;
    const mu = options.useGlobalIntercept ? this.mu[0] : 0;
    if (this.scatterInner) {
      this.buffers.gIB.fill(0);
      this.buffers.gIF.fill(0);
    }
    let gradFactor: number;
    if (options.loss === 'logistic') {
      passLogistic(this.csr, this.buffers, mu, options.posWeight ?? 1, this.scatterInner, out);
      gradFactor = 1 / r;
    } else {
      if (this.csr.weight === null) passSquared(this.csr, this.buffers, mu, this.scatterInner, out);
      else passSquaredWeighted(this.csr, this.buffers, mu, this.scatterInner, out);
      gradFactor = 2 / r;
    }
    this.plainDataLoss = out[1] / r;
    let loss = out[0] / r;
    loss += regularize(this.notes, gradFactor);
    loss += regularize(this.raters, gradFactor);
    const mu0 = this.mu[0];
    const lamG = options.lambdas.globalIntercept;
    loss += lamG * mu0 * mu0;
    this.muGrad[0] = (options.useGlobalIntercept ? gradFactor * out[2] : 0) + 2 * lamG * mu0;
    return loss;
  }

  step(): void {
    const globalTrainable = !this.options.freezeGlobal;
    let sq = 0;
    for (const s of [this.notes, this.raters]) if (s.trainable) sq += sumSquares(s.gb) + sumSquares(s.gf);
    if (globalTrainable) sq += this.muGrad[0] * this.muGrad[0];
    const coef = clipCoefficient(Math.sqrt(sq), this.options.clipNorm);
    const t = ++this.t;
    const lr = this.options.learningRate;
    for (const s of [this.notes, this.raters]) {
      if (!s.trainable) continue;
      adamStep(s.b, s.gb, s.mb, s.vb, t, lr, coef);
      adamStep(s.f, s.gf, s.mf, s.vf, t, lr, coef);
    }
    if (globalTrainable) adamStep(this.mu, this.muGrad, this.muM, this.muV, t, lr, coef);
  }

  restart(): void {
    this.loadInit();
    for (const s of [this.notes, this.raters]) {
      s.mb.fill(0);
      s.mf.fill(0);
      s.vb.fill(0);
      s.vf.fill(0);
    }
    this.muM[0] = 0;
    this.muV[0] = 0;
    this.t = 0;
  }

  /** A copy of the current parameters. */
  params(): MFParams {
    return copyParams({
      noteIntercept: this.notes.b,
      noteFactor: this.notes.f,
      raterIntercept: this.raters.b,
      raterFactor: this.raters.f,
      globalIntercept: this.mu[0],
    });
  }

  private loadInit(): void {
    this.notes.b.set(this.init.noteIntercept);
    this.notes.f.set(this.init.noteFactor);
    this.raters.b.set(this.init.raterIntercept);
    this.raters.f.set(this.init.raterFactor);
    this.mu[0] = this.init.globalIntercept;
  }
}

function side(n: number, trainable: boolean, regScale: number, lambdaB: number, lambdaF: number, lambdaD: number): Side {
  // Frozen sides never need gradient or moment storage.
  const m = trainable ? n : 0;
  return {
    b: new Float32Array(n),
    f: new Float32Array(n),
    gb: new Float64Array(n),
    gf: new Float64Array(n),
    mb: new Float64Array(m),
    mf: new Float64Array(m),
    vb: new Float64Array(m),
    vf: new Float64Array(m),
    trainable,
    regScale,
    lambdaB,
    lambdaF,
    lambdaD,
  };
}

/**
 * Adds the regularisation gradient to the scaled data gradient of a trainable side and returns its
 * regularisation loss: scale · Σ(λ_f f² + λ_b b² + λ_d |f b|); d|x|/dx uses sign(0) = 0 like torch.
 */
function regularize(s: Side, gradFactor: number): number {
  const { b, f, gb, gf, regScale, lambdaB, lambdaF, lambdaD } = s;
  const n = b.length;
  let sumF = 0;
  let sumB = 0;
  let sumD = 0;
  const twoF = 2 * lambdaF * regScale;
  const twoB = 2 * lambdaB * regScale;
  const d = lambdaD * regScale;
  for (let i = 0; i < n; i++) {
    const bi = b[i];
    const fi = f[i];
    sumF += fi * fi;
    sumB += bi * bi;
    if (lambdaD !== 0) {
      const prod = fi * bi;
      sumD += Math.abs(prod);
      if (s.trainable) {
        const sign = prod > 0 ? 1 : prod < 0 ? -1 : 0;
        gf[i] = gradFactor * gf[i] + twoF * fi + d * sign * bi;
        gb[i] = gradFactor * gb[i] + twoB * bi + d * sign * fi;
      }
    } else if (s.trainable) {
      gf[i] = gradFactor * gf[i] + twoF * fi;
      gb[i] = gradFactor * gb[i] + twoB * bi;
    }
  }
  return regScale * (lambdaF * sumF + lambdaB * sumB + lambdaD * sumD);
}

function sumSquares(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}
