import { explainPost } from '../posts/explainPost.ts';
import type { PostScoringParams } from '../posts/postRules.ts';
import { POST_RANKINGS } from '../posts/rankings/postRankings.ts';
import type { ScoredPosts } from '../posts/scoredPosts.ts';
import { scorePosts } from '../posts/scorePosts.ts';
import type { PostChannel } from './postChannel.ts';
import { PostTimeline } from './postTimeline.ts';
import type { SimulationResult } from './runSimulation.ts';

/** One post ranking's verdict on the board's posts. */
export interface PostBoardRanking {
  name: string;
  describe: string;
  /** per board row: 1-based rank, 0 when the ranking does not show the post */
  rank: Int32Array;
  shown: number;
}

/**
 * The last post scoring run of a simulation, scored with given §12 parameters, as plain columns for a dashboard:
 * one row per scored post (ascending actionTweetId), its bucket counts, verdict and plain-words explanation
 * (explainPost), its rank in every POST_RANKINGS entry, and the truth.
 */
export interface PostBoard {
  params: PostScoringParams;
  scoredAtMillis: number;
  length: number;
  tweetId: string[];
  /** world post index */
  post: Int32Array;
  L_pos: Int32Array;
  M_pos: Int32Array;
  R_pos: Int32Array;
  L_neg: Int32Array;
  R_neg: Int32Array;
  linger_L: Int32Array;
  linger_R: Int32Array;
  minPos: Int32Array;
  totalPos: Int32Array;
  /** 1 True, 0 False, -1 none */
  eligible: Int8Array;
  candidate: Uint8Array;
  active: Uint8Array;
  /** likes from every post rater, whatever their factor (engagement) */
  likes: Int32Array;
  /** truth: 1 when the post's appeal makes it truly cross-side */
  crossSide: Uint8Array;
  /** label of the post adversary that targets the post (the first, when several do), else null */
  targetedBy: (string | null)[];
  /** explainPost: the verdict in one sentence, and the reasons */
  summary: string[];
  reasons: string[][];
  candidates: number;
  totalPosCutoff: number;
  minPosCutoff: number;
  rankings: PostBoardRanking[];
}

/**
 * Scores the simulation's last successful post run again with `params` (unset fields: the scenario's), without
 * rerunning anything, ranks the posts with every POST_RANKINGS entry and explains each post. Null when the run has
 * no post pilot or no post run succeeded.
 *
 * @example postBoard(result, { minLingers: 5 })?.summary[0] // 'Active: ...'
 */
export function postBoard(result: SimulationResult, params: Partial<PostScoringParams> = {}): PostBoard | null {
  const channel = result.posts;
  if (channel === null || channel.lastInput === null) return null;
  const p = result.scenario.posts;
  const scored = scorePosts(channel.lastInput, {
    factorSplitPoint: params.factorSplitPoint ?? p.factorSplitPoint,
    minLingers: params.minLingers ?? p.minLingers,
    quantileThreshold: params.quantileThreshold ?? p.quantileThreshold,
    disabledRules: params.disabledRules ?? p.disabledRules,
  });
  return boardOf(channel, scored);
}

function boardOf(channel: PostChannel, s: ScoredPosts): PostBoard {
  const posts = channel.world.posts;
  const postOf = new Map(posts.tweetId.map((id, i) => [id, i]));
  const snap = new PostTimeline(postOf, posts.length).record(s, s.scoredAtMillis, 0, 0);
  const { ranked } = channel.rank(snap);
  const post = Int32Array.from(s.actionTweetId, (id) => postOf.get(id) ?? -1);
  const rowOf = new Int32Array(posts.length).fill(-1);
  post.forEach((i, r) => i >= 0 && (rowOf[i] = r));
  const likes = new Int32Array(s.length);
  const engagement = ranked.engagement;
  const rankings = POST_RANKINGS.map((ranking): PostBoardRanking => {
    const rank = new Int32Array(s.length);
    const order = ranked[ranking.name].order;
    order.forEach((i, k) => rowOf[i] >= 0 && (rank[rowOf[i]] = k + 1));
    return { name: ranking.name, describe: ranking.describe, rank, shown: order.length };
  });
  if (engagement) post.forEach((i, r) => i >= 0 && (likes[r] = engagement.score[i]));
  const explained = Array.from({ length: s.length }, (_, r) => explainPost(s, r));
  return {
    params: s.params,
    scoredAtMillis: s.scoredAtMillis,
    length: s.length,
    tweetId: s.actionTweetId,
    post,
    L_pos: s.L_pos,
    M_pos: s.M_pos,
    R_pos: s.R_pos,
    L_neg: s.L_neg,
    R_neg: s.R_neg,
    linger_L: s.linger_L,
    linger_R: s.linger_R,
    minPos: s.minPos,
    totalPos: s.totalPos,
    eligible: s.eligibleForActiveState,
    candidate: s.candidate,
    active: s.active,
    likes,
    crossSide: Uint8Array.from(post, (i) => (i >= 0 ? channel.audience.crossSide[i] : 0)),
    targetedBy: Array.from(post, (i) => channel.adversaries.find((a) => a.postTargets.includes(i))?.spec.label ?? null),
    summary: explained.map((e) => e.summary),
    reasons: explained.map((e) => e.reasons),
    candidates: s.candidates,
    totalPosCutoff: s.totalPosCutoff,
    minPosCutoff: s.minPosCutoff,
    rankings,
  };
}

/** Post activation at every post scoring run of a simulation (the post timeline), for charts over time. */
export interface PostActivation {
  /** run times, ms (runs whose note scoring failed are left out) */
  time: Float64Array;
  active: Int32Array;
  candidates: Int32Array;
  totalPosCutoff: Float64Array;
  minPosCutoff: Float64Array;
  /** world post index -> tweetId, and per run (run-major, world posts) its totalPos, minPos and active flag */
  tweetId: string[];
  totalPos: Int32Array;
  minPos: Int32Array;
  activeByRun: Uint8Array;
}

/** The post timeline of `result` as columns; null without a post pilot. */
export function postActivation(result: SimulationResult): PostActivation | null {
  const channel = result.posts;
  if (channel === null) return null;
  const runs = channel.timeline.runs.filter((r) => r.error === null);
  const n = channel.world.posts.length;
  const out: PostActivation = {
    time: Float64Array.from(runs, (r) => r.time),
    active: Int32Array.from(runs, (r) => r.active.reduce((a, v) => a + v, 0)),
    candidates: Int32Array.from(runs, (r) => r.candidates),
    totalPosCutoff: Float64Array.from(runs, (r) => r.totalPosCutoff),
    minPosCutoff: Float64Array.from(runs, (r) => r.minPosCutoff),
    tweetId: [...channel.world.posts.tweetId],
    totalPos: new Int32Array(runs.length * n),
    minPos: new Int32Array(runs.length * n),
    activeByRun: new Uint8Array(runs.length * n),
  };
  runs.forEach((r, k) => {
    out.totalPos.set(r.totalPos, k * n);
    out.minPos.set(r.minPos, k * n);
    out.activeByRun.set(r.active, k * n);
  });
  return out;
}
