/** Quasi-clique detection parameters (scoring-robustness.md §3.1, all production defaults). */
export const QUASI_CLIQUE_PARAMS = {
  recencyCutoffMillis: 13 * 7 * 24 * 3600 * 1000,
  noteInclusionThreshold: 0.25,
  raterInclusionThreshold: 0.25,
  minCliqueTweets: 25,
  minCliqueRaters: 5,
  maxCliqueSize: 2000,
  minInclusionRatings: 4,
  minRaterPairCount: 50,
  minAlignedRatings: 5,
} as const;

export type QuasiCliqueParams = typeof QUASI_CLIQUE_PARAMS;

/** One detected quasi-clique. */
export interface QuasiClique {
  /** participant indices, ascending */
  members: Int32Array;
  /** distinct posts of the clique's group actions at its last accepted size */
  posts: number;
}
