import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validateScenario.ts';
import { seedLabels, TOPIC_NAMES } from '../scoring/topics/seedTopics.ts';
import { buildWorld } from './buildWorld.ts';
import { drawLevel } from './ratingBehaviour.ts';
import { randomSeeded } from '../random/random.ts';
import { sigmoid } from './sampling.ts';
import { ROLE_ADVERSARY, WRITER_ADVERSARY } from './worldTypes.ts';

const scenario = validateScenario({
  world: { raters: 800, notes: 300, ratings: 5000, aiWriters: 3, perspectiveDims: 2 },
  time: { days: 3 },
  adversaries: [
    { kind: 'writerRaterCollusion', writers: 2, notesPerWriter: 5, size: 4 },
    { kind: 'coordinatedRing', size: 5 },
  ],
});

describe('buildWorld', () => {
  it('builds the organic world of the scenario', () => {
    const { world, adversaries } = buildWorld(scenario, 1, false);
    expect(adversaries).toEqual([]);
    expect(world.participants.organicRaters).toBe(800);
    expect(world.participants.length).toBe(803);
    expect(world.notes.length).toBe(300);
    expect(new Set(world.notes.id).size).toBe(300);
    expect(new Set(world.participants.ids).size).toBe(803);
    for (let i = 1; i < world.notes.length; i++)
      expect(world.notes.createdAt[i]).toBeGreaterThanOrEqual(world.notes.createdAt[i - 1]);
    for (let i = 0; i < world.notes.length; i++) {
      expect(world.notes.createdAt[i]).toBeLessThan(world.end);
      expect(world.notes.createdAt[i]).toBeGreaterThanOrEqual(world.posts.createdAt[world.notes.post[i]]);
      expect(/^[1-9][0-9]{18}$/.test(world.notes.id[i])).toBe(true);
    }
    const groups = new Set(Array.from(world.participants.modelingGroup.subarray(0, 800)));
    expect(groups.has(13)).toBe(true);
    const aiNotes = world.notes.writerKind.filter((k) => k === 1).length;
    expect(aiNotes).toBeGreaterThan(10);
  });

  it("writes topic words the scorer's seed labels find", () => {
    const { world } = buildWorld(scenario, 1, false);
    const { labels } = seedLabels(world.notes.summary);
    for (let i = 0; i < world.notes.length; i++)
      expect(TOPIC_NAMES[labels[i]]).toBe(world.notes.topic[i] || 'Unassigned');
    expect(world.notes.topic.filter((t) => t !== '').length).toBeGreaterThan(20);
  });

  it('is deterministic, and the organic world does not depend on the adversaries', () => {
    const a = buildWorld(scenario, 5, false).world;
    const b = buildWorld(scenario, 5, true);
    const c = buildWorld(scenario, 6, false).world;
    expect(buildWorld(scenario, 5, false).world.notes.id).toEqual(a.notes.id);
    expect(c.notes.id).not.toEqual(a.notes.id);
    const organic = b.world.notes.id.filter((_, i) => b.world.notes.writerKind[i] !== WRITER_ADVERSARY);
    expect(organic).toEqual(a.notes.id);
    expect(b.world.participants.ids.slice(0, a.participants.length)).toEqual(a.participants.ids);
    expect(b.world.notes.length).toBe(310);
    expect(b.adversaries.map((x) => x.accounts.length)).toEqual([6, 5]);
    for (const adv of b.adversaries)
      for (const u of adv.accounts) expect(b.world.participants.role[u]).toBe(ROLE_ADVERSARY);
    const own = b.world.notes.adversary.filter((x) => x === 0).length;
    expect(own).toBe(10);
  });
});

describe('drawLevel', () => {
  it('follows P(helpful) = sigmoid(x - 0.6), P(not helpful) = sigmoid(-x - 0.6)', () => {
    const random = randomSeeded(9);
    for (const x of [-2, 0, 1.5]) {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 50_000; i++) counts[drawLevel(random, x, 0.6)]++;
      expect(counts[3] / 50_000).toBeCloseTo(sigmoid(x - 0.6), 2);
      expect(counts[1] / 50_000).toBeCloseTo(sigmoid(-x - 0.6), 2);
    }
  });
});
