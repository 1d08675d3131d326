import type { PostCounts } from './postCounts.ts';
import type { PostRuleName, PostScoringParams } from './postRules.ts';

/**
 * The result of `scorePosts`: the rows of scored_posts.tsv (sorted by actionTweetId, numerically) plus
 * why each post is or is not active.
 */
export interface ScoredPosts extends PostCounts {
  length: number;
  /** actionTweetId, canonical decimal text */
  actionTweetId: string[];
  /** boostId of the counted linger with the highest boostId, null when none */
  boostId: (string | null)[];
  /** 1 when every enabled gate passes */
  candidate: Uint8Array;
  active: Uint8Array;
  /** bit k set: rule `rules[k]` (a gate) blocked the post */
  blockedBy: Uint8Array;
  /** bit k set: rule `rules[k]` (a path) reached its cut-off (for candidates and non-candidates alike) */
  reached: Uint8Array;
  /** the enabled rules, in table order; bit k of blockedBy / reached refers to rules[k] */
  rules: readonly PostRuleName[];
  totalPosCutoff: number;
  minPosCutoff: number;
  candidates: number;
  scoredAtMillis: number;
  params: PostScoringParams;
  /** data notes, e.g. duplicated post ratings resolved to the latest updatedAt */
  warnings: string[];
}
