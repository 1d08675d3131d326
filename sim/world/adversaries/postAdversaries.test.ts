import { describe, expect, it } from 'vitest';
import { runSimulation, type SimulationResult } from '../../engine/runSimulation.ts';
import { validateScenario } from '../../scenario/validateScenario.ts';
import { POST_DISLIKE, POST_LIKE } from '../postBehaviour.ts';
import { ROLE_ADVERSARY } from '../worldTypes.ts';

const base = {
  world: { raters: 500, notes: 240, ratings: 4000, topicFraction: 0 },
  time: { days: 3 },
  posts: { enabled: true, admittedShare: 0.5 },
};
const common = { startHours: 12, durationHours: 48, minLingers: 10, actionsPerHour: 50 };

const run = (adversary?: Record<string, unknown>) =>
  runSimulation(validateScenario({ ...base, adversaries: adversary ? [adversary] : [] }), {
    seed: 9,
    score: false,
    withAdversaries: adversary !== undefined,
  });

/** Actions of `kind` on post `i` by participants on the + side (side 1) or the − side (side −1). */
function actions(r: SimulationResult, i: number, kind: number, side: number): number {
  const { rating } = r.posts!.activity;
  let n = 0;
  rating.kind.forEach((k, row) => {
    const u = rating.rater[row];
    if (k === kind && rating.post[row] === i && Math.sign(r.world.participants.perspective[2 * u] || 1) === side) n++;
  });
  return n;
}

describe('post adversaries (effect on the pilot, against the run without them)', async () => {
  const without = await run();

  it('one-sided like wave: recruited + side raters like + side posts that reached both sides', async () => {
    const r = await run({
      ...common,
      kind: 'postLikeWave',
      size: 20,
      perspective: 0.6,
      budget: 200,
      targets: { side: 1, count: 8 },
    });
    const adv = r.posts!.adversaries[0];
    expect(adv.accounts.length).toBe(20);
    for (const u of adv.accounts) expect(r.posts!.audience.admitted[u]).toBe(1);
    expect(adv.postTargets.length).toBe(8);
    expect(adv.postActions).toBe(160);
    for (const i of adv.postTargets) {
      expect(r.world.posts.slant[2 * i]).toBeGreaterThanOrEqual(0);
      expect(actions(r, i, POST_LIKE, 1)).toBeGreaterThan(actions(without, i, POST_LIKE, 1));
    }
  });

  it('dislike veto: + side accounts dislike − side posts liked by both sides', async () => {
    const r = await run({
      ...common,
      kind: 'postDislikeVeto',
      size: 3,
      perspective: 0.6,
      budget: 30,
      targets: { side: -1, count: 10 },
    });
    const adv = r.posts!.adversaries[0];
    expect(adv.postTargets.length).toBe(10);
    for (const i of adv.postTargets) {
      expect(r.world.posts.slant[2 * i]).toBeLessThan(0);
      expect(actions(r, i, POST_DISLIKE, 1)).toBeGreaterThan(actions(without, i, POST_DISLIKE, 1));
    }
  });

  it('factor laundering: new accounts rate notes from the + side, then like − side posts', async () => {
    const r = await run({
      ...common,
      kind: 'postFactorLaundering',
      size: 10,
      perspective: 0.6,
      camouflageRatingsPerDay: 10,
      budget: 100,
      targets: { side: -1, count: 5 },
    });
    const adv = r.posts!.adversaries[0];
    for (const u of adv.accounts) expect(r.world.participants.role[u]).toBe(ROLE_ADVERSARY);
    expect(adv.camouflageRatings).toBeGreaterThan(100);
    expect(adv.postActions).toBe(50);
    for (const i of adv.postTargets)
      expect(actions(r, i, POST_LIKE, 1)).toBeGreaterThan(actions(without, i, POST_LIKE, 1));
  });

  it('M-bucket flooding: centrist accounts like the targets; organic behaviour is unchanged elsewhere', async () => {
    const r = await run({
      ...common,
      kind: 'postMFlooding',
      size: 15,
      perspective: 0.02,
      budget: 45,
      targets: { side: 1, count: 3 },
    });
    const adv = r.posts!.adversaries[0];
    expect(adv.postActions).toBe(45);
    const attackers = new Set(adv.accounts);
    const { rating } = r.posts!.activity;
    let attackLikes = 0;
    rating.rater.forEach((u, row) => {
      if (attackers.has(u) && rating.kind[row] === POST_LIKE && adv.postTargets.includes(rating.post[row]))
        attackLikes++;
    });
    expect(attackLikes).toBe(45);
    const organic = (res: SimulationResult) =>
      res.posts!.activity.rating.rater.filter((u) => res.world.participants.role[u] !== ROLE_ADVERSARY).length;
    expect(organic(r)).toBe(organic(without));
  });
});
