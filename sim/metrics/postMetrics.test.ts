import { describe, expect, it } from 'vitest';
import type { PostChannel } from '../engine/postChannel.ts';
import { PostTimeline } from '../engine/postTimeline.ts';
import type { ScoredPosts } from '../posts/scoredPosts.ts';
import { postAttackSuccess } from './postAttackSuccess.ts';
import { precisionRecallAtK, sideBalance, vetoBlocksBridging } from './postRankingMetrics.ts';

/** scorePosts output of two posts ('100', '200') with `active` flags (empty: no rows). */
const scored = (active: number[]): ScoredPosts =>
  ({
    length: 2,
    actionTweetId: ['100', '200'],
    candidate: Uint8Array.from(active),
    active: Uint8Array.from(active),
    eligibleForActiveState: Int8Array.of(1, 1),
    candidates: active.reduce((a, b) => a + b, 0),
    totalPosCutoff: 1,
    minPosCutoff: 1,
    ...Object.fromEntries(
      [
        'L_pos',
        'M_pos',
        'R_pos',
        'L_neg',
        'R_neg',
        'linger_L',
        'linger_R',
        'minPos',
        'maxNeg',
        'minLingers',
        'totalPos',
      ].map((c) => [c, Int32Array.of(1, 2)]),
    ),
  }) as unknown as ScoredPosts;

describe('post ranking metrics', () => {
  const crossSide = Uint8Array.of(1, 0, 1, 1, 0);
  const universe = Int32Array.of(0, 1, 2, 3, 4);

  it('precision and recall at k of truly cross-side posts', () => {
    expect(precisionRecallAtK(Int32Array.of(0, 1, 2), crossSide, universe, 2)).toEqual({
      k: 2,
      shown: 2,
      hits: 1,
      precision: 0.5,
      recall: 0.5,
    });
    const all = precisionRecallAtK(Int32Array.of(2, 0, 3, 1), crossSide, universe, 4);
    expect([all.precision, all.recall]).toEqual([0.75, 1]);
    expect(precisionRecallAtK(new Int32Array(0), crossSide, universe, 3).precision).toBeNaN();
    expect(precisionRecallAtK(Int32Array.of(1), new Uint8Array(5), universe, 3).recall).toBeNaN();
  });

  it('side balance of the top k', () => {
    const slant = Float64Array.of(0.5, 0, -0.5, 0, 0.2, 0, -0.9, 0, 0.1, 0);
    expect(sideBalance(Int32Array.of(0, 1, 2, 3), slant, 4)).toEqual({ shown: 4, plusShare: 0.5, balance: 1 });
    expect(sideBalance(Int32Array.of(0, 2, 4, 1), slant, 2).balance).toBe(0);
    expect(sideBalance(new Int32Array(0), slant, 2).balance).toBeNaN();
  });

  it('the dislike veto on truly bridging posts that pass the other gates', () => {
    const post = {
      minLingers: Int32Array.of(40, 40, 40, 10, 40),
      maxNeg: Int32Array.of(1, 1, 0, 1, 0),
      eligible: Int8Array.of(1, 1, 1, 1, -1),
    };
    expect(vetoBlocksBridging(universe, crossSide, post, 29, true)).toEqual({ bridging: 2, blocked: 1, share: 0.5 });
    expect(vetoBlocksBridging(universe, crossSide, post, 29, false).blocked).toBe(0);
  });
});

describe('post timeline', () => {
  it('records runs by world post and finds when posts become and stop being active', () => {
    const t = new PostTimeline(
      new Map([
        ['200', 0],
        ['100', 2],
      ]),
      3,
    );
    t.record(scored([1, 0]), 10, 5, 5);
    t.record(scored([1, 1]), 20, 5, 5);
    t.recordFailure(30, 5, 5, 'note scoring failed');
    t.record(scored([0, 1]), 40, 5, 5);
    expect(Array.from(t.runs[0].active)).toEqual([0, 0, 1]);
    expect(Array.from(t.runs[0].totalPos)).toEqual([2, 0, 1]);
    expect(t.runs[2].error).toBe('note scoring failed');
    expect(Array.from(t.runs[2].active)).toEqual([1, 0, 1]);
    expect(t.activeSpans()).toEqual([
      { post: 2, from: 10, until: 40 },
      { post: 0, from: 20, until: NaN },
    ]);
  });
});

describe('post attack success', () => {
  const channel = (active: number[], order: number[], adversaries: object[] = []) => {
    const timeline = new PostTimeline(new Map(), active.length);
    const run = timeline.record(scored([]), 10, 0, 0);
    run.active.set(active);
    return {
      world: { posts: { tweetId: active.map((_, i) => String(100 + i)), length: active.length } },
      timeline,
      lastRankings: { engagement: { order: Int32Array.from(order), score: new Float64Array(0) } },
      adversaries,
    } as unknown as PostChannel;
  };
  const adversary = (kind: string, postTargets: number[]) => ({
    spec: { kind, label: kind },
    accounts: [1, 2],
    postActions: 7,
    camouflageRatings: 0,
    postTargets,
  });

  it('like attacks succeed on targets active only with them; the veto on targets active only without it', () => {
    const without = channel([1, 0, 0, 1, 0], [0, 3, 1]);
    const wave = channel([1, 1, 1, 0, 0], [1, 2, 0], [adversary('postLikeWave', [0, 1, 2])]);
    const r = postAttackSuccess(wave, without, 2);
    expect(r.adversaries[0]).toMatchObject({
      targets: 3,
      targetsActiveWithAttack: 3,
      targetsActiveWithout: 1,
      successes: 2,
      postActions: 7,
      rankings: { engagement: { withAttack: 2, without: 1 } },
    });
    expect(r.collateral).toEqual({ activeChanged: 1, gainedActive: 0, lostActive: 1 });
    const veto = channel([0, 0, 0, 1, 0], [3], [adversary('postDislikeVeto', [0, 4])]);
    expect(postAttackSuccess(veto, without, 2).adversaries[0]).toMatchObject({ successes: 1, successRate: 0.5 });
  });
});
