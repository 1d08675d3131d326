/**
 * One training round of the low-diligence ("reputation") MF (scoring-core.md §8.1):
 *
 *   logit(u, n) = f_n * f_u + b_n * rep_u + b_u + mu
 *   loss        = mean_r( w_r * BCEWithLogits(logit, target) ) + reg
 *
 * Full-batch Adam with torch semantics, a fresh optimiser per round, no clipping.
 */
import type { MFProblem } from '../mf/types.ts';
import { AdamSlice, DiligenceKernel, NOTE_STRIDE, RATER_STRIDE, type DiligenceReg } from './diligenceKernel.ts';
import type { DiligenceParams } from './diligenceParams.ts';
import { NoteOnlyDiligenceKernel, type NoteGroup } from './noteOnlyDiligenceKernel.ts';

/** Fixed hyper-parameters of the diligence model (§8.1, §8.2). */
export const DILIGENCE = {
  l2: 0.03,
  noteBiasMultiplier: 1,
  raterBiasMultiplier: 10,
  globalBiasMultiplier: 0,
  reputationMultiplier: 50,
  learningRate: 0.2,
  /** epochs 0..maxEpoch: at most maxEpoch + 1 Adam steps */
  maxEpoch: 300,
  /** compare the loss with the loss this many epochs earlier */
  stablePeriod: 5,
  convergence: 1e-5,
  posWeight: 100,
  posWeightThirdRound: 500,
  reputationExp: 0.5,
  alpha: 0.1,
  noteNormExp: -0.5,
  /** added to each note's weight total before normalising */
  noteNormFloor: 2 ** -20,
  adamBeta1: 0.9,
  adamBeta2: 0.999,
  adamEps: 1e-8,
} as const;

/** Which parameter groups a round trains; the others stay exactly as they are. */
export interface DiligenceTrainable {
  noteFactor: boolean;
  noteIntercept: boolean;
  raterFactor: boolean;
  raterIntercept: boolean;
  raterReputation: boolean;
  globalIntercept: boolean;
}

export interface DiligenceRoundOptions {
  trainable: DiligenceTrainable;
  /** ratingPerNoteLossRatio: note reg terms use sum / (R / rho) instead of the mean */
  rhoNote?: number;
  /** ratingPerUserLossRatio: the same for rater terms */
  rhoUser?: number;
  /** defaults from DILIGENCE */
  maxEpoch?: number;
  stablePeriod?: number;
  convergence?: number;
}

/** What a round did: the last computed (regularised) loss and the number of Adam steps taken. */
export interface DiligenceRoundInfo {
  loss: number;
  steps: number;
}

/**
 * Check a diligence problem: matching column lengths, indices in range, 0/1 targets, at least one
 * rating, no per-rating weight (the diligence model computes its own). Throws naming the problem.
 */
export function checkDiligenceProblem(problem: MFProblem): void {
  const { nNotes, nRaters, note, rater, target } = problem;
  const R = note.length;
  if (rater.length !== R || target.length !== R) {
    throw new Error(`diligence: note/rater/target lengths differ (${R}, ${rater.length}, ${target.length})`);
  }
  if (R === 0) throw new Error('diligence: no ratings to fit');
  if (problem.weight !== undefined) throw new Error('diligence: problem.weight is not supported (weights are derived)');
  for (let r = 0; r < R; r++) {
    const n = note[r];
    const u = rater[r];
    const t = target[r];
    if (!(n >= 0 && n < nNotes)) throw new Error(`diligence: note[${r}] = ${n} outside 0..${nNotes - 1}`);
    if (!(u >= 0 && u < nRaters)) throw new Error(`diligence: rater[${r}] = ${u} outside 0..${nRaters - 1}`);
    if (t !== 0 && t !== 1) throw new Error(`diligence: target[${r}] = ${t}, expected 0 or 1`);
  }
}

/**
 * Per-rating loss weights (§8.1): 1, or `posWeight` on target-1 ratings; times
 * (alpha + max(rep_u, 0)^0.5) / (1 + alpha) when `reputation` is given; times
 * (note's weight total + 2^-20)^noteNormExp when noteNormExp != 0.
 */
