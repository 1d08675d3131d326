/**
 * The low-diligence ("reputation") model: prescoring in three rounds (scoring-core.md §8.2) and
 * final scoring in two rounds (§8.3), on dense local indices.
 */
import { randomNormal, type RandomSource } from '../../random/random.ts';
import type { MFProblem } from '../mf/types.ts';
import {
  DILIGENCE,
  checkDiligenceProblem,
  diligenceWeights,
  trainDiligenceRound,
  type DiligenceRoundInfo,
  type DiligenceTrainable,
} from './diligenceRound.ts';
import { cloneDiligenceParams, type DiligenceParams } from './diligenceParams.ts';

export { diligenceTargets, DILIGENCE_TAG_MASK } from './diligenceTargets.ts';
export type { DiligenceParams } from './diligenceParams.ts';
export type { DiligenceRoundInfo, DiligenceTrainable } from './diligenceRound.ts';

/** Global intercepts recorded after each prescoring round (lowDiligenceGlobalIntercept). */
export interface DiligenceGlobalIntercepts {
  round1: number;
  round2: number;
  round3: number;
}

/** Prescoring output per local note / rater (§8.2 "Outputs"). */
export interface DiligencePrescoringResult {
  /** lowDiligenceNoteIntercept (after round 3) */
  noteIntercept: Float32Array;
  /** lowDiligenceNoteFactor1 */
  noteFactor: Float32Array;
  /** lowDiligenceNoteInterceptRound2 */
  noteInterceptRound2: Float32Array;
  /** lowDiligenceRaterIntercept (after round 3) */
  raterIntercept: Float32Array;
  /** lowDiligenceRaterFactor1 */
  raterFactor: Float32Array;
  /** lowDiligenceRaterReputation */
  raterReputation: Float32Array;
  /** lowDiligenceRaterInterceptRound2 */
  raterInterceptRound2: Float32Array;
  globalIntercept: DiligenceGlobalIntercepts;
  rounds: DiligenceRoundInfo[];
}

/** Called after each round with a snapshot of the parameters (for tests, progress, dashboards). */
export type DiligenceRoundObserver = (round: number, params: DiligenceParams, info: DiligenceRoundInfo) => void;

export interface DiligenceFitOptions {
  onRound?: DiligenceRoundObserver;
}

const ALL: DiligenceTrainable = {
  noteFactor: true,
  noteIntercept: true,
  raterFactor: true,
  raterIntercept: true,
  raterReputation: true,
  globalIntercept: true,
};

type NumericColumn = Float32Array | Float64Array;

function checkLength(name: string, column: NumericColumn, n: number): void {
  if (column.length !== n) throw new Error(`diligence: ${name} has length ${column.length}, expected ${n}`);
}

/** Copy a supplied column into float32, NaN (missing) becoming `fill`. */
function supplied(name: string, column: NumericColumn, n: number, fill: number): Float32Array {
  checkLength(name, column, n);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v === Infinity || v === -Infinity) throw new Error(`diligence: ${name}[${i}] is infinite`);
    out[i] = Number.isNaN(v) ? fill : v;
  }
  return out;
}

/**
 * Prescoring fit (§8.2) on `problem` (targets from `diligenceTargets`, local indices).
 *
 * `raterFactorInit` (length nRaters) seeds the rater factors (the helpfulness model's final-round
 * rater factors; NaN = not supplied, which becomes 0 as in the reference's warm start); pass
 * `undefined` to draw them at random too. Note factors, note intercepts and rater intercepts are
 * N(0, 1) draws from `random` (PyTorch's embedding default), drawn in the order note factors,
 * rater factors, note intercepts, rater intercepts, each in ascending local index; reputation
 * starts at 1, the global intercept at 0.
 *
 * Round 1: all but reputation, posWeight 100. Round 2: all but note intercepts. Round 3: note and
 * rater intercepts and mu only, posWeight 500, reputation weighting, note normalisation -0.5.
 *
 * @example const pre = fitDiligencePrescoring(problem, helpfulnessRaterFactors, randomSeeded(42));
 */
export function fitDiligencePrescoring(
  problem: MFProblem,
  raterFactorInit: NumericColumn | undefined,
  random: RandomSource,
  options: DiligenceFitOptions = {},
): DiligencePrescoringResult {
  checkDiligenceProblem(problem);
  const { nNotes, nRaters } = problem;
  const draw = (n: number): Float32Array => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = randomNormal(random);
    return a;
  };
  const noteFactor = draw(nNotes);
  const drawnRaterFactor = draw(nRaters);
  const params: DiligenceParams = {
    noteFactor,
    raterFactor:
      raterFactorInit === undefined ? drawnRaterFactor : supplied('raterFactorInit', raterFactorInit, nRaters, 0),
    noteIntercept: draw(nNotes),
    raterIntercept: draw(nRaters),
    raterReputation: new Float32Array(nRaters).fill(1),
    globalIntercept: 0,
  };
  const rounds: DiligenceRoundInfo[] = [];
  const run = (trainable: DiligenceTrainable, weights: Float64Array): void => {
    const info = trainDiligenceRound(problem, params, weights, { trainable });
    rounds.push(info);
    options.onRound?.(rounds.length, cloneDiligenceParams(params), info);
  };

  const plainWeights = diligenceWeights(problem, DILIGENCE.posWeight, undefined, 0);
  run({ ...ALL, raterReputation: false }, plainWeights);
  const round1 = params.globalIntercept;

  run({ ...ALL, noteIntercept: false }, plainWeights);
  const round2 = params.globalIntercept;
  const noteInterceptRound2 = params.noteIntercept.slice();
  const raterInterceptRound2 = params.raterIntercept.slice();

  const round3Weights = diligenceWeights(
    problem,
    DILIGENCE.posWeightThirdRound,
    params.raterReputation,
    DILIGENCE.noteNormExp,
  );
  run({ ...ALL, noteFactor: false, raterFactor: false, raterReputation: false }, round3Weights);
  const round3 = params.globalIntercept;

  return {
    noteIntercept: params.noteIntercept,
    noteFactor: params.noteFactor,
    noteInterceptRound2,
    raterIntercept: params.raterIntercept,
    raterFactor: params.raterFactor,
    raterReputation: params.raterReputation,
    raterInterceptRound2,
    globalIntercept: { round1, round2, round3 },
    rounds,
  };
}

