/**
 * The packed working state of a diligence round and its loss/gradient pass. Ratings are grouped by
 * rater; per-note and per-rater parameters and gradients are interleaved (one cache line per note).
 */
import type { MFProblem } from '../mf/types.ts';
import { fastExp } from '../fastExp.ts';
import { groupOrder } from '../groupOrder.ts';
import type { DiligenceParams } from './diligenceParams.ts';

/** L2 coefficients of the regulariser (already multiplied by l2) and its denominators. */
export interface DiligenceReg {
  noteFactor: number;
  noteIntercept: number;
  raterFactor: number;
  raterIntercept: number;
  reputation: number;
  global: number;
  noteDen: number;
  raterDen: number;
}

/** Interleaved layout: notes [factor, intercept], raters [factor, intercept, reputation]. */
export const NOTE_STRIDE = 2;
export const RATER_STRIDE = 3;

/** One round's packed state: build it from params, `evaluate` per epoch, `writeBack` at the end. */
export class DiligenceKernel {
  /** ratings grouped by rater: rater u owns ratings raterStart[u] .. raterStart[u + 1] - 1 */
  readonly raterStart: Int32Array;
  /** per rating: note * NOTE_STRIDE */
  readonly noteOffset: Int32Array;
  /** 2 per rating: w, w * target */
  readonly wt: Float64Array;
  readonly noteP: Float64Array;
  readonly raterP: Float64Array;
  readonly noteG: Float64Array;
  readonly raterG: Float64Array;
  mu: number;

  /** Pack `params` (float32 values, held exactly in float64) and the rating columns. */
  constructor(problem: MFProblem, params: DiligenceParams, weights: Float64Array) {
    const { note, rater, target, nNotes, nRaters } = problem;
    const R = note.length;
    // Grouped by rater (a counting sort), so a rater's parameters and gradient sums stay in registers
    // while its ratings stream past. Sums are order-independent up to rounding.
    const { start, slot } = groupOrder(rater, nRaters);
    this.raterStart = start;
    this.noteOffset = new Int32Array(R);
    this.wt = new Float64Array(2 * R);
    for (let r = 0; r < R; r++) {
      const k = slot[r];
      this.noteOffset[k] = note[r] * NOTE_STRIDE;
      this.wt[2 * k] = weights[r];
      this.wt[2 * k + 1] = weights[r] * target[r];
    }
    this.noteP = new Float64Array(NOTE_STRIDE * nNotes);
    this.raterP = new Float64Array(RATER_STRIDE * nRaters);
    this.noteG = new Float64Array(NOTE_STRIDE * nNotes);
    this.raterG = new Float64Array(RATER_STRIDE * nRaters);
    for (let n = 0; n < nNotes; n++) {
      this.noteP[NOTE_STRIDE * n] = params.noteFactor[n];
      this.noteP[NOTE_STRIDE * n + 1] = params.noteIntercept[n];
    }
    for (let u = 0; u < nRaters; u++) {
      this.raterP[RATER_STRIDE * u] = params.raterFactor[u];
      this.raterP[RATER_STRIDE * u + 1] = params.raterIntercept[u];
      this.raterP[RATER_STRIDE * u + 2] = params.raterReputation[u];
    }
    this.mu = params.globalIntercept;
  }

