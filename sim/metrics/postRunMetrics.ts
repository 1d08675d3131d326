import type { PostRunSnapshot } from '../engine/postTimeline.ts';
import type { RankedPosts } from '../posts/rankings/postRanking.ts';
import {
  precisionRecallAtK,
  sideBalance,
  vetoBlocksBridging,
  type PrecisionRecallAtK,
  type SideBalance,
  type VetoBlocks,
} from './postRankingMetrics.ts';

/** One ranking's quality against the truth after one run. */
export interface PostRankingMetrics {
  /** posts the ranking shows (before the top-k cut) */
  shown: number;
  atK: PrecisionRecallAtK;
  sides: SideBalance;
}

/** The post metrics of one scoring run. */
export interface PostRunMetrics {
  time: number;
  /** posts in the scored output, candidates, active */
  scored: number;
  candidates: number;
  active: number;
  /** truly cross-side posts among the scored ones */
  crossSide: number;
  rankings: Record<string, PostRankingMetrics>;
  veto: VetoBlocks;
}

/** The truth and settings the post metrics need. */
export interface PostTruth {
  crossSide: Uint8Array;
  /** two coordinates per post */
  slant: Float64Array;
  k: number;
  /** §12 linger gate (minLingers must exceed it) and whether the dislike veto is on */
  lingerGate: number;
  vetoOn: boolean;
}

/**
 * Metrics of one post scoring run: per ranking precision and recall at k of truly cross-side posts and the side
 * balance of its top k; how often the dislike veto blocks truly bridging posts.
 */
export function postRunMetrics(
  snap: PostRunSnapshot,
  universe: Int32Array,
  ranked: Record<string, RankedPosts>,
  truth: PostTruth,
): PostRunMetrics {
  let active = 0;
  let crossSide = 0;
  for (const i of universe) {
    active += snap.active[i];
    crossSide += truth.crossSide[i];
  }
  const rankings: Record<string, PostRankingMetrics> = {};
  for (const [name, r] of Object.entries(ranked)) {
    rankings[name] = {
      shown: r.order.length,
      atK: precisionRecallAtK(r.order, truth.crossSide, universe, truth.k),
      sides: sideBalance(r.order, truth.slant, truth.k),
    };
  }
  return {
    time: snap.time,
    scored: universe.length,
    candidates: snap.candidates,
    active,
    crossSide,
    rankings,
    veto: vetoBlocksBridging(
      universe,
      truth.crossSide,
      { minLingers: snap.minLingers, maxNeg: snap.maxNeg, eligible: snap.eligible },
      truth.lingerGate,
      truth.vetoOn,
    ),
  };
}
