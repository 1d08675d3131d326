import type { RandomSource } from '../../random/random.ts';
import type { PostAdversarySpec } from '../../scenario/scenarioTypes.ts';
import type { PostAudience } from '../postAudience.ts';
import { randomPoisson, shuffleInPlace } from '../sampling.ts';
import type { World } from '../worldTypes.ts';
import { Adversary } from './adversary.ts';

/** What a post adversary sees and can do during one simulation step [t0, t1). */
export interface PostStepContext {
  world: World;
  audience: PostAudience;
  t0: number;
  t1: number;
  /** callout impressions so far per post and side of the viewer's perspective: [2·post] − side, [2·post + 1] + side */
  sideLingers: Int32Array;
  /** likes so far per post and side, laid out as sideLingers */
  sideLikes: Int32Array;
  /**
   * `rater` sees the latest boost of `post` (a linger) and likes or dislikes it (POST_* kind) at `time`; false when
   * the post has no boost yet.
   */
  act(rater: number, post: number, time: number, kind: number, random: RandomSource): boolean;
}

/**
 * Shared machinery of the post adversaries (robustness §12 attacks): accounts (created with the note adversaries'
 * camouflage, which places them in the note model's factor space, or recruited from the admitted post raters of the
 * attackers' side when the pilot exists), target posts of slant sign `targets.side` that reached both sides
 * (`minLingers` impressions from each), and `actionsPerHour` post actions spread over the attack window, each
 * account acting once on each target, up to `budget`. They rate notes only through camouflage.
 */
export abstract class PostAdversary extends Adversary {
  /** world post indices targeted, in order */
  readonly postTargets: number[] = [];
  /** post likes or dislikes added */
  postActions = 0;
  private readonly postTargetSet = new Set<number>();
  private readonly pending: { rater: number[]; post: number[] } = { rater: [], post: [] };
  private cursor = 0;

  constructor(
    override readonly spec: PostAdversarySpec,
    index: number,
  ) {
    super(spec, index);
  }

  /** The POST_* action the accounts take on targets. */
  protected abstract readonly action: number;

  /** Whether `post` (of the target side, reached both sides) is a target; subclasses narrow it. */
  protected wants(ctx: PostStepContext, post: number): boolean {
    void ctx;
    void post;
    return true;
  }

  /** Whether accounts are recruited from the admitted post raters at the first step (see enlist). */
  get recruits(): boolean {
    return 'recruit' in this.spec && this.spec.recruit;
  }

  /** Recruits `size` admitted organic raters of the attackers' side (perspective sign), once the pilot is drawn. */
  enlist(audience: PostAudience, random: RandomSource): void {
    if (!this.recruits || this.accounts.length > 0) return;
    const pool = Array.from(this.side > 0 ? audience.plusSide : audience.minusSide);
    this.accounts.push(
      ...shuffleInPlace(random, pool)
        .slice(0, this.spec.size)
        .sort((a, b) => a - b),
    );
  }

  /** Note steps: the strategy acts on posts only (camouflage note ratings come from the base class). */
  protected act(): void {}

  /** One post step: new targets, then this step's share of actionsPerHour. */
  postStep(ctx: PostStepContext, random: RandomSource): void {
    if (ctx.t1 <= this.startTime || ctx.t0 > this.endTime) return;
    this.scanPosts(ctx, random);
    const from = Math.max(ctx.t0, this.startTime);
    const to = Math.min(ctx.t1, this.endTime);
    if (to <= from) return;
    let n = randomPoisson(random, (this.spec.actionsPerHour * (to - from)) / 3_600_000);
    const q = this.pending;
    while (n > 0 && this.cursor < q.rater.length && this.postActions < this.spec.budget) {
      const k = this.cursor++;
      if (ctx.act(q.rater[k], q.post[k], from + random() * (to - from), this.action, random)) {
        this.postActions++;
        n--;
      }
    }
  }

  private scanPosts(ctx: PostStepContext, random: RandomSource): void {
    const posts = ctx.world.posts;
    const need = this.spec.minLingers;
    for (let i = 0; i < posts.length && this.postTargets.length < this.spec.targets.count; i++) {
      if (this.postTargetSet.has(i) || posts.createdAt[i] >= ctx.t1) continue;
      if ((posts.slant[2 * i] >= 0 ? 1 : -1) !== this.spec.targets.side) continue;
      if (ctx.sideLingers[2 * i] < need || ctx.sideLingers[2 * i + 1] < need || !this.wants(ctx, i)) continue;
      this.postTargets.push(i);
      this.postTargetSet.add(i);
      for (const u of shuffleInPlace(random, this.accounts.slice())) {
        this.pending.rater.push(u);
        this.pending.post.push(i);
      }
    }
  }
}
