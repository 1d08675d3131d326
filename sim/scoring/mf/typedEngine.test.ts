import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { copyParams, warmStart, xavierFactors } from './init.ts';
import { syntheticProblem } from './syntheticProblem.ts';
import { fitSync, TypedMFEngine } from './typedEngine.ts';
import { SIDE_STRIDE } from './typedKernels.ts';
import { TypedMFModel } from './typedModel.ts';
import { DEFAULT_FIT_OPTIONS, type MFFitOptions, type MFParams, type MFProblem } from './types.ts';

const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
const coldInit = (p: MFProblem, seed: number): MFParams =>
  warmStart({ noteGlobal: range(p.nNotes), raterGlobal: range(p.nRaters), random: randomSeeded(seed) });
const opts = (over: Partial<MFFitOptions> = {}): MFFitOptions => ({ ...DEFAULT_FIT_OPTIONS, learningRate: 1, ...over });

function randomInit(p: MFProblem, seed: number): MFParams {
  const random = randomSeeded(seed);
  const init = coldInit(p, seed);
  for (const a of [init.noteIntercept, init.raterIntercept])
    for (let i = 0; i < a.length; i++) a[i] = 0.4 * random() - 0.2;
  init.globalIntercept = Math.fround(0.1);
  return init;
}

/** Loss of the model written the obvious way, per rating, in float64 (§6.2, §6.6, §6.7). */
function referenceLoss(p: MFProblem, q: MFParams, o: MFFitOptions): { loss: number; plain: number } {
  const r = p.note.length;
  let data = 0;
  let plain = 0;
  for (let k = 0; k < r; k++) {
    const n = p.note[k];
    const u = p.rater[k];
    const x =
      (o.useGlobalIntercept ? q.globalIntercept : 0) +
      q.noteIntercept[n] +
      q.raterIntercept[u] +
      q.noteFactor[n] * q.raterFactor[u];
    const y = p.target[k];
    let l: number;
    if (o.loss === 'logistic') {
      const pw = o.posWeight ?? 1;
      const s = 1 / (1 + Math.exp(-x));
      l = -(pw * y * Math.log(s) + (1 - y) * Math.log(1 - s));
    } else {
      l = (y - x) ** 2;
    }
    data += (p.weight ? p.weight[k] : 1) * l;
    plain += l;
  }
  const lam = o.lambdas;
  const sum = (a: Float32Array, f: (x: number, i: number) => number): number => a.reduce((s, x, i) => s + f(x, i), 0);
  const noteDiv = o.ratingPerNoteLossRatio === undefined ? p.nNotes : r / o.ratingPerNoteLossRatio;
  const raterDiv = o.ratingPerUserLossRatio === undefined ? p.nRaters : r / o.ratingPerUserLossRatio;
  const reg =
    (lam.noteFactor * sum(q.noteFactor, (x) => x * x) +
      lam.noteIntercept * sum(q.noteIntercept, (x) => x * x) +
      lam.diamond * sum(q.noteFactor, (x, i) => Math.abs(x * q.noteIntercept[i]))) /
      noteDiv +
    (lam.raterFactor * sum(q.raterFactor, (x) => x * x) + lam.raterIntercept * sum(q.raterIntercept, (x) => x * x)) /
      raterDiv +
    lam.globalIntercept * q.globalIntercept ** 2;
  return { loss: data / r + reg, plain: plain / r };
}

