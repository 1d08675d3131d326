import { describe, expect, it } from 'vitest';
import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../../data/tables.ts';
import { FIRM_REJECT as FR, CRH, CRNH, NMR, NYH } from '../noteStatus.ts';
import { applyRules, ruleNamesOf } from './applyRules.ts';
import { metaRules, metaScore } from './metaRules.ts';
import { withEnabled } from './metaRule.ts';
import { frameOf } from './testing/frameOf.ts';

const NOW = 1_700_000_000_000;

describe('applyRules: later wins, decidedBy, active rules', () => {
  const frame = frameOf({
    expansionPlusRatingStatus: [NMR, CRH, NMR, FR],
    expansionRatingStatus: [null, CRNH, FR, null],
    coreWithTopicsRatingStatus: [null, null, CRH, null],
    coreRatingStatus: [null, CRH, null, null],
  });
  const out = metaScore(frame, { now: NOW, disabled: new Set(['NmrDueToMinStableCrhTime']) }).frame;

  it('ExpansionPlus is the default decider, FIRM_REJECT becomes NMR', () => {
    expect(out.str('finalRatingStatus')[0]).toBe(NMR);
    expect(out.str('decidedBy')[0]).toBe('ExpansionPlusModel (v1.1)');
    expect(out.str('finalRatingStatus')[3]).toBe(NMR);
    expect(out.str('decidedBy')[3]).toBe('ExpansionPlusModel (v1.1)');
  });

  it('Core wins over Expansion and ExpansionPlus; CoreWithTopics over Expansion FIRM_REJECT', () => {
    expect(out.str('finalRatingStatus')[1]).toBe(CRH);
    expect(out.str('decidedBy')[1]).toBe('CoreModel (v1.1)');
    expect(out.str('finalRatingStatus')[2]).toBe(CRH);
    expect(out.str('decidedBy')[2]).toBe('CoreWithTopicsModel (v1.1)');
  });

  it('lists every rule that returned the note, in application order', () => {
    expect(out.str('metaScorerActiveRules')[1]).toBe(
      'MetaInitialNMR (v1.0),ExpansionPlusModel (v1.1),ExpansionModel (v1.1),CoreModel (v1.1)',
    );
    expect(out.str('metaScorerActiveRules')[0]).toBe('MetaInitialNMR (v1.0),ExpansionPlusModel (v1.1)');
  });

  it('a rule that re-sets the same status still becomes decidedBy', () => {
    const f = frameOf({ expansionPlusRatingStatus: [CRH], coreRatingStatus: [CRH] });
    const r = metaScore(f, { now: NOW, disabled: new Set(['NmrDueToMinStableCrhTime']) }).frame;
    expect(r.str('decidedBy')[0]).toBe('CoreModel (v1.1)');
  });
});

