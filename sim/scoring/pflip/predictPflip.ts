import { CLASS_NULL } from '../../data/tables.ts';
import { CRH } from '../noteStatus.ts';
import { encodeRows } from './featureEncoder.ts';
import { decisionScores } from './l1Logistic.ts';
import { PFLIP_CRH, PFLIP_FLIP, type PflipInput, type PflipModel, type PflipPrediction } from './pflipTypes.ts';
import { featureContext, rawFeatureRows } from './rawFeatures.ts';

const DAY = 24 * 3600 * 1000;

/**
 * Which notes get a flip prediction in a run (scoring-robustness.md §10.1), per entry of `notes`: the previous
 * history shows the note in stabilization (`timestampMillisOfNmrDueToMinStableCrhTime` > 0), or its current status
 * is CRH with its first or most recent non-NMR status less than 24 hours before `now`. Notes without a post or a
 * classification cannot be featurised and are excluded. Returns 1 / 0 per entry.
 */
export function pflipTargets(input: PflipInput, notes: Int32Array): Uint8Array {
  const { statusHistory: h, info, now } = input;
  const wanted = new Uint8Array(info.size);
  for (let i = 0; i < h.length; i++) {
    const n = h.note[i];
    if (n < 0 || n >= info.size)
      throw new Error(`pflip: status history row ${i} has note index ${n}, outside [0, ${info.size})`);
    const inStabilization = h.timestampMillisOfNmrDueToMinStableCrhTime[i] > 0;
    const recentCrh =
      h.currentStatus[i] === CRH &&
      (now - h.timestampMillisOfFirstNonNMRStatus[i] <= DAY || now - h.timestampMillisOfLatestNonNMRStatus[i] <= DAY);
    if (inStabilization || recentCrh) wanted[n] = 1;
  }
  return Uint8Array.from(notes, (n) => {
    if (n < 0 || n >= info.size) throw new Error(`pflip: note index ${n} outside [0, ${info.size})`);
    const tweet = info.tweetId[n];
    const hasPost = tweet !== null && /^\d+$/.test(tweet) && tweet !== '0';
    return wanted[n] === 1 && hasPost && info.classification[n] !== CLASS_NULL ? 1 : 0;
  });
}

/**
 * Flip predictions for the notes of `universe` (e.g. RunContext.universe, the note Frame's rows): for target notes
 * (`pflipTargets`) features as of `input.now` from all their ratings and their post's peer notes, label FLIP iff
 * the decision score exceeds the model's threshold, proba = sigmoid(score); other notes get null / NaN.
 *
 * @example const p = predictPflip(model, input, ctx.universe); frame.set('pflipLabel', p.label); frame.set('pflipProba', p.proba);
 */
export function predictPflip(model: PflipModel, input: PflipInput, universe: Int32Array): PflipPrediction {
  const targets = pflipTargets(input, universe);
  const rows: number[] = [];
  for (let k = 0; k < universe.length; k++) if (targets[k]) rows.push(k);
  const label = new Array<string | null>(universe.length).fill(null);
  const proba = new Float64Array(universe.length).fill(NaN);
  if (rows.length > 0) {
    const ctx = featureContext(input);
    const notes = Int32Array.from(rows, (k) => universe[k]);
    const raw = rawFeatureRows(ctx, notes, null, new Float64Array(notes.length).fill(input.now));
    const scores = decisionScores(model.weights, model.intercept, encodeRows(model.encoder, raw));
    rows.forEach((k, r) => {
      label[k] = scores[r] > model.threshold ? PFLIP_FLIP : PFLIP_CRH;
      proba[k] = 1 / (1 + Math.exp(-scores[r]));
    });
  }
  return { label, proba, predicted: rows.length };
}
