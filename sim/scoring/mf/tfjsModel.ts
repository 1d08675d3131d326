/**
 * The MF model in TensorFlow.js tensors (float32 on whatever backend is active): the same loss,
 * hand-written gradient, clipping and Adam as the typed engine, so both follow one trajectory.
 * The gradient of the gathers is a weighted bincount per side (O(R)), never tf.gather's stock
 * gradient (O(R × N) on cpu, missing on wasm).
 */
import * as tf from '@tensorflow/tfjs-core';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPS, CLIP_EPS } from './adam.ts';
import type { LoopModel } from './fitLoop.ts';
import type { MFFitOptions, MFParams, MFProblem } from './types.ts';

/** One parameter vector with its gradient and Adam moments (all float32 tensors). */
interface Slot {
  value: tf.Tensor;
  grad: tf.Tensor | null;
  m: tf.Tensor;
  v: tf.Tensor;
  trainable: boolean;
}

type SlotName = 'nb' | 'nf' | 'rb' | 'rf' | 'mu';
const SLOT_NAMES: SlotName[] = ['nb', 'nf', 'rb', 'rf', 'mu'];

/**
 * Loss, gradient and Adam for one fit on the active tfjs backend. Inputs are assumed validated.
 * Call `dispose()` when done (tensors are not garbage-collected on wasm/webgl).
 */
export class TfjsMFModel implements LoopModel {
  /** unweighted mean data loss at the last `evaluate` */
  plainDataLoss = NaN;
  private readonly slots: Record<SlotName, Slot>;
  private readonly note: tf.Tensor1D;
  private readonly rater: tf.Tensor1D;
  private readonly target: tf.Tensor1D;
  private readonly weight: tf.Tensor1D | null;
  private readonly r: number;
  private t = 0;

  constructor(
    private readonly problem: MFProblem,
    private readonly init: MFParams,
    private readonly options: MFFitOptions,
  ) {
    this.r = problem.note.length;
    this.note = tf.tensor1d(problem.note, 'int32');
    this.rater = tf.tensor1d(problem.rater, 'int32');
    this.target = tf.tensor1d(problem.target, 'float32');
    this.weight = problem.weight === undefined ? null : tf.tensor1d(problem.weight, 'float32');
    const trainable: Record<SlotName, boolean> = {
      nb: !options.freezeNotes,
      nf: !options.freezeNotes,
      rb: !options.freezeRaters,
      rf: !options.freezeRaters,
      mu: !options.freezeGlobal,
    };
    const initial = this.initialValues();
    this.slots = {} as Record<SlotName, Slot>;
    for (const name of SLOT_NAMES) {
      const value = initial[name];
      this.slots[name] = {
        value,
        grad: null,
        m: tf.zerosLike(value),
        v: tf.zerosLike(value),
        trainable: trainable[name],
      };
    }
  }

