import { ratio } from './distribution.ts';

/** Precision and recall at k of truly cross-side posts in a ranking's shown list. */
export interface PrecisionRecallAtK {
  k: number;
  /** posts in the top k (fewer when the ranking shows fewer) */
  shown: number;
  /** of which truly cross-side */
  hits: number;
  /** hits / shown (NaN when nothing is shown) */
  precision: number;
  /** hits / min(k, truly cross-side posts in the universe) (NaN when there are none) */
  recall: number;
}

/**
 * Precision and recall at `k` of `order` (posts best first) against `crossSide` (1 = truly cross-side, by world
 * post index) over the posts of `universe`. Recall divides by min(k, cross-side posts), so a ranking that fills its
 * k places with cross-side posts scores 1.
 *
 * @example precisionRecallAtK(Int32Array.of(2, 0), Uint8Array.of(1, 0, 1), Int32Array.of(0, 1, 2), 2).precision; // 1
 */
export function precisionRecallAtK(
  order: Int32Array,
  crossSide: Uint8Array,
  universe: Int32Array,
  k: number,
): PrecisionRecallAtK {
  const top = order.subarray(0, k);
  let hits = 0;
  for (const i of top) hits += crossSide[i];
  let relevant = 0;
  for (const i of universe) relevant += crossSide[i];
  return { k, shown: top.length, hits, precision: ratio(hits, top.length), recall: ratio(hits, Math.min(k, relevant)) };
}

/** Which sides the shown posts come from. */
export interface SideBalance {
  shown: number;
  /** share of shown posts slanted to the + side (first slant coordinate ≥ 0) */
  plusShare: number;
  /** 1 − |2·plusShare − 1|: 1 when both sides are shown equally, 0 when one side only (NaN when nothing shown) */
  balance: number;
}

/** Side balance of the top `k` of `order` by the posts' first slant coordinate (`slant`, two per post). */
export function sideBalance(order: Int32Array, slant: Float64Array, k: number): SideBalance {
  const top = order.subarray(0, k);
  let plus = 0;
  for (const i of top) if (slant[2 * i] >= 0) plus++;
  const plusShare = ratio(plus, top.length);
  return { shown: top.length, plusShare, balance: 1 - Math.abs(2 * plusShare - 1) };
}

/** How often the dislike veto blocks truly bridging posts. */
export interface VetoBlocks {
  /** truly cross-side posts that pass every other gate (lingers, eligibility) */
  bridging: number;
  /** of which an L or R dislike blocks */
  blocked: number;
  share: number;
}

/**
 * Truly cross-side posts that pass the linger gate (`minLingers` > `lingerGate`) and eligibility, and of those the
 * ones with an L or R dislike (`maxNeg` > 0): what the §12 dislike veto costs. `vetoOn` false counts none blocked.
 */
export function vetoBlocksBridging(
  universe: Int32Array,
  crossSide: Uint8Array,
  post: { minLingers: Int32Array; maxNeg: Int32Array; eligible: Int8Array },
  lingerGate: number,
  vetoOn: boolean,
): VetoBlocks {
  let bridging = 0;
  let blocked = 0;
  for (const i of universe) {
    if (!crossSide[i] || post.minLingers[i] <= lingerGate || post.eligible[i] !== 1) continue;
    bridging++;
    if (vetoOn && post.maxNeg[i] > 0) blocked++;
  }
  return { bridging, blocked, share: ratio(blocked, bridging) };
}
