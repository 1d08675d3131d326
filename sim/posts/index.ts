/**
 * Posts "liked by people who disagree" (robustness spec §12): the public exports of the post stage.
 * Re-exported by sim/index.ts; nothing outside sim/ imports this file directly.
 */
export * from './postTables.ts';
export * from './postRules.ts';
export type * from './scoredPosts.ts';
export type * from './noteModelForPosts.ts';
export { compareDecimalIds } from './compareDecimalIds.ts';
export { participantFactors, FACTOR_DECIDERS } from './participantFactors.ts';
export { latestPostRatings, type LatestPostRatings } from './latestPostRatings.ts';
export { countedLingers } from './countedLingers.ts';
export { scorePosts, type ScorePostsInput } from './scorePosts.ts';
