import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../engine/runSimulation.ts';
import { validateScenario } from '../../scenario/validateScenario.ts';
import { trulyHelpful } from '../trulyHelpful.ts';

const scenario = (bad: Record<string, unknown>) =>
  validateScenario({
    world: { model: 'latent', raters: 300, notes: 400, ratings: 8000, expansionFraction: 0, expansionPlusFraction: 0 },
    time: { days: 1, scoringEveryHours: 24, attentionHalfLifeHours: 8760 },
    channels: { needsYourHelpShare: 0, populationSampledShare: 0 },
    adversaries: [{ kind: 'badRaters', startHours: 0, durationHours: 24, ...bad }],
  });

describe('bad raters', () => {
  it('biased, always acting, targeted: a share of raters from the other side rate helpful + side notes Not Helpful', async () => {
    const s = scenario({ share: 0.2, frequency: 1, factorBias: 0.8, targeted: true, targets: { side: 1 } });
    const r = await runSimulation(s, { score: false });
    const bad = r.adversaries[0].accounts;
    expect(bad.length).toBe(60);
    for (const u of bad) expect(r.world.participants.perspective[2 * u]).toBe(-0.8);
    const isBad = new Set(bad);
    const { ratings } = r.dataset;
    let acted = 0;
    let other = 0;
    for (let i = 0; i < ratings.length; i++) {
      const n = ratings.note[i];
      if (!isBad.has(ratings.rater[i])) continue;
      if (trulyHelpful(r.world, s, n) && r.world.notes.slant[2 * n] > 0) {
        expect(ratings.helpful2[i]).toBe(0);
        acted++;
      } else if (ratings.helpful2[i] !== 0) other++;
    }
    expect(acted).toBeGreaterThan(20);
    expect(r.adversaries[0].attackRatings).toBe(acted);
    expect(other).toBeGreaterThan(0);
  });

  it('unbiased at frequency 0 change nothing; at frequency ½ about half their helpful-note ratings', async () => {
    const base = await runSimulation(scenario({ share: 0.25, frequency: 0 }), { score: false, withAdversaries: false });
    const none = await runSimulation(scenario({ share: 0.25, frequency: 0 }), { score: false });
    expect(none.dataset.ratings.helpful2).toEqual(base.dataset.ratings.helpful2);
    const half = await runSimulation(scenario({ share: 0.25, frequency: 0.5 }), { score: false });
    const a = half.adversaries[0];
    expect(a.accounts.length).toBe(75);
    const isBad = new Set(a.accounts);
    let onHelpful = 0;
    const { ratings } = half.dataset;
    for (let i = 0; i < ratings.length; i++)
      if (isBad.has(ratings.rater[i]) && trulyHelpful(half.world, half.scenario, ratings.note[i])) onHelpful++;
    expect(a.attackRatings / onHelpful).toBeGreaterThan(0.35);
    expect(a.attackRatings / onHelpful).toBeLessThan(0.65);
  });
});
