import type { Dataset } from '../data/tables.ts';
import { postRunMetrics, type PostRunMetrics } from '../metrics/postRunMetrics.ts';
import type { PostTables } from '../posts/postTables.ts';
import type { RankedPosts } from '../posts/rankings/postRanking.ts';
import { POST_RANKINGS } from '../posts/rankings/postRankings.ts';
import type { ScoredPosts } from '../posts/scoredPosts.ts';
import { scorePosts, type ScorePostsInput } from '../posts/scorePosts.ts';
import { deriveSeed, randomSeeded, type RandomSource } from '../random/random.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import type { ScoringResult } from '../scoring/pipeline/scoreDataset.ts';
import type { Adversary } from '../world/adversaries/adversary.ts';
import { PostAdversary, type PostStepContext } from '../world/adversaries/postAdversary.ts';
import { buildPostAudience, type PostAudience } from '../world/postAudience.ts';
import { drawPostAction, drawPostTags, POST_DISLIKE, POST_LIKE, postRatingScore } from '../world/postBehaviour.ts';
import { randomPoisson, sigmoid } from '../world/sampling.ts';
import type { World } from '../world/worldTypes.ts';
import { noteModelOfResult, noteRatingsOf } from './noteModelOfResult.ts';
import { PostActivity } from './postActivity.ts';
import { PostTimeline, type PostRunSnapshot } from './postTimeline.ts';

/** Boosts older than this many half-lives get no more impressions. */
const BOOST_HORIZON_HALF_LIVES = 20;

/**
 * The post pilot of a simulation (robustness §12, issue #10): draws the post audience (derived seeds, so the note
 * world's draws are unchanged), lets boosted posts gather impressions and likes step by step, runs the post
 * adversaries, and at every scoring run scores the posts with that run's note outputs (scorePosts), ranks them with
 * every POST_RANKINGS entry and measures the rankings against the truth.
 */
export class PostChannel {
  readonly audience: PostAudience;
  readonly activity: PostActivity;
  readonly timeline: PostTimeline;
  readonly metrics: PostRunMetrics[] = [];
  readonly adversaries: PostAdversary[];
  /** the last successful run's scorePosts output, input tables and rankings */
  lastScored: ScoredPosts | null = null;
  lastTables: PostTables | null = null;
  /** what the last successful run gave scorePosts (to rescore it with other parameters) */
  lastInput: ScorePostsInput | null = null;
  lastRankings: Record<string, RankedPosts> = {};
  private readonly random: RandomSource;
  private readonly adversaryRandom: RandomSource[];
  private first = 0;

  constructor(
    readonly world: World,
    readonly scenario: Scenario,
    readonly seed: number,
    adversaries: readonly Adversary[],
  ) {
    this.audience = buildPostAudience(
      world,
      adversaries,
      scenario.posts,
      randomSeeded(deriveSeed(seed, 'posts.world')),
    );
    this.activity = new PostActivity(world, this.audience);
    this.timeline = new PostTimeline(new Map(world.posts.tweetId.map((id, i) => [id, i])), world.posts.length);
    this.random = randomSeeded(deriveSeed(seed, 'posts.organic'));
    this.adversaries = adversaries.filter((a): a is PostAdversary => a instanceof PostAdversary);
    this.adversaryRandom = this.adversaries.map((a) => randomSeeded(deriveSeed(seed, `adversary.${a.index}.posts`)));
    this.adversaries.forEach((a, k) => a.enlist(this.audience, this.adversaryRandom[k]));
  }