  evaluate(): number {
    const { options, r } = this;
    const s = this.slots;
    const { nNotes, nRaters } = this.problem;
    const lam = options.lambdas;
    const logistic = options.loss === 'logistic';
    const result = tf.tidy(() => {
      const nb = s.nb.value;
      const nf = s.nf.value;
      const rb = s.rb.value;
      const rf = s.rf.value;
      const mu = s.mu.value;
      const fnG = tf.gather(nf, this.note);
      const fuG = tf.gather(rf, this.rater);
      let pred = tf.add(tf.add(tf.gather(nb, this.note), tf.gather(rb, this.rater)), tf.mul(fnG, fuG));
      if (options.useGlobalIntercept) pred = tf.add(pred, mu);
      let perRating: tf.Tensor;
      let dPred: tf.Tensor;
      if (logistic) {
        // torch BCEWithLogits with pos_weight: (1 − y)·x + (1 + (pw − 1)·y)·softplus(−x)
        const y = this.target;
        const oneMinusY = tf.sub(1, y);
        const lw = tf.add(1, tf.mul(options.posWeight === undefined ? 0 : options.posWeight - 1, y));
        const negPred = tf.neg(pred);
        perRating = tf.add(tf.mul(oneMinusY, pred), tf.mul(lw, tf.softplus(negPred)));
        dPred = tf.sub(oneMinusY, tf.mul(lw, tf.sigmoid(negPred)));
        dPred = tf.mul(dPred, 1 / r);
      } else {
        const e = tf.sub(pred, this.target);
        perRating = tf.square(e);
        dPred = tf.mul(e, 2 / r);
      }
      const plain = tf.div(blockSum(perRating, r), r);
      let data = plain;
      if (this.weight !== null) {
        data = tf.div(blockSum(tf.mul(this.weight, perRating), r), r);
        dPred = tf.mul(dPred, this.weight);
      }
      const noteScale = regScale(options.ratingPerNoteLossRatio, nNotes, r);
      const raterScale = regScale(options.ratingPerUserLossRatio, nRaters, r);
      let reg = tf.add(
        tf.mul(
          noteScale,
          tf.add(tf.mul(lam.noteFactor, tf.sum(tf.square(nf))), tf.mul(lam.noteIntercept, tf.sum(tf.square(nb)))),
        ),
        tf.mul(
          raterScale,
          tf.add(tf.mul(lam.raterFactor, tf.sum(tf.square(rf))), tf.mul(lam.raterIntercept, tf.sum(tf.square(rb)))),
        ),
      );
      const product = tf.mul(nf, nb);
      if (lam.diamond !== 0) reg = tf.add(reg, tf.mul(noteScale * lam.diamond, tf.sum(tf.abs(product))));
      reg = tf.add(reg, tf.mul(lam.globalIntercept, tf.sum(tf.square(mu))));
      const grads: Partial<Record<SlotName, tf.Tensor>> = {};
      if (s.nb.trainable) {
        // tf.sign(0) = 0, matching torch's subgradient of |x| at 0.
        const diamond = tf.mul(noteScale * lam.diamond, tf.sign(product));
        grads.nb = tf.add(
          tf.bincount(this.note, dPred as tf.Tensor1D, nNotes),
          tf.add(tf.mul(2 * noteScale * lam.noteIntercept, nb), tf.mul(diamond, nf)),
        );
        grads.nf = tf.add(
          tf.bincount(this.note, tf.mul(dPred, fuG) as tf.Tensor1D, nNotes),
          tf.add(tf.mul(2 * noteScale * lam.noteFactor, nf), tf.mul(diamond, nb)),
        );
      }
      if (s.rb.trainable) {
        grads.rb = tf.add(
          tf.bincount(this.rater, dPred as tf.Tensor1D, nRaters),
          tf.mul(2 * raterScale * lam.raterIntercept, rb),
        );
        grads.rf = tf.add(
          tf.bincount(this.rater, tf.mul(dPred, fnG) as tf.Tensor1D, nRaters),
          tf.mul(2 * raterScale * lam.raterFactor, rf),
        );
      }
      if (s.mu.trainable) {
        const regGrad = tf.mul(2 * lam.globalIntercept, mu);
        grads.mu = options.useGlobalIntercept ? tf.add(tf.reshape(blockSum(dPred, r), [1]), regGrad) : regGrad;
      }
      const stats = tf.stack([tf.add(data, reg), plain]);
      return { stats, grads };
    });
    for (const name of SLOT_NAMES) {
      const slot = s[name];
      slot.grad?.dispose();
      slot.grad = result.grads[name] ?? null;
    }
    const stats = result.stats.dataSync();
    result.stats.dispose();
    this.plainDataLoss = stats[1];
    return stats[0];
  }

