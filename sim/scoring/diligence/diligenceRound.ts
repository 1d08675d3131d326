/**
 * One training round of the low-diligence ("reputation") MF (scoring-core.md §8.1):
 *
 *   logit(u, n) = f_n * f_u + b_n * rep_u + b_u + mu
 *   loss        = mean_r( w_r * BCEWithLogits(logit, target) ) + reg
 *
 * Full-batch Adam with torch semantics, a fresh optimiser per round, no clipping.
 */
import type { MFProblem } from '../mf/types.ts';

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

/** Diligence parameters on local indices (float32, like the reference). */
export interface DiligenceParams {
  noteFactor: Float32Array;
  noteIntercept: Float32Array;
  raterFactor: Float32Array;
  raterIntercept: Float32Array;
  raterReputation: Float32Array;
  globalIntercept: number;
}

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

/** Copy parameters (rounds mutate in place). */
export function cloneDiligenceParams(p: DiligenceParams): DiligenceParams {
  return {
    noteFactor: p.noteFactor.slice(),
    noteIntercept: p.noteIntercept.slice(),
    raterFactor: p.raterFactor.slice(),
    raterIntercept: p.raterIntercept.slice(),
    raterReputation: p.raterReputation.slice(),
    globalIntercept: p.globalIntercept,
  };
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

/** Adam moments and the per-group step counter (a fresh optimiser per round). */
interface AdamGroup {
  param: Float32Array;
  grad: Float64Array;
  m: Float64Array;
  v: Float64Array;
}

const newGroup = (param: Float32Array): AdamGroup => ({
  param,
  grad: new Float64Array(param.length),
  m: new Float64Array(param.length),
  v: new Float64Array(param.length),
});

function adamStep(g: AdamGroup, step: number, lr: number): void {
  const { adamBeta1: b1, adamBeta2: b2, adamEps: eps } = DILIGENCE;
  const stepSize = lr / (1 - b1 ** step);
  const bc2Sqrt = Math.sqrt(1 - b2 ** step);
  const { param, grad, m, v } = g;
  for (let i = 0; i < param.length; i++) {
    const gi = grad[i];
    m[i] = b1 * m[i] + (1 - b1) * gi;
    v[i] = b2 * v[i] + (1 - b2) * gi * gi;
    param[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) / bc2Sqrt + eps);
  }
}

const sumSquares = (a: Float32Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
};

/** Regulariser denominators: the mean form, or sum / (R / rho) (§6.2). */
function regDenominators(problem: MFProblem, rhoNote?: number, rhoUser?: number): [number, number] {
  const R = problem.note.length;
  const noteDen = rhoNote === undefined ? problem.nNotes : R / rhoNote;
  const raterDen = rhoUser === undefined ? problem.nRaters : R / rhoUser;
  if (!(noteDen > 0 && raterDen > 0)) throw new Error(`diligence: bad regulariser ratio (${rhoNote}, ${rhoUser})`);
  return [noteDen, raterDen];
}

type Grad = Float64Array | null;

/**
 * Loss (when `wantLoss`, else NaN) and gradients of the groups whose array is non-null (zeroed
 * here, filled with the full gradient including the L2 term); returns d loss / d mu too.
 */
function evaluate(
  problem: MFProblem,
  params: DiligenceParams,
  weights: Float64Array,
  noteDen: number,
  raterDen: number,
  gNF: Grad,
  gNB: Grad,
  gRF: Grad,
  gRB: Grad,
  gRep: Grad,
  wantLoss: boolean,
): { loss: number; gMu: number } {
  const { note, rater, target } = problem;
  const R = note.length;
  const { l2, noteBiasMultiplier, raterBiasMultiplier, globalBiasMultiplier, reputationMultiplier } = DILIGENCE;
  const nf = params.noteFactor;
  const nb = params.noteIntercept;
  const rf = params.raterFactor;
  const rb = params.raterIntercept;
  const rep = params.raterReputation;
  const mu = params.globalIntercept;
  gNF?.fill(0);
  gNB?.fill(0);
  gRF?.fill(0);
  gRB?.fill(0);
  gRep?.fill(0);
  let dataLoss = 0;
  let gMu = 0;
  // The hot loop: one pass over ratings, gradients only for the requested groups.
  for (let r = 0; r < R; r++) {
    const n = note[r];
    const u = rater[r];
    const fn = nf[n];
    const fu = rf[u];
    const bn = nb[n];
    const ru = rep[u];
    const z = fn * fu + bn * ru + rb[u] + mu;
    const t = target[r];
    const w = weights[r];
    // Branch-free sigmoid (exp(-z) = Infinity gives 0); the stable softplus only on loss epochs.
    const g = w * (1 / (1 + Math.exp(-z)) - t);
    if (wantLoss) dataLoss += w * (Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z))));
    if (gNF !== null) gNF[n] += g * fu;
    if (gRF !== null) gRF[u] += g * fn;
    if (gNB !== null) gNB[n] += g * ru;
    if (gRep !== null) gRep[u] += g * bn;
    if (gRB !== null) gRB[u] += g;
    gMu += g;
  }
  const invR = 1 / R;
  addReg(gNF, nf, invR, (2 * l2) / noteDen);
  addReg(gNB, nb, invR, (2 * l2 * noteBiasMultiplier) / noteDen);
  addReg(gRF, rf, invR, (2 * l2) / raterDen);
  addReg(gRB, rb, invR, (2 * l2 * raterBiasMultiplier) / raterDen);
  addReg(gRep, rep, invR, (2 * l2 * reputationMultiplier) / raterDen);
  const loss = wantLoss
    ? dataLoss * invR +
      l2 * globalBiasMultiplier * mu * mu +
      (l2 * (sumSquares(nf) + noteBiasMultiplier * sumSquares(nb))) / noteDen +
      (l2 * (sumSquares(rf) + raterBiasMultiplier * sumSquares(rb) + reputationMultiplier * sumSquares(rep))) /
        raterDen
    : NaN;
  return { loss, gMu: gMu * invR + 2 * l2 * globalBiasMultiplier * mu };
}