  /**
   * One step [t0, t1): every live boost gets Poisson(lingersPerBoost × virality × its share of the step under the
   * half-life decay) impressions from admitted raters (the + side with probability sigmoid(homophily × slant)); each
   * new impression leads to a like, dislike or neutral rating with probability actShare (the latest replaces an
   * earlier one). Draws do not depend on attacks, so organic behaviour matches the counterfactual's. Then the post
   * adversaries act.
   */
  step(t0: number, t1: number): void {
    const a = this.audience;
    const p = this.scenario.posts;
    const world = this.world;
    const random = this.random;
    const halfLife = p.boostHalfLifeHours * 3_600_000;
    const horizon = BOOST_HORIZON_HALF_LIVES * halfLife;
    while (this.first < a.boostPost.length && a.boostCreatedAt[this.first] + horizon < t0) this.first++;
    for (let b = this.first; b < a.boostPost.length && a.boostCreatedAt[b] < t1; b++) {
      const tb = a.boostCreatedAt[b];
      if (tb + horizon < t0) continue;
      const post = a.boostPost[b];
      const from = Math.max(t0, tb);
      const share = 2 ** (-(from - tb) / halfLife) - 2 ** (-(t1 - tb) / halfLife);
      const n = randomPoisson(random, p.lingersPerBoost * world.posts.virality[post] * share);
      for (let k = 0; k < n; k++) {
        const plus = random() < sigmoid(p.homophily * world.posts.slant[2 * post]);
        const pick = (plus && a.pickPlus) || !a.pickMinus ? a.pickPlus : a.pickMinus;
        const slot = pick ? pick(random) : -1;
        const rater = slot < 0 ? -1 : (pick === a.pickPlus ? a.plusSide : a.minusSide)[slot];
        const time = Math.floor(from + random() * (t1 - from));
        const acts = random() < p.actShare;
        const u = random();
        const tagRandom = randomSeeded(Math.floor(random() * 2 ** 32));
        if (rater < 0 || !this.activity.addLinger(rater, b, time) || !acts) continue;
        if (this.activity.isAttacked(rater, post)) continue;
        const y = postRatingScore(world, a, p, this.scenario.world.secondDimWeight, rater, post);
        const kind = drawPostAction(() => u, y, p);
        const [likeTags, dislikeTags] = drawPostTags(tagRandom, kind);
        this.activity.rate(rater, b, time, kind, likeTags, dislikeTags);
      }
    }
    if (this.adversaries.length === 0) return;
    const ctx: PostStepContext = {
      world,
      audience: a,
      t0,
      t1,
      sideLingers: this.activity.sideLingers,
      sideLikes: this.activity.sideLikes,
      act: (rater, post, time, kind, r) => {
        const boost = this.activity.latestBoost(post, time);
        if (boost < 0) return false;
        this.activity.addLinger(rater, boost, time);
        const [likeTags, dislikeTags] = drawPostTags(r, kind);
        this.activity.rate(rater, boost, Math.floor(time), kind, likeTags, dislikeTags, true);
        return true;
      },
    };
    this.adversaries.forEach((adv, k) => adv.postStep(ctx, this.adversaryRandom[k]));
  }

  /** Scores the posts at `now` with a scoring run's note outputs, ranks them and records the run. */
  score(result: ScoringResult, data: Dataset, now: number): void {
    const p = this.scenario.posts;
    const tables = this.activity.tables(now, p.eligibleDays, data.participants);
    const scoreInput: ScorePostsInput = {
      posts: tables,
      noteRatings: noteRatingsOf(data),
      noteModel: noteModelOfResult(result, data),
      scoredAtMillis: now,
    };
    const scored = scorePosts(scoreInput, {
      factorSplitPoint: p.factorSplitPoint,
      minLingers: p.minLingers,
      quantileThreshold: p.quantileThreshold,
      disabledRules: p.disabledRules,
    });
    const snap = this.timeline.record(scored, now, this.activity.lingers, this.activity.ratings);
    const { universe, ranked } = this.rank(snap);
    this.metrics.push(
      postRunMetrics(snap, universe, ranked, {
        crossSide: this.audience.crossSide,
        slant: this.world.posts.slant,
        k: p.rankK,
        lingerGate: p.minLingers,
        vetoOn: !p.disabledRules.includes('DislikeVeto'),
      }),
    );
    this.lastScored = scored;
    this.lastTables = tables;
    this.lastInput = scoreInput;
    this.lastRankings = ranked;
  }

  /** Every POST_RANKINGS entry over a run's post columns (world indices) and the posts' current likes. */
  rank(snap: PostRunSnapshot): { universe: Int32Array; ranked: Record<string, RankedPosts> } {
    const universe = Int32Array.from(snap.inOutput.reduce<number[]>((out, v, i) => (v ? (out.push(i), out) : out), []));
    const input = {
      universe,
      likes: this.likesPerPost(),
      totalPos: snap.totalPos,
      minPos: snap.minPos,
      candidate: snap.candidate,
      active: snap.active,
      minPosCutoff: snap.minPosCutoff,
      ratings: this.likeDislikes(),
      seed: deriveSeed(this.seed, `posts.rank.${snap.time}`),
    };
    const ranked: Record<string, RankedPosts> = {};
    for (const r of POST_RANKINGS) ranked[r.name] = r.rank(input);
    return { universe, ranked };
  }

  /** Records a run whose note scoring failed (post columns carried over, no metrics). */
  fail(now: number, error: string): void {
    this.timeline.recordFailure(now, this.activity.lingers, this.activity.ratings, error);
  }

  /** Likes per world post from every rater (the engagement count). */
  private likesPerPost(): Int32Array {
    const out = new Int32Array(this.world.posts.length);
    const r = this.activity.rating;
    for (let k = 0; k < r.kind.length; k++) if (r.kind[k] === POST_LIKE) out[r.post[k]]++;
    return out;
  }

  /** The latest like (1) or dislike (0) of each rater and post. */
  private likeDislikes(): { rater: Int32Array; post: Int32Array; like: Uint8Array } {
    const r = this.activity.rating;
    const rows: number[] = [];
    for (let k = 0; k < r.kind.length; k++) if (r.kind[k] === POST_LIKE || r.kind[k] === POST_DISLIKE) rows.push(k);
    return {
      rater: Int32Array.from(rows, (k) => r.rater[k]),
      post: Int32Array.from(rows, (k) => r.post[k]),
      like: Uint8Array.from(rows, (k) => (r.kind[k] === POST_LIKE ? 1 : 0)),
    };
  }
}