/**
 * Prescoring values mapped to the final problem's local indices; NaN = the note / rater was not
 * in prescoring (becomes 0, and reputation 0, per §8.3).
 */
export interface DiligenceFinalState {
  noteFactor: NumericColumn;
  noteInterceptRound2: NumericColumn;
  raterFactor: NumericColumn;
  raterReputation: NumericColumn;
  raterInterceptRound2: NumericColumn;
  /** final (round-3) prescoring rater intercepts */
  raterIntercept: NumericColumn;
  /** only round2 and round3 are used */
  globalIntercept: DiligenceGlobalIntercepts;
}

/** Final-scoring output per local note. */
export interface DiligenceFinalResult {
  /** lowDiligenceNoteIntercept, compared with the FilterLowDiligence threshold */
  noteIntercept: Float32Array;
  /** lowDiligenceNoteFactor1 */
  noteFactor: Float32Array;
  rounds: DiligenceRoundInfo[];
}

const NONE: DiligenceTrainable = {
  noteFactor: false,
  noteIntercept: false,
  raterFactor: false,
  raterIntercept: false,
  raterReputation: false,
  globalIntercept: false,
};

/**
 * Final-scoring fit (§8.3) on a scorer's final-round ratings. `rhoNote` / `rhoUser` are
 * finalRoundNumRatings / finalRoundNumNotes and / finalRoundNumUsers from prescoring (undefined =
 * mean-form regulariser).
 *
 * Round 1: start from the round-2 note and rater intercepts and mu = round2; train only note
 * factors (posWeight 100). Round 2: mu = round3, rater intercepts = final prescoring values; train
 * only note intercepts (posWeight 500, reputation weighting, note normalisation -0.5).
 *
 * @example const { noteIntercept } = fitDiligenceFinal(problem, state, R / nNotes, R / nUsers);
 */
export function fitDiligenceFinal(
  problem: MFProblem,
  state: DiligenceFinalState,
  rhoNote?: number,
  rhoUser?: number,
  options: DiligenceFitOptions = {},
): DiligenceFinalResult {
  checkDiligenceProblem(problem);
  for (const [name, rho] of [
    ['rhoNote', rhoNote],
    ['rhoUser', rhoUser],
  ] as const) {
    if (rho !== undefined && !(rho > 0 && Number.isFinite(rho))) throw new Error(`diligence: ${name} = ${rho}`);
  }
  const { nNotes, nRaters } = problem;
  const { round2, round3 } = state.globalIntercept;
  if (!Number.isFinite(round2) || !Number.isFinite(round3)) {
    throw new Error(`diligence: prescoring global intercepts missing (${round2}, ${round3})`);
  }
  const params: DiligenceParams = {
    noteFactor: supplied('noteFactor', state.noteFactor, nNotes, 0),
    noteIntercept: supplied('noteInterceptRound2', state.noteInterceptRound2, nNotes, 0),
    raterFactor: supplied('raterFactor', state.raterFactor, nRaters, 0),
    raterIntercept: supplied('raterInterceptRound2', state.raterInterceptRound2, nRaters, 0),
    raterReputation: supplied('raterReputation', state.raterReputation, nRaters, 0),
    globalIntercept: Math.fround(round2),
  };
  const finalRaterIntercept = supplied('raterIntercept', state.raterIntercept, nRaters, 0);
  const rounds: DiligenceRoundInfo[] = [];
  const run = (trainable: DiligenceTrainable, weights: Float64Array): void => {
    const info = trainDiligenceRound(problem, params, weights, { trainable, rhoNote, rhoUser });
    rounds.push(info);
    options.onRound?.(rounds.length, cloneDiligenceParams(params), info);
  };

  run({ ...NONE, noteFactor: true }, diligenceWeights(problem, DILIGENCE.posWeight, undefined, 0));

  params.globalIntercept = Math.fround(round3);
  params.raterIntercept = finalRaterIntercept;
  const weights = diligenceWeights(
    problem,
    DILIGENCE.posWeightThirdRound,
    params.raterReputation,
    DILIGENCE.noteNormExp,
  );
  run({ ...NONE, noteIntercept: true }, weights);

  return { noteIntercept: params.noteIntercept, noteFactor: params.noteFactor, rounds };
}