/** grad = grad * dataScale + regScale * param (data term mean plus the L2 term's derivative). */
function addReg(grad: Grad, param: Float32Array, dataScale: number, regScale: number): void {
  if (grad === null) return;
  for (let i = 0; i < grad.length; i++) grad[i] = grad[i] * dataScale + regScale * param[i];
}

/** Loss and gradient of every parameter group at `params` (for checks and diagnostics). */
export function diligenceLossGradient(
  problem: MFProblem,
  params: DiligenceParams,
  weights: Float64Array,
  rhoNote?: number,
  rhoUser?: number,
): { loss: number; grad: Omit<DiligenceParams, 'globalIntercept'> & { globalIntercept: number } } {
  const [noteDen, raterDen] = regDenominators(problem, rhoNote, rhoUser);
  const g = {
    noteFactor: new Float64Array(problem.nNotes),
    noteIntercept: new Float64Array(problem.nNotes),
    raterFactor: new Float64Array(problem.nRaters),
    raterIntercept: new Float64Array(problem.nRaters),
    raterReputation: new Float64Array(problem.nRaters),
  };
  const { loss, gMu } = evaluate(
    problem,
    params,
    weights,
    noteDen,
    raterDen,
    g.noteFactor,
    g.noteIntercept,
    g.raterFactor,
    g.raterIntercept,
    g.raterReputation,
    true,
  );
  const f32 = (a: Float64Array): Float32Array => Float32Array.from(a);
  return {
    loss,
    grad: {
      noteFactor: f32(g.noteFactor),
      noteIntercept: f32(g.noteIntercept),
      raterFactor: f32(g.raterFactor),
      raterIntercept: f32(g.raterIntercept),
      raterReputation: f32(g.raterReputation),
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
  const [noteDen, raterDen] = regDenominators(problem, options.rhoNote, options.rhoUser);
  const gNF = tr.noteFactor ? newGroup(params.noteFactor) : null;
  const gNB = tr.noteIntercept ? newGroup(params.noteIntercept) : null;
  const gRF = tr.raterFactor ? newGroup(params.raterFactor) : null;
  const gRB = tr.raterIntercept ? newGroup(params.raterIntercept) : null;
  const gRep = tr.raterReputation ? newGroup(params.raterReputation) : null;
  const groups = [gNF, gNB, gRF, gRB, gRep].filter((g): g is AdamGroup => g !== null);
  const { adamBeta1: b1, adamBeta2: b2, adamEps: eps, learningRate: lr } = DILIGENCE;
  let muM = 0;
  let muV = 0;

  let priorLoss = NaN;
  let loss = NaN;
  let steps = 0;
  for (let epoch = 0; epoch <= maxEpoch; epoch++) {
    const check = epoch % stablePeriod === 0;
    const res = evaluate(
      problem,
      params,
      weights,
      noteDen,
      raterDen,
      gNF && gNF.grad,
      gNB && gNB.grad,
      gRF && gRF.grad,
      gRB && gRB.grad,
      gRep && gRep.grad,
      check || epoch === maxEpoch,
    );
    if (check || epoch === maxEpoch) {
      loss = res.loss;
      if (!Number.isFinite(loss)) throw new Error(`diligence: loss became ${loss} at epoch ${epoch}`);
    }
    if (check) {
      if (!Number.isNaN(priorLoss) && Math.abs(priorLoss - loss) < convergence) break;
      priorLoss = loss;
    }
    steps++;
    for (const g of groups) adamStep(g, steps, lr);
    if (tr.globalIntercept) {
      const gm = res.gMu;
      muM = b1 * muM + (1 - b1) * gm;
      muV = b2 * muV + (1 - b2) * gm * gm;
      const stepSize = lr / (1 - b1 ** steps);
      const denom = Math.sqrt(muV) / Math.sqrt(1 - b2 ** steps) + eps;
      params.globalIntercept = Math.fround(params.globalIntercept - (stepSize * muM) / denom);
    }
  }
  return { loss, steps };
}
