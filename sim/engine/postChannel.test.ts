import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validateScenario.ts';
import { POST_DISLIKE, POST_LIKE, POST_NEUTRAL, EMPTY_TAGS, NOT_APPLICABLE_TAGS } from '../world/postBehaviour.ts';
import { runSimulation, type SimulationResult } from './runSimulation.ts';

const base = {
  world: { raters: 500, notes: 240, ratings: 4000, topicFraction: 0 },
  time: { days: 3 },
  posts: { enabled: true, admittedShare: 0.5 },
};
const run = (extra: Record<string, unknown> = {}, seed = 3) =>
  runSimulation(validateScenario({ ...base, ...extra }), { seed, score: false });

const activity = (r: SimulationResult) => r.posts!.activity;

describe('post pilot in a simulation', () => {
  it('is deterministic from the seed and leaves the note world unchanged', async () => {
    const a = await run();
    const b = await run();
    const off = await run({ posts: { enabled: false } });
    expect(activity(a).linger).toEqual(activity(b).linger);
    expect(activity(a).rating).toEqual(activity(b).rating);
    expect(off.posts).toBeNull();
    expect(a.dataset.ratings.rater).toEqual(off.dataset.ratings.rater);
    expect(a.dataset.ratings.flags).toEqual(off.dataset.ratings.flags);
    expect(a.world.notes.id).toEqual(off.world.notes.id);
    const c = await run({}, 4);
    expect(activity(c).lingers).not.toBe(activity(a).lingers);
  });

  it('lingers come from admitted raters, once per rater and boost, after the boost', async () => {
    const r = await run();
    const { linger } = activity(r);
    const a = r.posts!.audience;
    expect(linger.rater.length).toBeGreaterThan(1000);
    const pairs = new Set(linger.rater.map((u, k) => `${u}:${linger.boost[k]}`));
    expect(pairs.size).toBe(linger.rater.length);
    linger.rater.forEach((u, k) => {
      expect(a.admitted[u]).toBe(1);
      expect(linger.time[k]).toBeGreaterThanOrEqual(a.boostCreatedAt[linger.boost[k]]);
    });
    for (let b = 1; b < a.boostId.length; b++) expect(a.boostId[b] > a.boostId[b - 1]).toBe(true);
  });

  it('more viral posts get more impressions; the audience leans to the side the slant favours', async () => {
    const r = await run();
    const { world } = r;
    const act = activity(r);
    const perPost = new Float64Array(world.posts.length);
    for (const b of act.linger.boost) perPost[r.posts!.audience.boostPost[b]]++;
    const byVirality = Array.from(perPost.keys()).sort((i, j) => world.posts.virality[i] - world.posts.virality[j]);
    const half = byVirality.length >> 1;
    const mean = (ix: number[]) => ix.reduce((s, i) => s + perPost[i], 0) / ix.length;
    expect(mean(byVirality.slice(half))).toBeGreaterThan(2 * mean(byVirality.slice(0, half)));
    let plusOnPlus = 0;
    let onPlus = 0;
    let plusOnMinus = 0;
    let onMinus = 0;
    for (let i = 0; i < world.posts.length; i++) {
      const plus = act.sideLingers[2 * i + 1];
      const all = plus + act.sideLingers[2 * i];
      if (world.posts.slant[2 * i] > 0.5) [plusOnPlus, onPlus] = [plusOnPlus + plus, onPlus + all];
      if (world.posts.slant[2 * i] < -0.5) [plusOnMinus, onMinus] = [plusOnMinus + plus, onMinus + all];
    }
    expect(plusOnPlus / onPlus).toBeGreaterThan(plusOnMinus / onMinus + 0.15);
  });

  it('likes follow appeal and perspective × slant; one latest row per rater and post, with §12 tag texts', async () => {
    const r = await run();
    const { world } = r;
    const a = r.posts!.audience;
    const { rating } = activity(r);
    const keys = new Set(rating.rater.map((u, k) => `${u}:${rating.post[k]}`));
    expect(keys.size).toBe(rating.rater.length);
    const share = (keep: (k: number) => boolean) => {
      let likes = 0;
      let n = 0;
      rating.kind.forEach((kind, k) => {
        if (!keep(k)) return;
        n++;
        if (kind === POST_LIKE) likes++;
      });
      return likes / n;
    };
    const align = (k: number) =>
      world.participants.perspective[2 * rating.rater[k]] * world.posts.slant[2 * rating.post[k]];
    expect(share((k) => a.appeal[rating.post[k]] > 1)).toBeGreaterThan(
      share((k) => a.appeal[rating.post[k]] < -1) + 0.2,
    );
    expect(share((k) => align(k) > 0.2)).toBeGreaterThan(share((k) => align(k) < -0.2) + 0.2);
    expect(new Set(rating.kind)).toEqual(new Set([POST_LIKE, POST_DISLIKE, POST_NEUTRAL]));
    rating.kind.forEach((kind, k) => {
      if (kind === POST_LIKE) {
        expect(rating.likeTags[k]).toMatch(/^\['[A-Z_]+'(, '[A-Z_]+')?\]$/);
        expect(rating.dislikeTags[k]).toBe(EMPTY_TAGS);
      } else if (kind === POST_DISLIKE) {
        expect([EMPTY_TAGS, NOT_APPLICABLE_TAGS]).toContain(rating.likeTags[k]);
        expect(rating.dislikeTags[k]).toMatch(/^\['[A-Z_]+'\]$/);
      } else expect(rating.likeTags[k]).toBe(NOT_APPLICABLE_TAGS);
      expect(rating.updatedAt[k]).toBeGreaterThanOrEqual(rating.createdAt[k]);
    });
    expect(rating.updatedAt.some((t, k) => t > rating.createdAt[k])).toBe(true);
  });

  it('lays the activity out as the §12 tables at a run time (eligibility within eligibleDays)', async () => {
    const r = await run();
    const act = activity(r);
    const now = r.world.end;
    const t = act.tables(now, 1);
    expect(t.postActions.length).toBe(act.lingers);
    expect(t.postRatings.length).toBe(act.ratings);
    const a = r.posts!.audience;
    act.linger.boost.forEach((b, k) =>
      expect(t.postActions.eligibleForActiveState[k]).toBe(a.boostCreatedAt[b] >= now - 86_400_000 ? 1 : 0),
    );
    expect(new Set(t.postActions.eligibleForActiveState)).toEqual(new Set([0, 1]));
    act.rating.kind.forEach((kind, k) =>
      expect(Number.isNaN(t.postRatings.negativeTimestamp[k])).toBe(kind !== POST_DISLIKE),
    );
  });
});
