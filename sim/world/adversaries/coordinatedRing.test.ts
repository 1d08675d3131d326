import { describe, expect, it } from 'vitest';
import { LEVEL_HELPFUL, levelOf } from '../../data/tables.ts';
import { runSimulation } from '../../engine/runSimulation.ts';
import { validateScenario } from '../../scenario/validateScenario.ts';

const ring = {
  kind: 'coordinatedRing',
  size: 6,
  perspective: 0.8,
  startHours: 36,
  durationHours: 24,
  latencyMinutes: 10,
  spreadMinutes: 5,
  camouflageRatingsPerDay: 0,
  sharedCamouflagePerDay: 20,
  targets: { selector: 'slant', side: -1, count: 15, includeExisting: false },
};
const scenario = (over: Record<string, unknown> = {}) =>
  validateScenario({
    world: { raters: 600, notes: 200, ratings: 6000 },
    time: { days: 3 },
    adversaries: [{ ...ring, ...over }],
  });

describe('coordinated ring: shared camouflage and the bridging forgery', async () => {
  const r = await runSimulation(scenario(), { seed: 9, score: false });
  const adv = r.adversaries[0];
  const members = new Set(adv.accounts);
  const t = r.dataset.ratings;
  const camouflage = new Map<number, { times: number[]; raters: number[]; levels: number[] }>();
  const attack: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!members.has(t.rater[i])) continue;
    if (adv.targetSet.has(t.note[i])) {
      attack.push(i);
      continue;
    }
    const c = camouflage.get(t.note[i]) ?? { times: [], raters: [], levels: [] };
    c.times.push(t.createdAt[i]);
    c.raters.push(t.rater[i]);
    c.levels.push(levelOf(t.flags[i]));
    camouflage.set(t.note[i], c);
  }

  it('accounts take the perspective opposite to the targets they boost', () => {
    expect(adv.targets.length).toBe(15);
    for (const n of adv.targets) expect(r.world.notes.slant[2 * n]).toBeLessThan(0);
    for (const a of adv.accounts) expect(r.world.participants.perspective[2 * a]).toBe(0.8);
    expect(attack.length).toBe(90);
    for (const i of attack) expect(levelOf(t.flags[i])).toBe(LEVEL_HELPFUL);
  });

  it('every member rates each shared camouflage note, within spreadMinutes of the others', () => {
    expect(camouflage.size).toBeGreaterThan(20);
    expect(adv.camouflageRatings).toBe([...camouflage.values()].reduce((s, c) => s + c.raters.length, 0));
    let full = 0;
    for (const c of camouflage.values()) {
      expect(Math.max(...c.times) - Math.min(...c.times)).toBeLessThanOrEqual(5 * 60_000);
      expect(new Set(c.raters).size).toBe(c.raters.length);
      if (c.raters.length === 6) full++;
    }
    expect(full / camouflage.size).toBeGreaterThan(0.9);
  });

  it("camouflage verdicts follow the accounts' own perspective, not the targets' side", () => {
    const share = (sign: number) => {
      let helpful = 0;
      let all = 0;
      for (const [n, c] of camouflage) {
        if (Math.sign(r.world.notes.slant[2 * n]) !== sign) continue;
        for (const level of c.levels) {
          all++;
          if (level === LEVEL_HELPFUL) helpful++;
        }
      }
      return helpful / all;
    };
    expect(share(1)).toBeGreaterThan(share(-1) + 0.2);
  });

  it('is deterministic and leaves the default ring (no shared camouflage) without camouflage when asked', async () => {
    const again = await runSimulation(scenario(), { seed: 9, score: false });
    expect(again.adversaries[0].camouflageRatings).toBe(adv.camouflageRatings);
    const plain = await runSimulation(scenario({ sharedCamouflagePerDay: 0 }), { seed: 9, score: false });
    expect(plain.adversaries[0].camouflageRatings).toBe(0);
    expect(plain.adversaries[0].attackRatings).toBe(90);
  });

  it('validation names the field and its range', () => {
    expect(() => scenario({ sharedCamouflagePerDay: -1 })).toThrow(
      'scenario.adversaries[0].sharedCamouflagePerDay: -1 is not allowed (a number in [0, 1000])',
    );
    expect(() => validateScenario({ adversaries: [{ kind: 'pileOn', sharedCamouflagePerDay: 5 }] })).toThrow(
      /scenario\.adversaries\[0\]\.sharedCamouflagePerDay/,
    );
  });
});