  /**
   * Fill noteG / raterG with the full gradient (data mean plus L2) and return it for mu, and the
   * regularised loss when `wantLoss` (else NaN).
   */
  evaluate(wantLoss: boolean, reg: DiligenceReg): { loss: number; gMu: number } {
    const { raterStart, noteOffset, wt, noteP, raterP, noteG, raterG, mu } = this;
    const R = noteOffset.length;
    const nRaters = raterStart.length - 1;
    noteG.fill(0);
    let gMu = 0;
    let dataLoss = 0;
    for (let u = 0, uo = 0; u < nRaters; u++, uo += RATER_STRIDE) {
      const fu = raterP[uo];
      const ru = raterP[uo + 2];
      const base = raterP[uo + 1] + mu;
      let gF = 0;
      let gB = 0;
      let gR = 0;
      const end = raterStart[u + 1];
      if (wantLoss) {
        // Loss epochs: one exp per rating serves both the sigmoid and the stable softplus.
        for (let k = raterStart[u]; k < end; k++) {
          const no = noteOffset[k];
          const fn = noteP[no];
          const bn = noteP[no + 1];
          const z = fn * fu + bn * ru + base;
          const w = wt[2 * k];
          const wTarget = wt[2 * k + 1];
          const e = fastExp(-Math.abs(z));
          const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
          dataLoss += w * (Math.max(z, 0) + Math.log1p(e)) - wTarget * z;
          const g = w * sig - wTarget;
          noteG[no] += g * fu;
          noteG[no + 1] += g * ru;
          gF += g * fn;
          gB += g;
          gR += g * bn;
        }
      } else {
        for (let k = raterStart[u]; k < end; k++) {
          const no = noteOffset[k];
          const fn = noteP[no];
          const bn = noteP[no + 1];
          const z = fn * fu + bn * ru + base;
          // Branch-free sigmoid (exp(-z) = Infinity gives 0).
          const g = wt[2 * k] / (1 + fastExp(-z)) - wt[2 * k + 1];
          noteG[no] += g * fu;
          noteG[no + 1] += g * ru;
          gF += g * fn;
          gB += g;
          gR += g * bn;
        }
      }
      raterG[uo] = gF;
      raterG[uo + 1] = gB;
      raterG[uo + 2] = gR;
      gMu += gB;
    }
    const invR = 1 / R;
    const nf = (2 * reg.noteFactor) / reg.noteDen;
    const nb = (2 * reg.noteIntercept) / reg.noteDen;
    for (let i = 0; i < noteG.length; i += NOTE_STRIDE) {
      noteG[i] = noteG[i] * invR + nf * noteP[i];
      noteG[i + 1] = noteG[i + 1] * invR + nb * noteP[i + 1];
    }
    const rf = (2 * reg.raterFactor) / reg.raterDen;
    const rb = (2 * reg.raterIntercept) / reg.raterDen;
    const rr = (2 * reg.reputation) / reg.raterDen;
    for (let i = 0; i < raterG.length; i += RATER_STRIDE) {
      raterG[i] = raterG[i] * invR + rf * raterP[i];
      raterG[i + 1] = raterG[i + 1] * invR + rb * raterP[i + 1];
      raterG[i + 2] = raterG[i + 2] * invR + rr * raterP[i + 2];
    }
    const loss = wantLoss ? dataLoss * invR + regularizerLoss(reg, noteP, raterP, mu) : NaN;
    return { loss, gMu: gMu * invR + 2 * reg.global * mu };
  }

  /** Copy the packed values back (each is a float32 value, so the copy is exact). */
  writeBack(params: DiligenceParams): void {
    for (let n = 0; n < params.noteFactor.length; n++) {
      params.noteFactor[n] = this.noteP[NOTE_STRIDE * n];
      params.noteIntercept[n] = this.noteP[NOTE_STRIDE * n + 1];
    }
    for (let u = 0; u < params.raterFactor.length; u++) {
      params.raterFactor[u] = this.raterP[RATER_STRIDE * u];
      params.raterIntercept[u] = this.raterP[RATER_STRIDE * u + 1];
      params.raterReputation[u] = this.raterP[RATER_STRIDE * u + 2];
    }
    params.globalIntercept = this.mu;
  }
}

/** The L2 part of the loss on packed note ([factor, intercept]) and rater ([factor, intercept, reputation]) values. */
export function regularizerLoss(reg: DiligenceReg, noteP: Float64Array, raterP: Float64Array, mu: number): number {
  let sNF = 0;
  let sNB = 0;
  for (let i = 0; i < noteP.length; i += NOTE_STRIDE) {
    sNF += noteP[i] * noteP[i];
    sNB += noteP[i + 1] * noteP[i + 1];
  }
  let sRF = 0;
  let sRB = 0;
  let sRR = 0;
  for (let i = 0; i < raterP.length; i += RATER_STRIDE) {
    sRF += raterP[i] * raterP[i];
    sRB += raterP[i + 1] * raterP[i + 1];
    sRR += raterP[i + 2] * raterP[i + 2];
  }
  return (
    reg.global * mu * mu +
    (reg.noteFactor * sNF + reg.noteIntercept * sNB) / reg.noteDen +
    (reg.raterFactor * sRF + reg.raterIntercept * sRB + reg.reputation * sRR) / reg.raterDen
  );
}

/** One parameter group inside an interleaved array, with its own Adam moments. */
export class AdamSlice {
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(
    private readonly param: Float64Array,
    private readonly grad: Float64Array,
    private readonly offset: number,
    private readonly stride: number,
  ) {
    const n = param.length / stride;
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }

  /** torch Adam step `step` (1-based); values are rounded to float32 like the reference's tensors. */
  step(step: number, lr: number, beta1: number, beta2: number, eps: number): void {
    const { param, grad, offset, stride, m, v } = this;
    const stepSize = lr / (1 - beta1 ** step);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
    for (let k = 0, i = offset; k < m.length; k++, i += stride) {
      const g = grad[i];
      m[k] = beta1 * m[k] + (1 - beta1) * g;
      v[k] = beta2 * v[k] + (1 - beta2) * g * g;
      param[i] = Math.fround(param[i] - (stepSize * m[k]) / (Math.sqrt(v[k]) / bc2Sqrt + eps));
    }
  }
}