export function diligenceWeights(
  problem: MFProblem,
  posWeight: number,
  reputation: Float32Array | undefined,
  noteNormExp: number,
): Float64Array {
  const { note, rater, target } = problem;
  const R = note.length;
  const w = new Float64Array(R);
  const { alpha, reputationExp } = DILIGENCE;
  for (let r = 0; r < R; r++) {
    let wr = target[r] === 1 ? posWeight : 1;
    if (reputation !== undefined) wr *= (alpha + Math.max(reputation[rater[r]], 0) ** reputationExp) / (1 + alpha);
    w[r] = wr;
  }
  if (noteNormExp !== 0) {
    const total = new Float64Array(problem.nNotes);
    for (let r = 0; r < R; r++) total[note[r]] += w[r];
    for (let n = 0; n < total.length; n++) total[n] = (total[n] + DILIGENCE.noteNormFloor) ** noteNormExp;
    for (let r = 0; r < R; r++) w[r] *= total[note[r]];
  }
  return w;
}

/** The L2 coefficients and denominators: the mean form, or sum / (R / rho) (§6.2). */
function regularizer(problem: MFProblem, rhoNote?: number, rhoUser?: number): DiligenceReg {
  const R = problem.note.length;
  const noteDen = rhoNote === undefined ? problem.nNotes : R / rhoNote;
  const raterDen = rhoUser === undefined ? problem.nRaters : R / rhoUser;
  if (!(noteDen > 0 && raterDen > 0)) throw new Error(`diligence: bad regulariser ratio (${rhoNote}, ${rhoUser})`);
  const { l2 } = DILIGENCE;
  return {
    noteFactor: l2,
    noteIntercept: l2 * DILIGENCE.noteBiasMultiplier,
    raterFactor: l2,
    raterIntercept: l2 * DILIGENCE.raterBiasMultiplier,
    reputation: l2 * DILIGENCE.reputationMultiplier,
    global: l2 * DILIGENCE.globalBiasMultiplier,
    noteDen,
    raterDen,
  };
}

/** Loss and gradient of every parameter group at `params` (for checks and diagnostics). */
export function diligenceLossGradient(
  problem: MFProblem,
  params: DiligenceParams,
  weights: Float64Array,
  rhoNote?: number,
  rhoUser?: number,
): { loss: number; grad: DiligenceParams } {
  const kernel = new DiligenceKernel(problem, params, weights);
  const { loss, gMu } = kernel.evaluate(true, regularizer(problem, rhoNote, rhoUser));
  const pick = (a: Float64Array, stride: number, offset: number): Float32Array => {
    const out = new Float32Array(a.length / stride);
    for (let i = 0; i < out.length; i++) out[i] = a[i * stride + offset];
    return out;
  };
  return {
    loss,
    grad: {
      noteFactor: pick(kernel.noteG, NOTE_STRIDE, 0),
      noteIntercept: pick(kernel.noteG, NOTE_STRIDE, 1),
      raterFactor: pick(kernel.raterG, RATER_STRIDE, 0),
      raterIntercept: pick(kernel.raterG, RATER_STRIDE, 1),
      raterReputation: pick(kernel.raterG, RATER_STRIDE, 2),
      globalIntercept: gMu,
    },
  };
}

/**
 * Train one round in place: `params` is mutated (frozen groups are left bit-for-bit unchanged).
 * Epochs 0..maxEpoch: compute the loss; every `stablePeriod` epochs stop if it moved less than
 * `convergence` since the last check; otherwise backpropagate and take one Adam step.
 * The problem must have passed `checkDiligenceProblem`; `weights` comes from `diligenceWeights`.
 */
