import { describe, expect, it } from 'vitest';
import { LEVEL_HELPFUL, LEVEL_NOT_HELPFUL, levelOf as levelOfFlags } from '../../data/tables.ts';
import { runSimulation, type SimulationResult } from '../../engine/runSimulation.ts';
import { validateScenario } from '../../scenario/validateScenario.ts';

const world = { raters: 600, notes: 200, ratings: 6000 };
const time = { days: 3 };

/** Attack ratings of adversary 0: ratings by its accounts on its targets. */
function attackRatings(r: SimulationResult) {
  const adv = r.adversaries[0];
  const accounts = new Set(adv.accounts);
  const t = r.dataset.ratings;
  const rows: number[] = [];
  for (let i = 0; i < t.length; i++) if (accounts.has(t.rater[i]) && adv.targetSet.has(t.note[i])) rows.push(i);
  return { adv, rows, t };
}

const run = (adversary: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  runSimulation(validateScenario({ world, time, adversaries: [adversary], ...extra }), { seed: 5, score: false });

describe('adversary strategies', () => {
  it('coordinated ring: every member rates every target within the spread, identically', async () => {
    const r = await run({
      kind: 'coordinatedRing',
      size: 6,
      startHours: 12,
      durationHours: 48,
      latencyMinutes: 10,
      spreadMinutes: 5,
      verdict: 'NOT_HELPFUL',
      targets: { selector: 'slant', side: 1, count: 20, includeExisting: false },
    });
    const { adv, rows, t } = attackRatings(r);
    expect(adv.targets.length).toBe(20);
    expect(rows.length).toBe(120);
    const byNote = new Map<number, number[]>();
    for (const i of rows) {
      expect(levelOfFlags(t.flags[i])).toBe(LEVEL_NOT_HELPFUL);
      const n = t.note[i];
      expect(r.world.notes.slant[2 * n]).toBeGreaterThan(0);
      expect(r.world.notes.createdAt[n]).toBeGreaterThanOrEqual(r.world.start + 12 * 3_600_000);
      byNote.set(n, [...(byNote.get(n) ?? []), t.createdAt[i]]);
    }
    for (const [n, times] of byNote) {
      const lead = r.world.notes.createdAt[n] + 10 * 60_000;
      for (const x of times) expect(x - lead).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(5 * 60_000 + 1);
    }
    expect(adv.camouflageRatings).toBeGreaterThan(0);
    expect(adv.attackRatings).toBe(120);
  });

  it('pile-on: recruited raters of the side rate trending targets in waves, within budget', async () => {
    const r = await run({
      kind: 'pileOn',
      recruit: true,
      size: 25,
      perspective: 0.6,
      startHours: 24,
      durationHours: 24,
      waves: 2,
      waveMinutes: 60,
      budget: 300,
      targets: { selector: 'slant', side: 1, count: 15 },
    });
    const { adv, rows, t } = attackRatings(r);
    for (const u of adv.accounts) expect(r.world.participants.perspective[2 * u]).toBeGreaterThan(0);
    expect(adv.accounts.length).toBe(25);
    expect(adv.attackRatings).toBeLessThanOrEqual(300);
    expect(adv.attackRatings).toBeGreaterThan(200);
    // recruits also rate as themselves: the attack ratings are the ones inside the waves
    const inWave = rows.filter((i) => {
      const off = (t.createdAt[i] - r.world.start) / 60_000;
      return (off >= 24 * 60 && off < 24 * 60 + 60) || (off >= 36 * 60 && off < 36 * 60 + 60);
    });
    expect(inWave.length).toBeGreaterThanOrEqual(adv.attackRatings);
    expect(inWave.length).toBeLessThan(adv.attackRatings + 10);
  });

  it('high-volume sybils: equalised volumes, Helpful on their side only', async () => {
    const r = await run({
      kind: 'highVolumeSybils',
      size: 4,
      ratingsPerAccount: 60,
      equalizeVolumes: true,
      agenda: 'side',
      perspective: -0.5,
      startHours: 0,
      durationHours: 72,
      budget: 1000,
      camouflageRatingsPerDay: 0,
      targets: { selector: 'any', count: 100000 },
    });
    const { adv, rows, t } = attackRatings(r);
    const perAccount = new Map<number, number>();
    for (const i of rows) {
      perAccount.set(t.rater[i], (perAccount.get(t.rater[i]) ?? 0) + 1);
      const side = Math.sign(r.world.notes.slant[2 * t.note[i]]);
      expect(levelOfFlags(t.flags[i])).toBe(side === -1 ? LEVEL_HELPFUL : LEVEL_NOT_HELPFUL);
    }
    expect([...perAccount.values()].every((v) => v >= 58 && v <= 60)).toBe(true);
    expect(adv.camouflageRatings).toBe(0);
  });

  it("writer-rater collusion: the writers' notes get Helpful from the colluders within the latency", async () => {
    const r = await run({
      kind: 'writerRaterCollusion',
      writers: 1,
      notesPerWriter: 12,
      size: 5,
      latencyMinutes: 3,
      startHours: 6,
      durationHours: 48,
      targets: { selector: 'own', count: 100 },
    });
    const { adv, rows, t } = attackRatings(r);
    expect(adv.targets.length).toBe(12);
    expect(rows.length).toBe(60);
    for (const i of rows) {
      expect(levelOfFlags(t.flags[i])).toBe(LEVEL_HELPFUL);
      expect(t.createdAt[i] - r.world.notes.createdAt[t.note[i]]).toBeLessThanOrEqual(3 * 60_000 + 1);
    }
  });

  it('targeted suppression: Not Helpful on truly helpful targets at the given frequency', async () => {
    const r = await run({
      kind: 'targetedSuppression',
      size: 10,
      ratingsPerHour: 5,
      startHours: 12,
      durationHours: 40,
      verdict: 'NOT_HELPFUL',
      budget: 10000,
      targets: { selector: 'helpful', count: 30 },
    });
    const { adv, rows: all, t } = attackRatings(r);
    const rows = all.filter((i) => t.createdAt[i] >= r.world.start + 12 * 3_600_000);
    for (const n of adv.targets) expect(r.world.notes.helpfulness[n]).toBeGreaterThanOrEqual(0.5);
    expect(rows.length).toBeGreaterThan(120);
    expect(rows.length).toBeLessThan(220);
    for (const i of rows) expect(levelOfFlags(t.flags[i])).toBe(LEVEL_NOT_HELPFUL);
  });

  it('leaves the organic ratings before the attack unchanged (counterfactual basis)', async () => {
    const scenario = validateScenario({
      world,
      time,
      adversaries: [{ kind: 'pileOn', recruit: true, size: 20, startHours: 36, durationHours: 12 }],
    });
    const a = await runSimulation(scenario, { seed: 8, score: false });
    const b = await runSimulation(scenario, { seed: 8, score: false, withAdversaries: false });
    const before = (r: SimulationResult) => {
      const out: string[] = [];
      const t = r.dataset.ratings;
      for (let i = 0; i < t.length; i++)
        if (t.createdAt[i] < r.world.start + 36 * 3_600_000)
          out.push(`${t.rater[i]}:${t.note[i]}:${t.createdAt[i]}:${t.flags[i]}`);
      return out;
    };
    expect(before(a)).toEqual(before(b));
    expect(a.dataset.ratings.length).toBeGreaterThan(b.dataset.ratings.length);
  });
});
