import { describe, expect, it } from 'vitest';
import { LEVEL_HELPFUL, LEVEL_NOT_HELPFUL, LEVEL_SOMEWHAT_HELPFUL } from '../data/tables.ts';
import { runSimulation } from '../engine/runSimulation.ts';
import { randomSeeded } from '../random/random.ts';
import { validateScenario } from '../scenario/validateScenario.ts';
import { buildWorld } from './buildWorld.ts';
import { drawLatentLevel, latentGap, latentProbabilities, latentTrulyHelpful } from './latentWorld.ts';

const latentScenario = (extra: Record<string, unknown> = {}) =>
  validateScenario({
    world: {
      model: 'latent',
      raters: 300,
      notes: 400,
      ratings: 6000,
      expansionFraction: 0,
      expansionPlusFraction: 0,
      ...extra,
    },
    time: { days: 1, scoringEveryHours: 24, attentionHalfLifeHours: 8760 },
    channels: { needsYourHelpShare: 0, populationSampledShare: 0 },
  });

describe('latent-factor world', () => {
  it('has the softmax probabilities of the study: thirds at x = 0, exp(∓γx) / Z otherwise', () => {
    expect(latentProbabilities(0, 3).map((p) => p.toFixed(12))).toEqual(Array(3).fill((1 / 3).toFixed(12)));
    for (const [x, g] of [
      [0.3, 3],
      [-0.7, 2],
      [0.05, 10],
      [40, 50],
    ]) {
      const z = 1 + Math.exp(-g * x) + Math.exp(g * x);
      const [h, s, n] = latentProbabilities(x, g);
      if (Number.isFinite(z)) {
        expect(h).toBeCloseTo(Math.exp(-g * x) / z, 12);
        expect(s).toBeCloseTo(1 / z, 12);
        expect(n).toBeCloseTo(Math.exp(g * x) / z, 12);
      }
      expect(h + s + n).toBeCloseTo(1, 12);
    }
  });

  it('draws levels with the softmax frequencies (seeded, within 4 standard errors)', () => {
    const random = randomSeeded(7);
    const draws = 40_000;
    for (const x of [-0.4, 0, 0.25]) {
      const counts: Record<number, number> = {
        [LEVEL_HELPFUL]: 0,
        [LEVEL_SOMEWHAT_HELPFUL]: 0,
        [LEVEL_NOT_HELPFUL]: 0,
      };
      for (let k = 0; k < draws; k++) counts[drawLatentLevel(random, x, 3)]++;
      const p = latentProbabilities(x, 3);
      [LEVEL_HELPFUL, LEVEL_SOMEWHAT_HELPFUL, LEVEL_NOT_HELPFUL].forEach((level, i) => {
        const se = Math.sqrt((p[i] * (1 - p[i])) / draws);
        expect(Math.abs(counts[level] / draws - p[i])).toBeLessThan(4 * se);
      });
    }
  });

  it('calls a note truly helpful when i_n > 0.4 and |f_n| < 0.5', () => {
    const p = latentScenario().world.latent;
    expect(latentTrulyHelpful(0.41, 0.49, p)).toBe(true);
    expect(latentTrulyHelpful(0.41, -0.49, p)).toBe(true);
    expect(latentTrulyHelpful(0.4, 0, p)).toBe(false);
    expect(latentTrulyHelpful(1, 0.5, p)).toBe(false);
    expect(latentTrulyHelpful(1, -0.6, p)).toBe(false);
  });

  it('draws the true parameters deterministically from the seed, one-dimensional, with the given spreads', () => {
    const s = latentScenario({ latent: { raterPolarization: 1, factorSd: 0.1, raterInterceptSd: 0.2 } });
    const a = buildWorld(s, 3, false).world;
    const b = buildWorld(s, 3, false).world;
    expect(a.participants.leniency).toEqual(b.participants.leniency);
    expect(a.notes.slant).toEqual(b.notes.slant);
    const f = Array.from({ length: 300 }, (_, u) => a.participants.perspective[2 * u]);
    expect(f.every((v) => Math.abs(Math.abs(v) - 1) < 0.6)).toBe(true);
    expect(Array.from({ length: 300 }, (_, u) => a.participants.perspective[2 * u + 1]).every((v) => v === 0)).toBe(
      true,
    );
    const sd = Math.sqrt(Array.from(a.participants.leniency.subarray(0, 300)).reduce((t, v) => t + v * v, 0) / 300);
    expect(sd).toBeGreaterThan(0.15);
    expect(sd).toBeLessThan(0.25);
    expect(latentGap(a, s.world.latent, 0, 0)).toBeCloseTo(
      0.5 - (s.world.latent.mu + a.participants.leniency[0] + a.notes.helpfulness[0] + f[0] * a.notes.slant[0]),
      12,
    );
  });

  it('rates through the softmax, and with homophily 1 only within one side', async () => {
    const s = latentScenario({ latent: { homophily: 1 } });
    const r = await runSimulation(s, { score: false });
    const { ratings } = r.dataset;
    expect(ratings.length).toBeGreaterThan(5000);
    for (let i = 0; i < ratings.length; i++) {
      const u = ratings.rater[i];
      const n = ratings.note[i];
      expect(r.world.participants.perspective[2 * u] * r.world.notes.slant[2 * n]).toBeGreaterThanOrEqual(0);
    }
    const again = await runSimulation(s, { score: false });
    expect(again.dataset.ratings.helpful2).toEqual(ratings.helpful2);
  });
});