/** `steps` plain Adam steps written independently of the engine: per-rating gradients, global clip, torch Adam. */
function referenceSteps(p: MFProblem, init: MFParams, o: MFFitOptions, steps: number): MFParams {
  const q = copyParams(init);
  const groups = [q.noteIntercept, q.noteFactor, q.raterIntercept, q.raterFactor];
  const mu = new Float32Array([q.globalIntercept]);
  const all = [...groups, mu];
  const trainable = [!o.freezeNotes, !o.freezeNotes, !o.freezeRaters, !o.freezeRaters, !o.freezeGlobal];
  const m = all.map((a) => new Float64Array(a.length));
  const v = all.map((a) => new Float64Array(a.length));
  const r = p.note.length;
  const lam = o.lambdas;
  for (let t = 1; t <= steps; t++) {
    const g = all.map((a) => new Float64Array(a.length));
    for (let k = 0; k < r; k++) {
      const n = p.note[k];
      const u = p.rater[k];
      const pred = mu[0] + q.noteIntercept[n] + q.raterIntercept[u] + q.noteFactor[n] * q.raterFactor[u];
      const d = (2 * (pred - p.target[k])) / r;
      g[0][n] += d;
      g[1][n] += d * q.raterFactor[u];
      g[2][u] += d;
      g[3][u] += d * q.noteFactor[n];
      g[4][0] += d;
    }
    const nN = p.nNotes;
    const nU = p.nRaters;
    for (let i = 0; i < nN; i++) {
      const s = Math.sign(q.noteFactor[i] * q.noteIntercept[i]);
      g[0][i] += (2 * lam.noteIntercept * q.noteIntercept[i] + lam.diamond * s * q.noteFactor[i]) / nN;
      g[1][i] += (2 * lam.noteFactor * q.noteFactor[i] + lam.diamond * s * q.noteIntercept[i]) / nN;
    }
    for (let i = 0; i < nU; i++) {
      g[2][i] += (2 * lam.raterIntercept * q.raterIntercept[i]) / nU;
      g[3][i] += (2 * lam.raterFactor * q.raterFactor[i]) / nU;
    }
    g[4][0] += 2 * lam.globalIntercept * mu[0];
    let norm = 0;
    all.forEach((_, j) => trainable[j] && g[j].forEach((x) => (norm += x * x)));
    norm = Math.sqrt(norm);
    const clip = Math.min(1, o.clipNorm / (norm + 1e-6));
    all.forEach((a, j) => {
      if (!trainable[j]) return;
      for (let i = 0; i < a.length; i++) {
        const gi = g[j][i] * clip;
        m[j][i] = 0.9 * m[j][i] + 0.1 * gi;
        v[j][i] = 0.999 * v[j][i] + 0.001 * gi * gi;
        const mHat = m[j][i] / (1 - 0.9 ** t);
        a[i] -= (o.learningRate * mHat) / (Math.sqrt(v[j][i]) / Math.sqrt(1 - 0.999 ** t) + 1e-8);
      }
    });
  }
  q.globalIntercept = mu[0];
  return q;
}

