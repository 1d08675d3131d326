import { deriveSeed, randomSeeded } from '../../random/random.ts';
import { encodeRows, fitFeatureEncoder } from './featureEncoder.ts';
import { ratesAt, rocAuc, selectFlipThreshold } from './flipThreshold.ts';
import { decisionScores, fitL1Logistic, toColumns } from './l1Logistic.ts';
import { pflipLabels } from './pflipLabels.ts';
import type { FeatureEncoder, PflipFallback, PflipInput, PflipModel, PflipOptions } from './pflipTypes.ts';
import { featureContext, rawFeatureRows } from './rawFeatures.ts';
import { trainingRows } from './trainingRows.ts';

/** The reference's settings (scoring-robustness.md §10.2). */
export const PFLIP_DEFAULTS: Required<PflipOptions> = {
  seed: 0,
  C: 0.04,
  crhFpRate: 0.6,
  trainFraction: 0.9,
  minLabelledNotes: 50,
  minNotesPerClass: 10,
  minTweetId: '1825679568688054351',
  ratingRecencyCutoffMinutes: 15,
  maxEpochs: 2500,
  tol: 1e-4,
};

/**
 * Trains the flip predictor (scoring-robustness.md §10.2) on the labelled notes of the status history: each labelled
 * note gives two rows, features as of its earlier and later cutoff; a seeded 90/10 split by note; an L1 logistic
 * regression (C = 0.04, FLIP positive); the threshold whose training false-positive rate is closest to 0.6.
 *
 * Returns `{ fallback }` instead of a model when the history is too small to learn from: fewer than
 * `minLabelledNotes` (50) labelled notes, fewer than `minNotesPerClass` (10) of either class, a training split
 * without both classes, or a degenerate fit (every feature weight zero: all notes would score alike). The reference
 * then predicts "will not flip" for every note (see the conformance README); `pflipFallback` of the meta stage does
 * the same.
 *
 * @example const m = trainPflipModel({ ratings, info, statusHistory, raterFactor, now }, { seed: 42 });
 *          if (!('fallback' in m)) predictPflip(m, input, universe);
 */
