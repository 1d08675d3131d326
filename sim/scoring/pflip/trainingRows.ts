import { CLASS_NULL } from '../../data/tables.ts';
import { LABEL_FLIP, LABEL_NONE } from './pflipLabels.ts';
import { idGreater } from './postTime.ts';
import type { FeatureContext } from './rawFeatures.ts';

/** Labelled notes of the training population and the two feature cutoffs of each. */
export interface TrainingRows {
  /** labelled notes (ascending global note index) */
  notes: Int32Array;
  /** per note: 1 = FLIP, 0 = CRH */
  labels: Uint8Array;
  /** per note: the earlier and later cutoff (ms) */
  early: Float64Array;
  late: Float64Array;
}

/**
 * The training population of scoring-robustness.md §10.2: labelled notes on a post with id > `minTweetId`, with a
 * classification, with at least one rating, and with a status event (first stabilization entry, or a first
 * non-NMR status of CRH) to anchor the cutoffs. Cutoffs: the earlier / later of (first stabilization entry, first
 * non-NMR status time) minus `recencyMs`, but never before the note's 5th rating (its last, when fewer).
 * Labelled notes without an anchoring event (e.g. locked CRH after a first CRNH status) are left out.
 */
export function trainingRows(
  ctx: FeatureContext,
  labels: Int8Array,
  minTweetId: string,
  recencyMs: number,
): TrainingRows {
  const { info, ratings } = ctx.input;
  const { start, rows } = ctx.byNote;
  const notes: number[] = [];
  const y: number[] = [];
  const early: number[] = [];
  const late: number[] = [];
  for (let n = 0; n < info.size; n++) {
    if (labels[n] === LABEL_NONE) continue;
    const tweet = info.tweetId[n];
    if (tweet === null || Number.isNaN(ctx.postTime[n]) || !idGreater(tweet, minTweetId)) continue;
    if (info.classification[n] === CLASS_NULL) continue;
    const count = start[n + 1] - start[n];
    if (count === 0) continue;
    const anchored = !Number.isNaN(ctx.firstStabilization[n]) || ctx.firstNonNmrCrh[n] === 1;
    if (!anchored) continue;
    const events = [ctx.firstStabilization[n], ctx.firstNonNmrTime[n]].filter((t) => !Number.isNaN(t));
    if (events.length === 0) continue;
    const floor = ratings.createdAt[rows[start[n] + Math.min(4, count - 1)]];
    const cut = (t: number) => (Number.isNaN(floor) ? t - recencyMs : Math.max(t - recencyMs, floor));
    notes.push(n);
    y.push(labels[n] === LABEL_FLIP ? 1 : 0);
    early.push(cut(Math.min(...events)));
    late.push(cut(Math.max(...events)));
  }
  return {
    notes: Int32Array.from(notes),
    labels: Uint8Array.from(y),
    early: Float64Array.from(early),
    late: Float64Array.from(late),
  };
}
