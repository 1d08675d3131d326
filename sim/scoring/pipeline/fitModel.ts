import type { RandomSource } from '../../random/random.ts';
import { flipSigns, xavierFactors } from '../mf/init.ts';
import type { MFEngine, MFFitOptions, MFLambdas, MFParams } from '../mf/types.ts';
import { DEFAULT_FIT_OPTIONS } from '../mf/types.ts';

/** Model parameters keyed by global index: note tables over Dataset.noteIds, rater tables over participants. NaN = absent. */
export interface NoteTable {
  intercept: Float64Array;
  factor: Float64Array;
}
export interface RaterTable {
  intercept: Float64Array;
  factor: Float64Array;
}

export interface FitRequest {
  /** global note / participant index per training rating */
  note: Int32Array;
  rater: Int32Array;
  target: Float32Array;
  weight?: Float32Array;
  nNotesGlobal: number;
  nRatersGlobal: number;
  lambdas: MFLambdas;
  useGlobalIntercept: boolean;
  initLearningRate: number;
  noInitLearningRate: number;
  notesInit?: NoteTable;
  ratersInit?: RaterTable;
  globalInit?: number;
  freezeRaters?: boolean;
  freezeGlobal?: boolean;
  freezeNotes?: boolean;
  ratingPerNoteLossRatio?: number;
  ratingPerUserLossRatio?: number;
  loss?: 'squared' | 'logistic';
  posWeight?: number;
  /** learning rate override (logistic tag model) */
  learningRate?: number;
  /** apply sign normalisation (§6.5) after the fit */
  flipSigns: boolean;
  /** weighted ("normalized") loss variant (§6.6): a second fit with sign-balanced, rater-normalised weights */
  weightedLoss?: boolean;
}

export interface FitOutcome {
  notes: NoteTable;
  raters: RaterTable;
  globalIntercept: number;
  trainError: number;
  epochs: number;
  /** local problem, for callers that reuse the indexing */
  localNotes: Int32Array;
  localRaters: Int32Array;
}

/** Dense local indices in order of first appearance (§6.1). */
export function localIndex(ids: Int32Array, nGlobal: number): { local: Int32Array; globalOf: Int32Array } {
  const map = new Int32Array(nGlobal).fill(-1);
  const local = new Int32Array(ids.length);
  const order: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    let l = map[ids[i]];
    if (l < 0) {
      l = order.length;
      map[ids[i]] = l;
      order.push(ids[i]);
    }
    local[i] = l;
  }
  return { local, globalOf: Int32Array.from(order) };
}

/**
 * Fit one MF model on global-keyed ratings with optional warm-start tables (§6.3, §6.4, §6.5). With `weightedLoss`
 * (§6.6) the fit is followed by a fresh, fully trainable fit with weights from the first fit's rater factors.
 */
export async function fitModel(engine: MFEngine, req: FitRequest, random: RandomSource): Promise<FitOutcome> {
  const first = await fitOnce(engine, req, random);
  if (!req.weightedLoss) return first;
  return fitOnce(
    engine,
    {
      ...req,
      weight: normalizedLossWeights(req.rater, first.raters.factor, req.nRatersGlobal),
      notesInit: undefined,
      globalInit: 0,
      freezeRaters: false,
      freezeGlobal: false,
      freezeNotes: false,
      learningRate: req.initLearningRate,
    },
    random,
  );
}

/** §6.6 weights: balance ratings of positive- and non-positive-factor raters, then scale by (rater weight sum)^-0.25. */
export function normalizedLossWeights(rater: Int32Array, raterFactor: Float64Array, nRaters: number): Float32Array {
  const R = rater.length;
  const w = new Float64Array(R).fill(1);
  let pos = 0;
  for (let i = 0; i < R; i++) if (raterFactor[rater[i]] > 0) pos++;
  const neg = R - pos;
  if (pos > 0 && neg > 0) {
    for (let i = 0; i < R; i++) if (raterFactor[rater[i]] > 0) w[i] *= neg / pos;
    let sum = 0;
    for (let i = 0; i < R; i++) sum += w[i];
    for (let i = 0; i < R; i++) w[i] *= R / sum;
  }
  const perRater = new Float64Array(nRaters);
  for (let i = 0; i < R; i++) perRater[rater[i]] += w[i];
  const out = new Float32Array(R);
  for (let i = 0; i < R; i++) out[i] = w[i] * Math.pow(perRater[rater[i]], -0.25);
  return out;
}

