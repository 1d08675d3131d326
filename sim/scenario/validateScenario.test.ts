import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVERSARY_COMMON_FIELDS, ADVERSARY_FIELDS, SCENARIO_FIELDS } from './schema.ts';
import { ScenarioError, validateScenario } from './validateScenario.ts';
import { buildWorld } from '../world/buildWorld.ts';

const PRESETS = join(import.meta.dirname, '../../datasets/scenarios');

describe('validateScenario', () => {
  it('fills every field with its default', () => {
    const s = validateScenario({});
    for (const f of SCENARIO_FIELDS) {
      const value = f.path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);
      expect(value, f.path).toEqual(f.default);
    }
    expect(s.adversaries).toEqual([]);
  });

  it('keeps given values and fills adversary defaults by kind', () => {
    const s = validateScenario({ world: { raters: 300 }, adversaries: [{ kind: 'coordinatedRing', size: 6 }] });
    expect(s.world.raters).toBe(300);
    expect(s.world.notes).toBe(1000);
    const ring = s.adversaries[0];
    expect(ring.kind).toBe('coordinatedRing');
    expect(ring.size).toBe(6);
    expect(ring.label).toBe('coordinatedRing#1');
    if (ring.kind === 'coordinatedRing') expect(ring.spreadMinutes).toBe(5);
  });

  it('names the field, the value and the allowed range', () => {
    const fail = (json: unknown) => {
      try {
        validateScenario(json);
      } catch (err) {
        expect(err).toBeInstanceOf(ScenarioError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(fail({ world: { raters: 1.5 } })).toBe(
      'scenario.world.raters: 1.5 is not allowed (an integer in [2, 1000000])',
    );
    expect(fail({ world: { raters: '10' } })).toContain('scenario.world.raters: "10"');
    expect(fail({ time: { days: 0 } })).toContain('scenario.time.days: 0 is not allowed (a number in [0.01, 365])');
    expect(fail({ world: { perspectiveDims: 3 } })).toContain('one of 1, 2');
    expect(fail({ wrold: {} })).toContain(
      'scenario.wrold: {} is not allowed (unknown field; known here: name, description, seed, world',
    );
    expect(fail({ world: { ratres: 5 } })).toContain('scenario.world.ratres');
    expect(fail({ adversaries: [{ kind: 'pileOn', waves: 0 }] })).toContain('scenario.adversaries[0].waves: 0');
    expect(fail({ adversaries: [{ kind: 'nope' }] })).toContain('scenario.adversaries[0].kind: "nope"');
    expect(fail({ adversaries: [{ kind: 'pileOn', latencyMinutes: 3 }] })).toContain(
      'scenario.adversaries[0].latencyMinutes',
    );
    expect(fail({ scoring: { disabledRules: ['NoSuchRule'] } })).toContain(
      'scenario.scoring.disabledRules[0]: "NoSuchRule"',
    );
    expect(fail({ time: { stepMinutes: 7 } })).toContain('scenario.time.scoringEveryHours');
    expect(fail({ world: { raters: 2, notes: 2, ratings: 5 } })).toContain('scenario.world.ratings: 5');
    expect(fail({ channels: { needsYourHelpShare: 0.8, populationSampledShare: 0.5 } })).toContain(
      'scenario.channels.populationSampledShare',
    );
    expect(fail({ scoring: { prescoreEveryHours: 9 } })).toContain(
      'scenario.scoring.prescoreEveryHours: 9 is not allowed (0 or a multiple of time.scoringEveryHours = 6)',
    );
    expect(fail([])).toContain('scenario: [] is not allowed (expected a JSON object)');
    // JSON.parse reads 1e999 as Infinity: the message must not call it null.
    expect(fail(JSON.parse('{"world":{"raters":1e999}}'))).toBe(
      'scenario.world.raters: Infinity (a number too large to represent) is not allowed (an integer in [2, 1000000])',
    );
    expect(fail({ world: { authorFraction: 0 } })).toContain('scenario.world.authorFraction: 0 is not allowed');
  });

  it('a 2-rater world always has a note writer when authorFraction > 0', () => {
    for (let seed = 0; seed < 20; seed++) {
      const s = validateScenario({
        world: { raters: 2, notes: 3, ratings: 4, authorFraction: 0.25 },
        time: { days: 1 },
      });
      expect(() => buildWorld(s, seed, false), `seed ${seed}`).not.toThrow();
    }
  });

  it('resolves rule names given without their version', () => {
    const s = validateScenario({
      scoring: { disabledRules: ['MinMinorityRaters', 'PopulationSampledIntercept (v1.0)'] },
    });
    expect(s.scoring.disabledRules).toEqual(['MinMinorityRaters (v1.0)', 'PopulationSampledIntercept (v1.0)']);
  });

  it('documents every field', () => {
    const all = [...SCENARIO_FIELDS, ...ADVERSARY_COMMON_FIELDS, ...Object.values(ADVERSARY_FIELDS).flat()];
    for (const f of all) {
      expect(f.description.length, f.path).toBeGreaterThan(5);
      if (f.kind === 'number') {
        expect(f.default, f.path).toBeGreaterThanOrEqual(f.min);
        expect(f.default, f.path).toBeLessThanOrEqual(f.max);
      }
    }
  });

  it('accepts every bundled preset', () => {
    const files = readdirSync(PRESETS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const s = validateScenario(JSON.parse(readFileSync(join(PRESETS, f), 'utf8')));
      expect(s.name).toBe(f.replace(/\.json$/, ''));
    }
  });
  it('posts: off by default, §12 constants and conditions by name, post adversaries only with the pilot', () => {
    const s = validateScenario({ posts: { enabled: true, disabledRules: ['DislikeVeto'] } });
    expect([s.posts.enabled, s.posts.minLingers, s.posts.factorSplitPoint, s.posts.disabledRules]).toEqual([
      true,
      29,
      0.15,
      ['DislikeVeto'],
    ]);
    expect(validateScenario({}).posts.enabled).toBe(false);
    expect(() => validateScenario({ posts: { admittedShare: 2 } })).toThrow('scenario.posts.admittedShare: 2');
    expect(() => validateScenario({ posts: { disabledRules: ['NoSuchRule'] } })).toThrow(
      'scenario.posts.disabledRules[0]',
    );
    expect(() => validateScenario({ adversaries: [{ kind: 'postDislikeVeto' }] })).toThrow(
      'scenario.adversaries[0].kind: "postDislikeVeto" is not allowed (a note adversary, or posts.enabled true',
    );
    const veto = validateScenario({ posts: { enabled: true }, adversaries: [{ kind: 'postDislikeVeto', size: 3 }] });
    expect(veto.adversaries[0]).toMatchObject({ kind: 'postDislikeVeto', recruit: true, minLingers: 30, size: 3 });
  });
});
