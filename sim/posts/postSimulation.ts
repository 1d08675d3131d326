/**
 * The simulator's side of the posts (issue #10), re-exported by sim/posts/index.ts: the post world, the pilot's
 * activity and timeline, the rankings compared, the post metrics and the post output tables.
 */
/** buildPostAudience(world, adversaries, params, random): authors, appeal, the admitted pilot and the boosts. */
export { buildPostAudience, isPostAdversaryKind, type PostAudience } from '../world/postAudience.ts';
/** Post rating behaviour: the rating score, like / dislike / neutral draws and the tag-list texts. */
export {
  POST_LIKE,
  POST_DISLIKE,
  POST_NEUTRAL,
  POST_LIKE_TAGS,
  POST_DISLIKE_TAGS,
  EMPTY_TAGS,
  NOT_APPLICABLE_TAGS,
  tagListLiteral,
  postRatingScore,
  drawPostAction,
  drawPostTags,
} from '../world/postBehaviour.ts';
/** The post adversaries (one strategy per file) and what they see each step. */
export { PostAdversary, type PostStepContext } from '../world/adversaries/postAdversary.ts';
export { PostLikeWave } from '../world/adversaries/postLikeWave.ts';
export { PostDislikeVeto } from '../world/adversaries/postDislikeVeto.ts';
export { PostFactorLaundering } from '../world/adversaries/postFactorLaundering.ts';
export { PostMFlooding } from '../world/adversaries/postMFlooding.ts';
/** A simulation's post pilot (SimulationResult.posts): activity, §12 tables at a run time, timeline, per-run metrics. */
export { PostChannel } from '../engine/postChannel.ts';
export { PostActivity, POST_CONTRIBUTOR_TYPE } from '../engine/postActivity.ts';
export { PostTimeline, type PostRunSnapshot, type ActiveSpan } from '../engine/postTimeline.ts';
/** noteModelOfResult(result, data): the note-model columns §12 reads, straight from a scoring result. */
export { noteModelOfResult, noteRatingsOf } from '../engine/noteModelOfResult.ts';
/** post_timeline and truth_posts as column tables (any output format). */
export { postTimelineColumns, truthPostsColumns } from '../engine/postOutputFiles.ts';
/** The rankings compared: engagement, §12, the minPos path alone, an MF bridging score. */
export { POST_RANKINGS } from './rankings/postRankings.ts';
export { engagementRanking } from './rankings/engagementRanking.ts';
export { activeRanking } from './rankings/activeRanking.ts';
export { minPosRanking } from './rankings/minPosRanking.ts';
export { mfBridgingRanking, MF_MIN_RATINGS } from './rankings/mfBridgingRanking.ts';
export { orderBy, type PostRanking, type PostRankingInput, type RankedPosts } from './rankings/postRanking.ts';
/** Post metrics against the truth: per ranking precision / recall at k and side balance, the veto, attacks. */
export {
  precisionRecallAtK,
  sideBalance,
  vetoBlocksBridging,
  type PrecisionRecallAtK,
  type SideBalance,
  type VetoBlocks,
} from '../metrics/postRankingMetrics.ts';
export {
  postRunMetrics,
  type PostRunMetrics,
  type PostRankingMetrics,
  type PostTruth,
} from '../metrics/postRunMetrics.ts';
export { postMetrics, type PostMetrics } from '../metrics/postMetrics.ts';
export { postAttackSuccess, type PostAttackOutcome, type PostCollateral } from '../metrics/postAttackSuccess.ts';