async function fitOnce(engine: MFEngine, req: FitRequest, random: RandomSource): Promise<FitOutcome> {
  const notes = localIndex(req.note, req.nNotesGlobal);
  const raters = localIndex(req.rater, req.nRatersGlobal);
  const nN = notes.globalOf.length;
  const nU = raters.globalOf.length;
  const init: MFParams = {
    noteIntercept: new Float32Array(nN),
    noteFactor: req.notesInit ? new Float32Array(nN) : xavierFactors(nN, random),
    raterIntercept: new Float32Array(nU),
    raterFactor: req.ratersInit ? new Float32Array(nU) : xavierFactors(nU, random),
    globalIntercept: req.globalInit ?? 0,
  };
  if (req.notesInit) fillFrom(req.notesInit, notes.globalOf, init.noteIntercept, init.noteFactor);
  if (req.ratersInit) fillFrom(req.ratersInit, raters.globalOf, init.raterIntercept, init.raterFactor);
  const bothSupplied = req.notesInit !== undefined && req.ratersInit !== undefined;
  const options: MFFitOptions = {
    ...DEFAULT_FIT_OPTIONS,
    lambdas: req.lambdas,
    learningRate: req.learningRate ?? (bothSupplied ? req.initLearningRate : req.noInitLearningRate),
    useGlobalIntercept: req.useGlobalIntercept,
    freezeNotes: req.freezeNotes ?? false,
    freezeRaters: req.freezeRaters ?? false,
    freezeGlobal: req.freezeGlobal ?? false,
    loss: req.loss ?? 'squared',
    posWeight: req.posWeight,
    ratingPerNoteLossRatio: req.ratingPerNoteLossRatio,
    ratingPerUserLossRatio: req.ratingPerUserLossRatio,
  };
  const result = await engine.fit(
    { nNotes: nN, nRaters: nU, note: notes.local, rater: raters.local, target: req.target, weight: req.weight },
    init,
    options,
  );
  const p = result.params;
  if (req.flipSigns) flipSigns(p);
  return {
    notes: scatter(p.noteIntercept, p.noteFactor, notes.globalOf, req.nNotesGlobal),
    raters: scatter(p.raterIntercept, p.raterFactor, raters.globalOf, req.nRatersGlobal),
    globalIntercept: p.globalIntercept,
    trainError: result.trainError,
    epochs: result.epochs,
    localNotes: notes.globalOf,
    localRaters: raters.globalOf,
  };
}

function fillFrom(
  table: NoteTable | RaterTable,
  globalOf: Int32Array,
  intercept: Float32Array,
  factor: Float32Array,
): void {
  for (let l = 0; l < globalOf.length; l++) {
    const g = globalOf[l];
    const b = table.intercept[g];
    const f = table.factor[g];
    intercept[l] = Number.isNaN(b) ? 0 : b;
    factor[l] = Number.isNaN(f) ? 0 : f;
  }
}

function scatter(intercept: Float32Array, factor: Float32Array, globalOf: Int32Array, nGlobal: number): NoteTable {
  const out = { intercept: new Float64Array(nGlobal).fill(NaN), factor: new Float64Array(nGlobal).fill(NaN) };
  for (let l = 0; l < globalOf.length; l++) {
    out.intercept[globalOf[l]] = intercept[l];
    out.factor[globalOf[l]] = factor[l];
  }
  return out;
}

/** An empty (all-NaN) table of n entries. */
export function emptyTable(n: number): NoteTable {
  return { intercept: new Float64Array(n).fill(NaN), factor: new Float64Array(n).fill(NaN) };
}
