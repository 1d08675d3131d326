/**
 * Input checks shared by every MF engine: a bad problem, init or option fails here with a message
 * naming what is wrong, before any engine touches it.
 */
import type { MFFitOptions, MFParams, MFProblem } from './types.ts';

/**
 * Throws an Error naming the first inconsistency among `problem`, `init` and `options`
 * (lengths, index ranges, non-finite numbers, option ranges). Returns nothing. O(ratings).
 */
export function validateFit(problem: MFProblem, init: MFParams, options: MFFitOptions): void {
  const { nNotes, nRaters, note, rater, target, weight } = problem;
  checkCount(nNotes, 'problem.nNotes');
  checkCount(nRaters, 'problem.nRaters');
  const r = note.length;
  if (r === 0) throw new Error('MF fit: the problem has no ratings');
  if (rater.length !== r) throw new Error(`MF fit: problem.rater has ${rater.length} rows, problem.note has ${r}`);
  if (target.length !== r) throw new Error(`MF fit: problem.target has ${target.length} rows, problem.note has ${r}`);
  if (weight !== undefined && weight.length !== r) {
    throw new Error(`MF fit: problem.weight has ${weight.length} rows, problem.note has ${r}`);
  }
  const logistic = options.loss === 'logistic';
  for (let i = 0; i < r; i++) {
    const n = note[i];
    const u = rater[i];
    const y = target[i];
    if (n < 0 || n >= nNotes) throw new Error(`MF fit: rating ${i} has note index ${n}, outside 0..${nNotes - 1}`);
    if (u < 0 || u >= nRaters) throw new Error(`MF fit: rating ${i} has rater index ${u}, outside 0..${nRaters - 1}`);
    if (!Number.isFinite(y)) throw new Error(`MF fit: rating ${i} has a non-finite target (${y})`);
    if (logistic && (y < 0 || y > 1))
      throw new Error(`MF fit: rating ${i} has target ${y}; the logistic loss needs 0..1`);
  }
  if (weight !== undefined) {
    for (let i = 0; i < r; i++) {
      const w = weight[i];
      if (!(w >= 0) || w === Infinity)
        throw new Error(`MF fit: rating ${i} has weight ${w}; weights must be finite and >= 0`);
    }
  }
  checkVector(init.noteIntercept, nNotes, 'init.noteIntercept');
  checkVector(init.noteFactor, nNotes, 'init.noteFactor');
  checkVector(init.raterIntercept, nRaters, 'init.raterIntercept');
  checkVector(init.raterFactor, nRaters, 'init.raterFactor');
  if (!Number.isFinite(init.globalIntercept))
    throw new Error(`MF fit: init.globalIntercept is ${init.globalIntercept}`);
  validateOptions(options);
}

/** Throws when an option is out of range (learning rate, lambdas, ratios, convergence, caps, loss). */
export function validateOptions(options: MFFitOptions): void {
  positive(options.learningRate, 'options.learningRate');
  for (const [name, value] of Object.entries(options.lambdas)) {
    if (!(Number.isFinite(value) && value >= 0))
      throw new Error(`MF fit: options.lambdas.${name} must be finite and >= 0, got ${value}`);
  }
  if (options.loss !== 'squared' && options.loss !== 'logistic') {
    throw new Error(`MF fit: options.loss must be 'squared' or 'logistic', got ${String(options.loss)}`);
  }
  if (options.posWeight !== undefined) {
    if (options.loss !== 'logistic') throw new Error('MF fit: options.posWeight is only valid with the logistic loss');
    positive(options.posWeight, 'options.posWeight');
  }
  if (options.ratingPerNoteLossRatio !== undefined)
    positive(options.ratingPerNoteLossRatio, 'options.ratingPerNoteLossRatio');
  if (options.ratingPerUserLossRatio !== undefined)
    positive(options.ratingPerUserLossRatio, 'options.ratingPerUserLossRatio');
  if (!(options.convergence >= 0 && Number.isFinite(options.convergence))) {
    throw new Error(`MF fit: options.convergence must be finite and >= 0, got ${options.convergence}`);
  }
  if (!(Number.isInteger(options.maxEpochs) && options.maxEpochs >= 0)) {
    throw new Error(`MF fit: options.maxEpochs must be a non-negative integer, got ${options.maxEpochs}`);
  }
  if (!(options.clipNorm > 0))
    throw new Error(`MF fit: options.clipNorm must be > 0 (Infinity disables clipping), got ${options.clipNorm}`);
}

function checkVector(a: Float32Array, n: number, what: string): void {
  if (!(a instanceof Float32Array)) throw new Error(`MF fit: ${what} must be a Float32Array`);
  if (a.length !== n) throw new Error(`MF fit: ${what} has length ${a.length}, expected ${n}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i])) throw new Error(`MF fit: ${what}[${i}] is ${a[i]}`);
}

function checkCount(n: number, what: string): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`MF fit: ${what} must be a non-negative integer, got ${n}`);
}

function positive(x: number, what: string): void {
  if (!(Number.isFinite(x) && x > 0)) throw new Error(`MF fit: ${what} must be finite and > 0, got ${x}`);
}