  step(): void {
    const t = ++this.t;
    const lr = this.options.learningRate;
    const clipNorm = this.options.clipNorm;
    const active = SLOT_NAMES.filter((n) => this.slots[n].trainable && this.slots[n].grad !== null);
    if (active.length === 0) return;
    const stepSize = lr / (1 - Math.pow(ADAM_BETA1, t));
    const bc2Sqrt = Math.sqrt(1 - Math.pow(ADAM_BETA2, t));
    const next = tf.tidy(() => {
      let sq: tf.Tensor = tf.scalar(0);
      for (const name of active) sq = tf.add(sq, tf.sum(tf.square(this.slots[name].grad as tf.Tensor)));
      // clip_grad_norm_: scale by min(1, maxNorm / (norm + 1e-6)).
      const coef = tf.minimum(1, tf.div(clipNorm, tf.add(tf.sqrt(sq), CLIP_EPS)));
      const out: Partial<Record<SlotName, { value: tf.Tensor; m: tf.Tensor; v: tf.Tensor }>> = {};
      for (const name of active) {
        const slot = this.slots[name];
        const g = tf.mul(slot.grad as tf.Tensor, coef);
        const m = tf.add(tf.mul(ADAM_BETA1, slot.m), tf.mul(1 - ADAM_BETA1, g));
        const v = tf.add(tf.mul(ADAM_BETA2, slot.v), tf.mul(1 - ADAM_BETA2, tf.square(g)));
        const denom = tf.add(tf.div(tf.sqrt(v), bc2Sqrt), ADAM_EPS);
        const value = tf.sub(slot.value, tf.div(tf.mul(stepSize, m), denom));
        out[name] = { value, m, v };
      }
      return out;
    });
    for (const name of active) {
      const slot = this.slots[name];
      const upd = next[name] as { value: tf.Tensor; m: tf.Tensor; v: tf.Tensor };
      slot.value.dispose();
      slot.m.dispose();
      slot.v.dispose();
      slot.value = upd.value;
      slot.m = upd.m;
      slot.v = upd.v;
    }
  }

  restart(): void {
    const initial = this.initialValues();
    this.t = 0;
    for (const name of SLOT_NAMES) {
      const slot = this.slots[name];
      slot.value.dispose();
      slot.m.dispose();
      slot.v.dispose();
      slot.grad?.dispose();
      slot.grad = null;
      slot.value = initial[name];
      slot.m = tf.zerosLike(slot.value);
      slot.v = tf.zerosLike(slot.value);
    }
  }

  /** The current parameters as typed arrays (a copy). */
  params(): MFParams {
    const read = (name: SlotName): Float32Array => Float32Array.from(this.slots[name].value.dataSync());
    return {
      noteIntercept: read('nb'),
      noteFactor: read('nf'),
      raterIntercept: read('rb'),
      raterFactor: read('rf'),
      globalIntercept: read('mu')[0],
    };
  }

  /** Free every tensor this model holds. */
  dispose(): void {
    for (const name of SLOT_NAMES) {
      const slot = this.slots[name];
      slot.value.dispose();
      slot.m.dispose();
      slot.v.dispose();
      slot.grad?.dispose();
    }
    this.note.dispose();
    this.rater.dispose();
    this.target.dispose();
    this.weight?.dispose();
  }

  private initialValues(): Record<SlotName, tf.Tensor> {
    const p = this.init;
    return {
      nb: tf.tensor1d(p.noteIntercept, 'float32'),
      nf: tf.tensor1d(p.noteFactor, 'float32'),
      rb: tf.tensor1d(p.raterIntercept, 'float32'),
      rf: tf.tensor1d(p.raterFactor, 'float32'),
      mu: tf.tensor1d([p.globalIntercept], 'float32'),
    };
  }
}

/**
 * Σ x over a long float32 vector as a sum of row sums (rows of ~sqrt(n)): backends that accumulate
 * in float32 (wasm, webgl) lose ~1e-5 of relative accuracy on a flat 1 M-term sum, more than the
 * 1e-7 convergence threshold; two levels keep the error near float32 resolution.
 */
function blockSum(x: tf.Tensor, n: number): tf.Tensor {
  if (n <= 4096) return tf.sum(x);
  const width = Math.ceil(Math.sqrt(n));
  const rows = Math.floor(n / width);
  const main = tf.sum(tf.sum(tf.reshape(tf.slice(x, 0, rows * width), [rows, width]), 1));
  return rows * width === n ? main : tf.add(main, tf.sum(tf.slice(x, rows * width)));
}

function regScale(ratio: number | undefined, n: number, r: number): number {
  return ratio === undefined ? 1 / n : ratio / r;
}
