import { Dictionary } from '../data/tables.ts';
import { emptyPostIds, type PostTables } from '../posts/postTables.ts';
import { POST_DISLIKE, POST_LIKE } from '../world/postBehaviour.ts';
import type { PostAudience } from '../world/postAudience.ts';
import type { World } from '../world/worldTypes.ts';

/** contributorType written on simulated post ratings. */
export const POST_CONTRIBUTOR_TYPE = 'CONTRIBUTOR';

/**
 * The post pilot's growing record (robustness §12 inputs): callout impressions ("lingers", one per participant and
 * boost) and every participant's latest rating of each post, whose action replaces earlier ones (createdAt kept,
 * updatedAt and boost renewed). Columns are plain growable arrays; `tables(now)` lays them out as the three post
 * files at a run's `now`.
 */
export class PostActivity {
  /** lingers in time order */
  readonly linger = { rater: [] as number[], boost: [] as number[], time: [] as number[] };
  /** post ratings, one row per (rater, post), rewritten in place */
  readonly rating = {
    rater: [] as number[],
    post: [] as number[],
    boost: [] as number[],
    kind: [] as number[],
    createdAt: [] as number[],
    updatedAt: [] as number[],
    likeTags: [] as string[],
    dislikeTags: [] as string[],
  };
  /** per post and side of the participant's perspective ([2·post] − side, [2·post + 1] + side): lingers and likes */
  readonly sideLingers: Int32Array;
  readonly sideLikes: Int32Array;
  private readonly seen = new Set<number>();
  private readonly rated = new Map<number, number>();
  private readonly attacked = new Set<number>();

  constructor(
    readonly world: World,
    readonly audience: PostAudience,
  ) {
    this.sideLingers = new Int32Array(2 * world.posts.length);
    this.sideLikes = new Int32Array(2 * world.posts.length);
  }

  get lingers(): number {
    return this.linger.rater.length;
  }

  get ratings(): number {
    return this.rating.rater.length;
  }

  /** Records an impression of `boost` by `rater`; false when that pair was already recorded. */
  addLinger(rater: number, boost: number, time: number): boolean {
    const key = rater * this.audience.boostPost.length + boost;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.linger.rater.push(rater);
    this.linger.boost.push(boost);
    this.linger.time.push(time);
    this.sideLingers[this.sideSlot(rater, this.audience.boostPost[boost])]++;
    return true;
  }

  /** Whether `rater`'s action on `post` came from an attack (organic behaviour then leaves it alone). */
  isAttacked(rater: number, post: number): boolean {
    return this.attacked.has(rater * this.world.posts.length + post);
  }

  /**
   * Records `rater`'s action on the post of `boost` at `time`: the latest action by time is kept (updatedAt, boost,
   * tags), createdAt is the earliest; `attack` marks the pair as an attacker's.
   */
  rate(
    rater: number,
    boost: number,
    time: number,
    kind: number,
    likeTags: string,
    dislikeTags: string,
    attack = false,
  ): void {
    const post = this.audience.boostPost[boost];
    const key = rater * this.world.posts.length + post;
    if (attack) this.attacked.add(key);
    const slot = this.sideSlot(rater, post);
    if (kind === POST_LIKE) this.sideLikes[slot]++;
    const r = this.rating;
    let row = this.rated.get(key);
    if (row === undefined) {
      row = r.rater.length;
      this.rated.set(key, row);
      r.rater.push(rater);
      r.post.push(post);
      r.createdAt.push(time);
      r.boost.push(boost);
      r.kind.push(kind);
      r.updatedAt.push(time);
      r.likeTags.push(likeTags);
      r.dislikeTags.push(dislikeTags);
      return;
    }
    if (time < r.updatedAt[row]) {
      // An action dated before the recorded one (same step, another boost) is older: it does not replace it.
      if (kind === POST_LIKE) this.sideLikes[slot]--;
      r.createdAt[row] = Math.min(r.createdAt[row], time);
      return;
    }
    if (r.kind[row] === POST_LIKE) this.sideLikes[slot]--;
    r.boost[row] = boost;
    r.kind[row] = kind;
    r.updatedAt[row] = time;
    r.likeTags[row] = likeTags;
    r.dislikeTags[row] = dislikeTags;
  }

  /** The latest boost of `post` created at or before `time`, or -1. */
  latestBoost(post: number, time: number): number {
    const a = this.audience;
    for (let b = upperBound(a.boostCreatedAt, time) - 1; b >= 0; b--) if (a.boostPost[b] === post) return b;
    return -1;
  }

  /**
   * The three §12 post tables as they stand at `now`, participant indices shared with `participants` (the note
   * dataset's dictionary, world index = participant index): users = the admitted participants; a boost created
   * within `eligibleDays` before `now` is eligibleForActiveState; rows are in record order.
   */
  tables(now: number, eligibleDays: number, participants: Dictionary = this.participantIds()): PostTables {
    const ids = emptyPostIds(participants);
    const a = this.audience;
    const world = this.world;
    const postIndex = (post: number) => ids.posts.intern(world.posts.tweetId[post]);
    const boostIndex = (b: number) => ids.boosts.intern(a.boostId[b]);
    const user = (u: number) => participants.intern(world.participants.ids[u]);
    const eligibleFrom = now - eligibleDays * 86_400_000;
    const users: number[] = [];
    for (let u = 0; u < a.admitted.length; u++) if (a.admitted[u]) users.push(user(u));
    const L = this.linger;
    const R = this.rating;
    const n = R.rater.length;
    const isDislike = (i: number) => R.kind[i] === POST_DISLIKE;
    return {
      ids,
      users: { length: users.length, user: Int32Array.from(users), isAdmitted: new Uint8Array(users.length).fill(1) },
      postActions: {
        length: L.rater.length,
        post: Int32Array.from(L.boost, (b) => postIndex(a.boostPost[b])),
        user: Int32Array.from(L.rater, user),
        boost: Int32Array.from(L.boost, boostIndex),
        eligibleForActiveState: Uint8Array.from(L.boost, (b) => (a.boostCreatedAt[b] >= eligibleFrom ? 1 : 0)),
        isAdmitted: Uint8Array.from(L.rater, (u) => a.admitted[u]),
      },
      postRatings: {
        length: n,
        boost: Int32Array.from(R.boost, boostIndex),
        user: Int32Array.from(R.rater, user),
        createdAt: Float64Array.from(R.createdAt),
        negativeTimestamp: Float64Array.from({ length: n }, (_, i) => (isDislike(i) ? R.updatedAt[i] : NaN)),
        contributorType: new Array<string | null>(n).fill(POST_CONTRIBUTOR_TYPE),
        likeTags: Int32Array.from(R.likeTags, (t) => ids.tagLists.intern(t)),
        dislikeTags: Int32Array.from(R.dislikeTags, (t) => ids.tagLists.intern(t)),
        post: Int32Array.from(R.post, postIndex),
        updatedAt: Float64Array.from(R.updatedAt),
      },
    };
  }

  private sideSlot(rater: number, post: number): number {
    return 2 * post + (this.world.participants.perspective[2 * rater] >= 0 ? 1 : 0);
  }

  private participantIds(): Dictionary {
    const d = new Dictionary();
    for (const id of this.world.participants.ids) d.intern(id);
    return d;
  }
}

/** Index of the first value > x in ascending `a`. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