function maxDiff(a: MFParams, b: MFParams): number {
  let d = Math.abs(a.globalIntercept - b.globalIntercept);
  for (const k of ['noteIntercept', 'noteFactor', 'raterIntercept', 'raterFactor'] as const) {
    for (let i = 0; i < a[k].length; i++) d = Math.max(d, Math.abs(a[k][i] - b[k][i]));
  }
  return d;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const small = syntheticProblem({ nNotes: 60, nRaters: 90, nRatings: 2000, quantize: true }, randomSeeded(11)).problem;

describe('TypedMFEngine', () => {
  it('recovers known intercepts and factors from a cold start', () => {
    const { problem, truth } = syntheticProblem(
      { nNotes: 150, nRaters: 200, nRatings: 15000, noise: 0.05 },
      randomSeeded(1),
    );
    const result = fitSync(problem, coldInit(problem, 2), opts());
    const q = result.params;
    expect(result.epochs).toBeGreaterThan(20);
    // mean-form regularisation shrinks factors noticeably at this size: the error sits above the noise floor 0.0025
    expect(result.trainError).toBeLessThan(0.006);
    expect(Math.abs(correlation(q.noteFactor, truth.noteFactor))).toBeGreaterThan(0.97);
    expect(Math.abs(correlation(q.raterFactor, truth.raterFactor))).toBeGreaterThan(0.97);
    expect(correlation(q.noteIntercept, truth.noteIntercept)).toBeGreaterThan(0.9);
    let se = 0;
    for (let n = 0; n < problem.nNotes; n++) {
      for (let u = 0; u < problem.nRaters; u++) {
        const fit = q.globalIntercept + q.noteIntercept[n] + q.raterIntercept[u] + q.noteFactor[n] * q.raterFactor[u];
        const tru =
          truth.globalIntercept +
          truth.noteIntercept[n] +
          truth.raterIntercept[u] +
          truth.noteFactor[n] * truth.raterFactor[u];
        se += (fit - tru) ** 2;
      }
    }
    expect(Math.sqrt(se / (problem.nNotes * problem.nRaters))).toBeLessThan(0.06);
  });

  it('matches an independent per-rating implementation step by step (loss, clip, Adam)', () => {
    const init = randomInit(small, 3);
    for (const o of [
      opts({ convergence: 0, maxEpochs: 40 }),
      opts({
        convergence: 0,
        maxEpochs: 40,
        learningRate: 0.05,
        lambdas: { ...DEFAULT_FIT_OPTIONS.lambdas, diamond: 0.75 },
      }),
    ]) {
      const ours = fitSync(small, init, o);
      expect(ours.epochs).toBe(40);
      expect(maxDiff(ours.params, referenceSteps(small, init, o, 40))).toBeLessThan(2e-5);
      expect(ours.loss).toBeCloseTo(referenceLoss(small, ours.params, o).loss, 10);
    }
  });

  it('first Adam step moves every trainable parameter by about the learning rate (bias correction)', () => {
    const init = randomInit(small, 4);
    const q = fitSync(small, init, opts({ learningRate: 0.01, maxEpochs: 1 })).params;
    for (let i = 0; i < small.nNotes; i++) {
      expect(Math.abs(q.noteFactor[i] - init.noteFactor[i])).toBeGreaterThan(0.0099);
      expect(Math.abs(q.noteFactor[i] - init.noteFactor[i])).toBeLessThan(0.0101);
    }
  });

  it('gradient equals finite differences for squared, weighted, logistic and diamond losses', () => {
    const weight = Float32Array.from({ length: small.note.length }, (_, k) => 0.5 + (k % 3));
    const binary = { ...small, target: small.target.map((y) => (y > 0.5 ? 1 : 0)) };
    const cases: [MFProblem, MFFitOptions][] = [
      [small, opts()],
      [{ ...small, weight }, opts()],
      [binary, opts({ loss: 'logistic', posWeight: 2.5 })],
      [
        small,
        opts({
          lambdas: { ...DEFAULT_FIT_OPTIONS.lambdas, diamond: 0.75 },
          ratingPerNoteLossRatio: 7,
          ratingPerUserLossRatio: 3,
        }),
      ],
      [small, opts({ useGlobalIntercept: false })],
    ];
    for (const [problem, o] of cases) {
      const model = new TypedMFModel(problem, randomInit(problem, 5), o);
      model.evaluate();
      const h = 2 ** -9;
      for (const side of [model.notes, model.raters, model.global]) {
        const grads = side.slots.slice();
        for (const i of new Set([0, Math.min(1, side.n - 1), Math.floor(side.n / 2), side.n - 1])) {
          // slots 0/1 (intercept/factor) with gradients in slots 2/3; the global side has no factor
          for (const slot of side === model.global ? [0] : [0, 1]) {
            const at = i * SIDE_STRIDE + slot;
            const x = side.slots[at];
            side.slots[at] = x + h;
            const up = model.evaluate();
            side.slots[at] = x - h;
            const down = model.evaluate();
            side.slots[at] = x;
            const fd = (up - down) / (2 * h);
            const g = grads[at + 2];
            expect(Math.abs(fd - g)).toBeLessThan(1e-5 + 1e-3 * Math.abs(g));
          }
        }
      }
    }
  });

  it('stops by the §6.4 rule: |Δloss| <= 1e-7, or a loss increase after epoch 100', () => {
    const init = coldInit(small, 6);
    const o = opts();
    const final = fitSync(small, init, o);
    const e = final.epochs;
    const before = fitSync(small, init, { ...o, maxEpochs: e - 1 });
    const twoBefore = fitSync(small, init, { ...o, maxEpochs: e - 2 });
    const stop = (l: number, prev: number, epoch: number): boolean =>
      Math.abs(l - prev) <= 1e-7 || (epoch > 100 && l > prev);
    expect(stop(final.loss, before.loss, e)).toBe(true);
    expect(stop(before.loss, twoBefore.loss, e - 1)).toBe(false);
  });

  it('keeps frozen groups exactly at their initial values', () => {
    const init = randomInit(small, 7);
    const raters = fitSync(small, init, opts({ freezeRaters: true, freezeGlobal: true, learningRate: 0.2 })).params;
    expect(raters.raterIntercept).toEqual(init.raterIntercept);
    expect(raters.raterFactor).toEqual(init.raterFactor);
    expect(raters.globalIntercept).toBe(init.globalIntercept);
    expect(maxDiff({ ...raters, raterIntercept: init.raterIntercept }, init)).toBeGreaterThan(0.01);
    const notes = fitSync(small, init, opts({ freezeNotes: true })).params;
    expect(notes.noteIntercept).toEqual(init.noteIntercept);
    expect(notes.noteFactor).toEqual(init.noteFactor);
    expect(notes.globalIntercept).not.toBe(init.globalIntercept);
    const none = fitSync(small, init, opts({ freezeNotes: true, freezeRaters: true, freezeGlobal: true }));
    expect(maxDiff(none.params, init)).toBe(0);
    expect(none.epochs).toBe(1);
  });

  it('uses mean-form regularisation by default and Σ/(R/ρ) when ratios are given', () => {
    const init = randomInit(small, 8);
    const lambdas = { ...DEFAULT_FIT_OPTIONS.lambdas, diamond: 0.3 };
    for (const o of [opts({ lambdas }), opts({ lambdas, ratingPerNoteLossRatio: 5, ratingPerUserLossRatio: 12 })]) {
      const atInit = fitSync(small, init, { ...o, maxEpochs: 0 });
      expect(atInit.epochs).toBe(0);
      expect(atInit.loss).toBeCloseTo(referenceLoss(small, init, o).loss, 12);
    }
    const r = small.note.length;
    const mean = fitSync(small, init, opts({ lambdas }));
    const asSum = fitSync(
      small,
      init,
      opts({ lambdas, ratingPerNoteLossRatio: r / small.nNotes, ratingPerUserLossRatio: r / small.nRaters }),
    );
    expect(maxDiff(mean.params, asSum.params)).toBeLessThan(1e-5);
    const heavy = fitSync(small, init, opts({ lambdas, ratingPerNoteLossRatio: 2 }));
    expect(maxDiff(mean.params, heavy.params)).toBeGreaterThan(1e-3);
  });

  it('weighted loss: unit weights change nothing; the train error stays unweighted', () => {
    const init = randomInit(small, 9);
    const plain = fitSync(small, init, opts());
    const ones = fitSync({ ...small, weight: new Float32Array(small.note.length).fill(1) }, init, opts());
    expect(maxDiff(plain.params, ones.params)).toBeLessThan(1e-6);
    expect(ones.epochs).toBe(plain.epochs);
    const weight = Float32Array.from({ length: small.note.length }, (_, k) => (k % 2 === 0 ? 2 : 0.25));
    const problem = { ...small, weight };
    const o = opts({ learningRate: 0.02 });
    const atInit = fitSync(problem, init, { ...o, maxEpochs: 0 });
    const ref = referenceLoss(problem, init, o);
    expect(atInit.loss).toBeCloseTo(ref.loss, 12);
    expect(atInit.trainError).toBeCloseTo(ref.plain, 12);
    const fitted = fitSync(problem, init, o);
    expect(fitted.trainError).toBeCloseTo(referenceLoss(problem, fitted.params, o).plain, 10);
    expect(maxDiff(fitted.params, plain.params)).toBeGreaterThan(1e-3);
  });

  it('logistic loss (BCE with logits, pos_weight) fits 0/1 labels and stays finite at large logits', () => {
    const { problem } = syntheticProblem({ nNotes: 80, nRaters: 120, nRatings: 6000, binary: true }, randomSeeded(12));
    const init = coldInit(problem, 13);
    const o = opts({ loss: 'logistic', posWeight: 1 });
    expect(fitSync(problem, init, { ...o, maxEpochs: 0 }).loss).toBeCloseTo(referenceLoss(problem, init, o).loss, 10);
    const fit = fitSync(problem, init, o);
    expect(fit.trainError).toBeLessThan(referenceLoss(problem, init, o).plain - 0.05);
    expect(fit.trainError).toBeCloseTo(referenceLoss(problem, fit.params, o).plain, 8);
    const meanProb = (q: MFParams): number => {
      let s = 0;
      for (let k = 0; k < problem.note.length; k++) {
        const x =
          q.globalIntercept +
          q.noteIntercept[problem.note[k]] +
          q.raterIntercept[problem.rater[k]] +
          q.noteFactor[problem.note[k]] * q.raterFactor[problem.rater[k]];
        s += 1 / (1 + Math.exp(-x));
      }
      return s / problem.note.length;
    };
    const positives = problem.target.reduce((s, y) => s + y, 0) / problem.note.length;
    expect(Math.abs(meanProb(fit.params) - positives)).toBeLessThan(0.03);
    const weighted = fitSync(problem, init, opts({ loss: 'logistic', posWeight: 3 }));
    expect(meanProb(weighted.params)).toBeGreaterThan(meanProb(fit.params) + 0.05);
    const extreme = { ...init, noteIntercept: init.noteIntercept.map((_, i) => (i % 2 ? 40 : -40)) };
    const big = fitSync(problem, extreme, { ...o, maxEpochs: 3 });
    expect(Number.isFinite(big.loss)).toBe(true);
  });

  it('never mutates its inputs; the async fit equals fitSync', async () => {
    const init = coldInit(small, 14);
    const before = copyParams(init);
    const target = small.target.slice();
    const engine = new TypedMFEngine();
    const a = await engine.fit(small, init, opts());
    expect(init).toEqual(before);
    expect(small.target).toEqual(target);
    expect(a).toEqual(engine.fitSync(small, init, opts()));
    expect(engine.name).toBe('typed');
  });

  it('rejects bad input with a message naming the problem', async () => {
    const init = coldInit(small, 15);
    const bad = (p: Partial<MFProblem>): MFProblem => ({ ...small, ...p });
    expect(() => fitSync(bad({ note: small.note.map((n, i) => (i === 5 ? 999 : n)) }), init, opts())).toThrow(
      /rating 5 has note index 999/,
    );
    expect(() => fitSync(bad({ rater: small.rater.slice(1) }), init, opts())).toThrow(/problem.rater has/);
    expect(() => fitSync(bad({ target: small.target.map((y, i) => (i === 3 ? NaN : y)) }), init, opts())).toThrow(
      /rating 3 has a non-finite target/,
    );
    expect(() => fitSync(bad({ weight: new Float32Array(small.note.length).fill(-1) }), init, opts())).toThrow(
      /weight -1/,
    );
    expect(() =>
      fitSync(bad({ note: new Int32Array(0), rater: new Int32Array(0), target: new Float32Array(0) }), init, opts()),
    ).toThrow(/no ratings/);
    expect(() => fitSync(small, { ...init, noteFactor: xavierFactors(3, randomSeeded(1)) }, opts())).toThrow(
      /init.noteFactor has length 3/,
    );
    expect(() => fitSync(small, init, opts({ posWeight: 2 }))).toThrow(
      /posWeight is only valid with the logistic loss/,
    );
    expect(() => fitSync(small, init, opts({ learningRate: 0 }))).toThrow(/learningRate/);
    expect(() =>
      fitSync(bad({ target: small.target.map((y, i) => (i === 2 ? 2 : y)) }), init, opts({ loss: 'logistic' })),
    ).toThrow(/rating 2 has target 2; the logistic loss needs 0..1/);
    await expect(new TypedMFEngine().fit(small, init, opts({ learningRate: NaN }))).rejects.toThrow(/learningRate/);
  });
});
