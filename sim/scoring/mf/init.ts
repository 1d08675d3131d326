/**
 * Initial parameters for a matrix-factorization fit (scoring-core.md §6.3) and the sign
 * normalisation applied after prescoring fits (§6.5).
 */
import type { RandomSource } from '../../random/random.ts';
import type { MFParams } from './types.ts';

/**
 * Xavier-uniform factors for an (n × 1) embedding: each value ~ U(−a, a) with a = sqrt(6 / (n + 1)).
 * Takes the count and a seeded source; returns a new Float32Array of length n.
 *
 * @example xavierFactors(3, randomSeeded(1)) // Float32Array [0.47, -1.03, 0.88] (values in ±sqrt(6/4))
 */
export function xavierFactors(n: number, random: RandomSource): Float32Array {
  checkCount(n, 'xavierFactors: n');
  const a = Math.sqrt(6 / (n + 1));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * random() - 1) * a;
  return out;
}

/** All-zero parameters for `nNotes` notes and `nRaters` raters (global intercept 0). */
export function zeroParams(nNotes: number, nRaters: number): MFParams {
  checkCount(nNotes, 'zeroParams: nNotes');
  checkCount(nRaters, 'zeroParams: nRaters');
  return {
    noteIntercept: new Float32Array(nNotes),
    noteFactor: new Float32Array(nNotes),
    raterIntercept: new Float32Array(nRaters),
    raterFactor: new Float32Array(nRaters),
    globalIntercept: 0,
  };
}

/** A deep copy of `params` (new typed arrays). */
export function copyParams(params: MFParams): MFParams {
  return {
    noteIntercept: params.noteIntercept.slice(),
    noteFactor: params.noteFactor.slice(),
    raterIntercept: params.raterIntercept.slice(),
    raterFactor: params.raterFactor.slice(),
    globalIntercept: params.globalIntercept,
  };
}

/**
 * Sign normalisation (§6.5), in place: among raters with a non-NaN factor, p = #(f < 0) / #(f ≠ 0);
 * when p < 0.5 every note and rater factor is negated. Returns whether it flipped.
 * With no non-zero rater factor p is undefined and nothing flips (the reference would abort there).
 */
export function flipSigns(params: MFParams): boolean {
  let negative = 0;
  let nonZero = 0;
  const rf = params.raterFactor;
  for (let i = 0; i < rf.length; i++) {
    const f = rf[i];
    if (f < 0) negative++;
    if (f !== 0 && !Number.isNaN(f)) nonZero++;
  }
  if (nonZero === 0 || negative / nonZero >= 0.5) return false;
  negate(rf);
  negate(params.noteFactor);
  return true;
}

/** Initial values keyed by global id (note or participant index); NaN or out of range = absent. */
export interface InitTable {
  intercept: ArrayLike<number>;
  factor: ArrayLike<number>;
}

export interface WarmStartInput {
  /** Global id of each local note (local index = position). */
  noteGlobal: ArrayLike<number>;
  /** Global id of each local rater. */
  raterGlobal: ArrayLike<number>;
  /** Note table; when absent notes get Xavier factors and zero intercepts. */
  notes?: InitTable;
  /** Rater table; when absent raters get Xavier factors and zero intercepts. */
  raters?: InitTable;
  /** Overrides the global intercept (else 0). */
  globalIntercept?: number;
  /** Needed when a table is absent. Rater factors are drawn before note factors (the reference's order). */
  random?: RandomSource;
}

/**
 * Build the initial MFParams of a fit (§6.3): groups with a supplied table are joined on global id,
 * ids missing from the table get intercept 0 **and factor 0**; groups without a table start from
 * Xavier factors and zero intercepts.
 *
 * @example warmStart({ noteGlobal, raterGlobal, notes: prescoredNotes, raters: prescoredRaters, globalIntercept: 0.1 })
 */
export function warmStart(input: WarmStartInput): MFParams {
  const nNotes = input.noteGlobal.length;
  const nRaters = input.raterGlobal.length;
  const needsRandom = input.notes === undefined || input.raters === undefined;
  if (needsRandom && input.random === undefined) {
    throw new Error('warmStart: a random source is required when the note or rater table is absent (Xavier init)');
  }
  if (input.globalIntercept !== undefined && !Number.isFinite(input.globalIntercept)) {
    throw new Error(`warmStart: globalIntercept must be finite, got ${input.globalIntercept}`);
  }
  const params = zeroParams(nNotes, nRaters);
  const random = input.random as RandomSource;
  if (input.raters === undefined) params.raterFactor = xavierFactors(nRaters, random);
  if (input.notes === undefined) params.noteFactor = xavierFactors(nNotes, random);
  if (input.notes !== undefined) join(input.notes, input.noteGlobal, params.noteIntercept, params.noteFactor, 'notes');
  if (input.raters !== undefined)
    join(input.raters, input.raterGlobal, params.raterIntercept, params.raterFactor, 'raters');
  params.globalIntercept = input.globalIntercept ?? 0;
  return params;
}

function join(
  table: InitTable,
  globalOf: ArrayLike<number>,
  intercept: Float32Array,
  factor: Float32Array,
  what: string,
): void {
  if (table.intercept.length !== table.factor.length) {
    throw new Error(
      `warmStart: ${what} table has ${table.intercept.length} intercepts but ${table.factor.length} factors`,
    );
  }
  const size = table.intercept.length;
  for (let l = 0; l < globalOf.length; l++) {
    const g = globalOf[l];
    if (!Number.isInteger(g) || g < 0)
      throw new Error(`warmStart: ${what} global id at local index ${l} is ${g}, not a non-negative integer`);
    if (g >= size) continue;
    const b = table.intercept[g];
    const f = table.factor[g];
    if (b === Infinity || b === -Infinity || f === Infinity || f === -Infinity) {
      throw new Error(`warmStart: ${what} table holds an infinite value at global id ${g}`);
    }
    intercept[l] = Number.isNaN(b) ? 0 : b;
    factor[l] = Number.isNaN(f) ? 0 : f;
  }
}

function negate(a: Float32Array): void {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) a[i] = -a[i];
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer, got ${n}`);
}
