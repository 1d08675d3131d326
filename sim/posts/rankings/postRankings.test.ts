import { describe, expect, it } from 'vitest';
import { activeRanking } from './activeRanking.ts';
import { engagementRanking } from './engagementRanking.ts';
import { mfBridgingRanking, MF_MIN_RATINGS } from './mfBridgingRanking.ts';
import { minPosRanking } from './minPosRanking.ts';
import type { PostRankingInput } from './postRanking.ts';
import { POST_RANKINGS } from './postRankings.ts';

/** Five posts: 0 and 1 active (1 by totalPos alone), 2 a candidate below both cut-offs, 3 not scored, 4 no likes. */
function input(over: Partial<PostRankingInput> = {}): PostRankingInput {
  return {
    universe: Int32Array.of(0, 1, 2, 4),
    likes: Int32Array.of(10, 30, 4, 50, 0),
    totalPos: Int32Array.of(10, 30, 4, 0, 0),
    minPos: Int32Array.of(5, 0, 1, 0, 0),
    candidate: Uint8Array.of(1, 1, 1, 0, 0),
    active: Uint8Array.of(1, 1, 0, 0, 0),
    minPosCutoff: 3,
    ratings: { rater: new Int32Array(0), post: new Int32Array(0), like: new Uint8Array(0) },
    seed: 1,
    ...over,
  };
}

describe('post rankings', () => {
  it('engagement: scored posts with likes, most liked first', () => {
    const r = engagementRanking.rank(input());
    expect(Array.from(r.order)).toEqual([1, 0, 2]);
    expect(r.score[3]).toBeNaN();
  });

  it('§12: active posts by totalPos; minPos only: candidates at the minPos cut-off', () => {
    expect(Array.from(activeRanking.rank(input()).order)).toEqual([1, 0]);
    expect(Array.from(minPosRanking.rank(input()).order)).toEqual([0]);
    const tie = input({ minPos: Int32Array.of(3, 3, 3, 0, 0), totalPos: Int32Array.of(10, 30, 4, 0, 0) });
    expect(Array.from(minPosRanking.rank(tie).order)).toEqual([1, 0, 2]);
  });

  it('MF bridging: a post liked by both camps outranks posts each camp likes alone', () => {
    // Two camps of 8 raters: post 0 liked by both; post 1 liked by camp A, disliked by B; post 2 the reverse.
    const rater: number[] = [];
    const post: number[] = [];
    const like: number[] = [];
    for (let u = 0; u < 16; u++) {
      const a = u < 8;
      rater.push(u, u, u);
      post.push(0, 1, 2);
      like.push(1, a ? 1 : 0, a ? 0 : 1);
    }
    rater.push(0);
    post.push(4);
    like.push(1);
    const r = mfBridgingRanking.rank(
      input({
        universe: Int32Array.of(0, 1, 2, 4),
        ratings: { rater: Int32Array.from(rater), post: Int32Array.from(post), like: Uint8Array.from(like) },
      }),
    );
    expect(r.order[0]).toBe(0);
    expect(r.score[0]).toBeGreaterThan(r.score[1] + 0.1);
    expect(r.score[0]).toBeGreaterThan(r.score[2] + 0.1);
    expect(Array.from(r.order)).not.toContain(4);
    expect(MF_MIN_RATINGS).toBeGreaterThan(1);
    expect(mfBridgingRanking.rank(input()).order.length).toBe(0);
  });

  it('every ranking has a distinct name and a description', () => {
    expect(new Set(POST_RANKINGS.map((r) => r.name)).size).toBe(POST_RANKINGS.length);
    for (const r of POST_RANKINGS) expect(r.describe.length).toBeGreaterThan(10);
  });
});