export function trainDiligenceRound(
  problem: MFProblem,
  params: DiligenceParams,
  weights: Float64Array,
  options: DiligenceRoundOptions,
): DiligenceRoundInfo {
  const R = problem.note.length;
  if (weights.length !== R) throw new Error(`diligence: ${weights.length} weights for ${R} ratings`);
  const tr = options.trainable;
  const maxEpoch = options.maxEpoch ?? DILIGENCE.maxEpoch;
  const stablePeriod = options.stablePeriod ?? DILIGENCE.stablePeriod;
  const convergence = options.convergence ?? DILIGENCE.convergence;
  const reg = regularizer(problem, options.rhoNote, options.rhoUser);
  const { adamBeta1: b1, adamBeta2: b2, adamEps: eps, learningRate: lr } = DILIGENCE;
  const noteOnly = noteOnlyGroup(tr);
  if (noteOnly !== null) {
    const kernel = new NoteOnlyDiligenceKernel(problem, params, weights, noteOnly);
    const adam = new AdamSlice(kernel.noteP, kernel.noteG, noteOnly, NOTE_STRIDE);
    const info = runEpochs(
      maxEpoch,
      stablePeriod,
      convergence,
      (wantLoss) => kernel.evaluate(wantLoss, reg).loss,
      (step) => adam.step(step, lr, b1, b2, eps),
    );
    kernel.writeBack(params);
    return info;
  }
  const kernel = new DiligenceKernel(problem, params, weights);
  const { noteP, noteG, raterP, raterG } = kernel;
  const slices: AdamSlice[] = [];
  if (tr.noteFactor) slices.push(new AdamSlice(noteP, noteG, 0, NOTE_STRIDE));
  if (tr.noteIntercept) slices.push(new AdamSlice(noteP, noteG, 1, NOTE_STRIDE));
  if (tr.raterFactor) slices.push(new AdamSlice(raterP, raterG, 0, RATER_STRIDE));
  if (tr.raterIntercept) slices.push(new AdamSlice(raterP, raterG, 1, RATER_STRIDE));
  if (tr.raterReputation) slices.push(new AdamSlice(raterP, raterG, 2, RATER_STRIDE));
  let muM = 0;
  let muV = 0;
  let gMu = 0;
  const info = runEpochs(
    maxEpoch,
    stablePeriod,
    convergence,
    (wantLoss) => {
      const res = kernel.evaluate(wantLoss, reg);
      gMu = res.gMu;
      return res.loss;
    },
    (step) => {
      for (const slice of slices) slice.step(step, lr, b1, b2, eps);
      if (tr.globalIntercept) {
        muM = b1 * muM + (1 - b1) * gMu;
        muV = b2 * muV + (1 - b2) * gMu * gMu;
        const stepSize = lr / (1 - b1 ** step);
        const denom = Math.sqrt(muV) / Math.sqrt(1 - b2 ** step) + eps;
        kernel.mu = Math.fround(kernel.mu - (stepSize * muM) / denom);
      }
    },
  );
  kernel.writeBack(params);
  return info;
}

/** The note group a round trains when it trains nothing else, or null. */
function noteOnlyGroup(tr: DiligenceTrainable): NoteGroup | null {
  if (tr.raterFactor || tr.raterIntercept || tr.raterReputation || tr.globalIntercept) return null;
  if (tr.noteFactor === tr.noteIntercept) return null;
  return tr.noteFactor ? 0 : 1;
}

/**
 * Epochs 0..maxEpoch: evaluate (with the loss on check epochs and the last one); every `stablePeriod` epochs
 * stop if the loss moved less than `convergence` since the last check; otherwise take one optimiser step.
 */
function runEpochs(
  maxEpoch: number,
  stablePeriod: number,
  convergence: number,
  evaluate: (wantLoss: boolean) => number,
  step: (step: number) => void,
): DiligenceRoundInfo {
  let priorLoss = NaN;
  let loss = NaN;
  let steps = 0;
  for (let epoch = 0; epoch <= maxEpoch; epoch++) {
    const check = epoch % stablePeriod === 0;
    const value = evaluate(check || epoch === maxEpoch);
    if (check || epoch === maxEpoch) {
      loss = value;
      if (!Number.isFinite(loss)) throw new Error(`diligence: loss became ${loss} at epoch ${epoch}`);
    }
    if (check) {
      if (!Number.isNaN(priorLoss) && Math.abs(priorLoss - loss) < convergence) break;
      priorLoss = loss;
    }
    steps++;
    step(steps);
  }
  return { loss, steps };
}