export function trainPflipModel(input: PflipInput, options: PflipOptions = {}): PflipModel | PflipFallback {
  const o = { ...PFLIP_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  checkOptions(o);
  const ctx = featureContext(input);
  const labels = pflipLabels(input.statusHistory, input.info.size);
  const rows = trainingRows(ctx, labels, o.minTweetId, o.ratingRecencyCutoffMinutes * 60_000);
  const nNotes = rows.notes.length;
  let flipNotes = 0;
  for (let k = 0; k < nNotes; k++) flipNotes += rows.labels[k];
  const crhNotes = nNotes - flipNotes;
  const fallback = (reason: string): PflipFallback => ({
    fallback: reason,
    labelledNotes: nNotes,
    crhNotes,
    flipNotes,
  });
  if (nNotes < o.minLabelledNotes) {
    return fallback(
      `too little labelled history: ${nNotes} labelled notes (CRH ${crhNotes}, FLIP ${flipNotes}), need ${o.minLabelledNotes}`,
    );
  }
  if (crhNotes < o.minNotesPerClass || flipNotes < o.minNotesPerClass) {
    return fallback(
      `too few labelled notes of one class: CRH ${crhNotes}, FLIP ${flipNotes}, need ${o.minNotesPerClass} of each`,
    );
  }

  // Row 2k is note k at its earlier cutoff, row 2k + 1 at its later one.
  const rowNotes = new Int32Array(2 * nNotes);
  const cutoffs = new Float64Array(2 * nNotes);
  const y = new Uint8Array(2 * nNotes);
  for (let k = 0; k < nNotes; k++) {
    rowNotes[2 * k] = rowNotes[2 * k + 1] = rows.notes[k];
    cutoffs[2 * k] = rows.early[k];
    cutoffs[2 * k + 1] = rows.late[k];
    y[2 * k] = y[2 * k + 1] = rows.labels[k];
  }
  const raw = rawFeatureRows(ctx, rowNotes, cutoffs, cutoffs);

  const { train, validation } = splitByNote(nNotes, o.trainFraction, o.seed);
  const trainRows = expandRows(train);
  const validationRows = expandRows(validation);
  const yTrain = Uint8Array.from(trainRows, (r) => y[r]);
  const trainFlips = yTrain.reduce((a, v) => a + v, 0);
  if (trainFlips === 0 || trainFlips === yTrain.length) return fallback('the training split holds a single class');

  const encoder = fitFeatureEncoder(raw, trainRows);
  const xTrain = encodeRows(encoder, raw, trainRows);
  const fit = fitL1Logistic(toColumns(xTrain), yTrain, { C: o.C, maxEpochs: o.maxEpochs, tol: o.tol });
  let nonZero = 0;
  for (let j = 0; j < fit.weights.length; j++) {
    if (!Number.isFinite(fit.weights[j])) return fallback(`degenerate fit: weight ${j} is ${fit.weights[j]}`);
    if (fit.weights[j] !== 0) nonZero++;
  }
  if (nonZero === 0) {
    return fallback(
      `degenerate fit: every one of ${encoder.nFeatures} feature weights is zero at C = ${o.C}, all notes would score alike`,
    );
  }

  const trainScores = decisionScores(fit.weights, fit.intercept, xTrain);
  const choice = selectFlipThreshold(trainScores, yTrain, o.crhFpRate);
  const yValidation = Uint8Array.from(validationRows, (r) => y[r]);
  const validationScores = decisionScores(fit.weights, fit.intercept, encodeRows(encoder, raw, validationRows));
  const validationRates = ratesAt(validationScores, yValidation, choice.threshold);
  const compact = keepNonZero(encoder, fit.weights);
  return {
    encoder: compact.encoder,
    weights: compact.weights,
    intercept: fit.intercept,
    threshold: choice.threshold,
    stats: {
      labelledNotes: nNotes,
      crhNotes,
      flipNotes,
      trainRows: trainRows.length,
      validationRows: validationRows.length,
      features: encoder.nFeatures,
      nonZeroWeights: nonZero,
      epochs: fit.epochs,
      converged: fit.converged,
      trainAuc: rocAuc(trainScores, yTrain),
      trainTpr: choice.tpr,
      trainFpr: choice.fpr,
      validationAuc: rocAuc(validationScores, yValidation),
      validationTpr: validationRates.tpr,
      validationFpr: validationRates.fpr,
    },
  };
}

/** Seeded shuffle of note positions 0..n−1; the first floor(fraction·n) train, the rest validate (both ascending). */
function splitByNote(n: number, fraction: number, seed: number): { train: Int32Array; validation: Int32Array } {
  const random = randomSeeded(deriveSeed(seed, 'pflip-split'));
  const order = Int32Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
  const nTrain = Math.floor(fraction * n);
  return { train: order.slice(0, nTrain).sort(), validation: order.slice(nTrain).sort() };
}

const expandRows = (notes: Int32Array): Int32Array => {
  const out = new Int32Array(2 * notes.length);
  notes.forEach((k, i) => {
    out[2 * i] = 2 * k;
    out[2 * i + 1] = 2 * k + 1;
  });
  return out;
};

/** Drops zero-weight features from the vocabulary so the model carries only what prediction needs. */
function keepNonZero(
  encoder: FeatureEncoder,
  weights: Float64Array,
): { encoder: FeatureEncoder; weights: Float64Array } {
  const index = new Map<number, number>();
  const kept: number[] = [];
  for (const [key, f] of encoder.index) {
    if (weights[f] === 0) continue;
    index.set(key, kept.length);
    kept.push(weights[f]);
  }
  return { encoder: { ...encoder, index, nFeatures: kept.length }, weights: Float64Array.from(kept) };
}

function checkOptions(o: Required<PflipOptions>): void {
  const bad = (name: string, v: unknown, want: string) =>
    new Error(`trainPflipModel: option ${name} must be ${want}, got ${String(v)}`);
  if (!(o.C > 0) || !Number.isFinite(o.C)) throw bad('C', o.C, 'a positive number');
  if (!(o.crhFpRate >= 0 && o.crhFpRate <= 1)) throw bad('crhFpRate', o.crhFpRate, 'in [0, 1]');
  if (!(o.trainFraction > 0 && o.trainFraction <= 1)) throw bad('trainFraction', o.trainFraction, 'in (0, 1]');
  if (!/^-?\d+$/.test(o.minTweetId)) throw bad('minTweetId', o.minTweetId, 'a decimal integer string');
  if (!(o.ratingRecencyCutoffMinutes >= 0))
    throw bad('ratingRecencyCutoffMinutes', o.ratingRecencyCutoffMinutes, '≥ 0');
  if (!Number.isInteger(o.maxEpochs) || o.maxEpochs < 1) throw bad('maxEpochs', o.maxEpochs, 'a positive integer');
  if (!(o.tol > 0)) throw bad('tol', o.tol, 'a positive number');
  if (!Number.isInteger(o.seed)) throw bad('seed', o.seed, 'an integer');
}
