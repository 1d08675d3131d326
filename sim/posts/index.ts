/**
 * Posts "liked by people who disagree" (robustness spec §12): the public exports of the post stage.
 * Re-exported by sim/index.ts; nothing outside sim/ imports this file directly.
 */
export * from './postTables.ts';
export * from './postRules.ts';
export type * from './scoredPosts.ts';
export {
  noteModelFromOutputTables,
  NOTE_MODEL_COLUMNS,
  type NoteModelForPosts,
  type NoteRatingsForPosts,
} from './noteModelForPosts.ts';
export { POST_RATINGS_LAYOUT, POST_ACTIONS_LAYOUT, USERS_LAYOUT } from './postLayouts.ts';
export { UsersReader } from './readUsers.ts';
export { PostRatingsReader } from './readPostRatings.ts';
export { PostActionsReader } from './readPostActions.ts';
export { PostTablesReader, readPostTablesText, type PostTexts } from './readPostTables.ts';
export { writePostRatingsTsv, writePostActionsTsv, writeUsersTsv } from './writePostFiles.ts';
export { writeScoredPostsTsv, SCORED_POSTS_COLUMNS } from './writeScoredPostsTsv.ts';
export { compareDecimalIds } from './compareDecimalIds.ts';
export { participantFactors, FACTOR_DECIDERS } from './participantFactors.ts';
export { latestPostRatings, type LatestPostRatings } from './latestPostRatings.ts';
export { countedLingers } from './countedLingers.ts';
export { scorePosts, type ScorePostsInput } from './scorePosts.ts';
export { applyPostRules, type PostDecisions } from './applyPostRules.ts';
export { explainPost, type PostExplanation } from './explainPost.ts';
export * from './postSimulation.ts';