describe('applyRules: switching rules off', () => {
  const frame = frameOf({ expansionPlusRatingStatus: [NMR], expansionRatingStatus: [CRH], coreRatingStatus: [CRNH] });

  it('skips rules named with or without version; later rules see the status left by the others', () => {
    const r = metaScore(frame, { now: NOW, disabled: new Set(['CoreModel', 'NmrDueToMinStableCrhTime (v1.0)']) });
    expect(r.frame.str('finalRatingStatus')[0]).toBe(CRH);
    expect(r.frame.str('decidedBy')[0]).toBe('ExpansionModel (v1.1)');
    expect(r.skipped.filter((s) => s.reason === 'disabled').map((s) => s.name)).toEqual([
      'CoreModel (v1.1)',
      'NmrDueToMinStableCrhTime (v1.0)',
    ]);
    // a disabled rule writes no side output
    expect(r.frame.has('preStabilizationRatingStatus')).toBe(false);
  });

  it('honours enabled: false entries and ignores unknown names', () => {
    const table = metaRules().map((rule) => (rule.name === 'CoreModel (v1.1)' ? withEnabled(rule, false) : rule));
    const r = applyRules(table, frame, { now: NOW, disabled: new Set(['NoSuchRule', 'NmrDueToMinStableCrhTime']) });
    expect(r.frame.str('finalRatingStatus')[0]).toBe(CRH);
  });

  it('reports rules whose inputs are absent', () => {
    const r = metaScore(frame, { now: NOW });
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.name, s.reason]));
    expect(reasons['GaussianModel (v1.0)']).toBe('absent columns: gaussianRatingStatus');
    expect(reasons['GroupModel01 (v1.1)']).toBe('absent columns: groupRatingStatus, modelingGroup');
    expect(reasons['CoreModel (v1.1)']).toBeUndefined();
  });

  it('throws when no rule assigns a status (MetaInitialNMR off, note unclaimed)', () => {
    const f = frameOf({ coreRatingStatus: [null] });
    expect(() => metaScore(f, { now: NOW, disabled: new Set(['MetaInitialNMR']) })).toThrow(
      /no rule assigned a status/,
    );
  });

  it('table names are unique and versioned', () => {
    const names = ruleNamesOf(metaRules());
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => / \(v1\.[01]\)$/.test(n))).toBe(true);
    expect(names).toContain('GroupModel14 (v1.1)');
    expect(names).toContain('GroupModel15NMR (v1.1)');
    expect(names.length).toBe(1 + 4 + 1 + 13 + 2 + 3 + 2 + 5 + 4);
  });
});

describe('input validation', () => {
  it('rejects an unknown status string, naming the column', () => {
    const f = frameOf({ coreRatingStatus: ['HELPFUL'] });
    expect(() => metaScore(f, { now: NOW })).toThrow(/coreRatingStatus.*HELPFUL/);
  });
  it('rejects a numeric status column', () => {
    const f = frameOf({ coreRatingStatus: [1] });
    expect(() => metaScore(f, { now: NOW })).toThrow(/coreRatingStatus must hold strings/);
  });
  it('rejects a missing now', () => {
    expect(() => metaScore(frameOf({ coreRatingStatus: [CRH] }), { now: NaN })).toThrow(/options.now/);
  });
});

describe('ScoringDriftGuard', () => {
  it('imposes a differing locked status and records the unlocked one', () => {
    const f = frameOf({
      coreRatingStatus: [CRH, CRNH, NMR],
      lockedStatus: [NMR, CRNH, null],
      currentStatus: [CRH, CRNH, NMR],
    });
    const r = metaScore(f, { now: NOW, disabled: new Set(['InsufficientExplanation']) }).frame;
    expect(r.str('finalRatingStatus')).toEqual([NMR, CRNH, NMR]);
    expect(r.str('decidedBy')).toEqual(['ScoringDriftGuard (v1.0)', 'CoreModel (v1.1)', 'CoreModel (v1.1)']);
    expect(r.str('unlockedRatingStatus')).toEqual([CRH, null, null]);
  });

  it('a locked CRH note is still demoted by InsufficientExplanation when it lacks tags', () => {
    const tags = Object.fromEntries([...HELPFUL_TAGS, ...NOT_HELPFUL_TAGS].map((t) => [t, [1]]));
    const f = frameOf({ coreRatingStatus: [NMR], lockedStatus: [CRH], ...tags });
    const r = metaScore(f, { now: NOW }).frame;
    expect(r.str('finalRatingStatus')[0]).toBe(NMR);
    expect(r.str('metaScorerActiveRules')[0]).toMatch(/ScoringDriftGuard \(v1\.0\),InsufficientExplanation \(v1\.0\)$/);
  });
});

describe('NYH never leaves meta scoring with the default table', () => {
  it('converts a model NYH to NMR (stabilization) on a note that was not CRH', () => {
    const f = frameOf({ coreRatingStatus: [NYH], currentStatus: [NMR] });
    const r = metaScore(f, { now: NOW }).frame;
    expect(r.str('finalRatingStatus')[0]).toBe(NMR);
    expect(r.str('decidedBy')[0]).toBe('NmrDueToMinStableCrhTime (v1.0)');
  });
});
