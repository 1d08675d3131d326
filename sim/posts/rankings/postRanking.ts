/**
 * Post rankings compared against the truth (issue #10 item 6): each turns one scoring run's post counts and post
 * ratings into the list of posts it would show, best first. Same interface for every ranking, listed in
 * POST_RANKINGS (postRankings.ts).
 */

/** What a ranking may look at after one scoring run; arrays are indexed by world post index. */
export interface PostRankingInput {
  /** posts in the run's scored output (world indices, ascending) */
  universe: Int32Array;
  /** positive actions (likes) from every post rater, whatever their factor */
  likes: Int32Array;
  /** §12 columns (0 for posts outside the output) */
  totalPos: Int32Array;
  minPos: Int32Array;
  candidate: Uint8Array;
  active: Uint8Array;
  minPosCutoff: number;
  /** latest like (1) or dislike (0) of each post rater (neutral ratings left out) */
  ratings: { rater: Int32Array; post: Int32Array; like: Uint8Array };
  /** seed of any random initialisation */
  seed: number;
}

/** A ranking's result: the posts it shows, best first, and the score it ordered them by. */
export interface RankedPosts {
  order: Int32Array;
  /** per world post, NaN when not scored by this ranking */
  score: Float64Array;
}

/** One ranking rule. */
export interface PostRanking {
  name: string;
  /** what it shows, in plain words */
  describe: string;
  rank(input: PostRankingInput): RankedPosts;
}

/**
 * The posts of `universe` with `keep(i)`, ordered by `score` descending, ties by `tiebreak` descending, then by
 * world index.
 */
export function orderBy(
  universe: Int32Array,
  keep: (post: number) => boolean,
  score: ArrayLike<number>,
  tiebreak: ArrayLike<number> = score,
): Int32Array {
  const shown = Array.from(universe).filter(keep);
  shown.sort((a, b) => score[b] - score[a] || tiebreak[b] - tiebreak[a] || a - b);
  return Int32Array.from(shown);
}

/** A score column over `posts` world posts: `value(i)` for universe posts, NaN elsewhere. */
export function scoreColumn(posts: number, universe: Int32Array, value: (post: number) => number): Float64Array {
  const out = new Float64Array(posts).fill(NaN);
  for (const i of universe) out[i] = value(i);
  return out;
}
