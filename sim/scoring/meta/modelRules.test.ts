import { describe, expect, it } from 'vitest';
import { FIRM_REJECT as FR, CRH, CRNH, NMR, NYH } from '../noteStatus.ts';
import { metaScore } from './metaRules.ts';
import { frameOf } from './testing/frameOf.ts';

const NOW = 1_700_000_000_000;
// Stabilization would turn CRH/NYH into NMR on these first-run frames; switch it off to see the rules themselves.
const run = (cols: Parameters<typeof frameOf>[0]) =>
  metaScore(frameOf(cols), { now: NOW, disabled: new Set(['NmrDueToMinStableCrhTime']) }).frame;

describe('MultiGroupModel01', () => {
  const out = run({
    expansionPlusRatingStatus: [NMR, NMR, NMR, NMR, NMR, CRH],
    coreRatingStatus: [FR, null, null, CRNH, null, null],
    expansionRatingStatus: [null, CRNH, NMR, null, null, null],
    multiGroupRatingStatus: [CRH, NYH, CRH, NMR, CRNH, CRH],
    modelingMultiGroup: [1, 1, 1, 1, 1, 2],
  });
  it('ignores CRH/NYH on blocked notes (Core FR/CRNH, or no Core and Expansion CRNH)', () => {
    expect(out.str('decidedBy').slice(0, 2)).toEqual(['CoreModel (v1.1)', 'ExpansionModel (v1.1)']);
    expect(out.str('finalRatingStatus').slice(0, 2)).toEqual([NMR, CRNH]);
  });
  it('applies CRH when not blocked and any NMR/CRNH even when blocked', () => {
    expect(out.str('finalRatingStatus').slice(2, 5)).toEqual([CRH, NMR, CRNH]);
    expect(out.str('decidedBy').slice(2, 5)).toEqual(Array(3).fill('MultiGroupModel01 (v1.0)'));
  });
  it('only acts on modelingMultiGroup = 1', () => {
    expect(out.str('decidedBy')[5]).toBe('ExpansionPlusModel (v1.1)');
  });
});

describe('group promotion', () => {
  const out = run({
    expansionPlusRatingStatus: [NMR, NMR, NMR, NMR, NMR, NYH, NYH, NMR, NMR, NMR, NMR],
    coreRatingStatus: [NMR, NMR, NMR, NMR, null, null, null, null, NMR, NMR, FR],
    coreNoteIntercept: [0.35, 0.3, 0.4, 0.39, NaN, NaN, NaN, NaN, 0.9, 0.26, 0.35],
    expansionNoteIntercept: [NaN, NaN, NaN, NaN, 0.31, 0.35, 0.35, NaN, NaN, NaN, NaN],
    groupRatingStatus: [CRH, CRH, CRH, NYH, CRH, NYH, CRH, CRH, CRH, CRH, CRH],
    modelingGroup: [5, 5, 5, 13, 2, 2, 2, 7, 14, 33, 5],
  });
  const final = out.str('finalRatingStatus');
  const decided = out.str('decidedBy');
  it('groups 1–13 act strictly inside (0.3, 0.40) of the Core intercept', () => {
    expect(final.slice(0, 4)).toEqual([CRH, NMR, NMR, NYH]);
    expect(decided[0]).toBe('GroupModel05 (v1.1)');
    expect(decided[3]).toBe('GroupModel13 (v1.1)');
  });
  it('falls back to the Expansion intercept, skips NYH -> NYH, needs some intercept', () => {
    expect(final.slice(4, 8)).toEqual([CRH, NYH, CRH, NMR]);
    expect(decided[5]).toBe('ExpansionPlusModel (v1.1)');
    expect(decided[6]).toBe('GroupModel02 (v1.1)');
    expect(decided[7]).toBe('ExpansionPlusModel (v1.1)');
  });
  it('groups 14 and 33 use 0.25 with no upper bound', () => {
    expect(final.slice(8, 10)).toEqual([CRH, CRH]);
    expect(decided.slice(8, 10)).toEqual(['GroupModel14 (v1.1)', 'GroupModel33 (v1.1)']);
  });
  it('never promotes a blocked note', () => {
    expect(final[10]).toBe(NMR);
    expect(decided[10]).toBe('CoreModel (v1.1)');
  });
  it('does not touch a note that is already CRH', () => {
    const o = run({ coreRatingStatus: [CRH], coreNoteIntercept: [0.35], groupRatingStatus: [NYH], modelingGroup: [4] });
    expect(o.str('decidedBy')[0]).toBe('CoreModel (v1.1)');
  });
});

describe('group demotion (33NMR, 18NMR, 15NMR)', () => {
  const out = run({
    coreRatingStatus: [CRH, CRH, NYH, CRH, CRH, CRNH],
    groupRatingStatus: [NMR, CRNH, NMR, NMR, CRH, NMR],
    modelingGroup: [33, 18, 15, 13, 33, 33],
  });
  it('turns CRH/NYH into NMR when the group model says NMR or CRNH', () => {
    expect(out.str('finalRatingStatus')).toEqual([NMR, NMR, NMR, CRH, CRH, CRNH]);
    expect(out.str('decidedBy').slice(0, 3)).toEqual([
      'GroupModel33NMR (v1.1)',
      'GroupModel18NMR (v1.1)',
      'GroupModel15NMR (v1.1)',
    ]);
  });
});

describe('Gaussian coverage', () => {
  const out = run({
    coreRatingStatus: [NMR, FR, FR, CRH, NYH, NMR],
    gaussianRatingStatus: [CRH, CRH, CRNH, CRNH, NYH, NMR],
    gaussianCoreWithTopicsRatingStatus: [null, null, null, null, null, CRH],
  });
  it('fills NMR/NYH notes: CRH only when not blocked, CRNH always, never NYH over NYH', () => {
    expect(out.str('finalRatingStatus')).toEqual([CRH, NMR, CRNH, CRH, NYH, CRH]);
    expect(out.str('decidedBy')).toEqual([
      'GaussianModel (v1.0)',
      'CoreModel (v1.1)',
      'GaussianModel (v1.0)',
      'CoreModel (v1.1)',
      'CoreModel (v1.1)',
      'GaussianCoreWithTopicsModel (v1.0)',
    ]);
  });
});

describe('topic vetoes', () => {
  const out = run({
    coreRatingStatus: [CRH, CRH, CRH, NYH, CRH, CRH, CRNH],
    noteTopic: [
      'UkraineConflict',
      'Scams',
      'GazaConflict',
      'MessiRonaldo',
      'InDimensionTwo',
      'InDimensionTwo',
      'Scams',
    ],
    topicNoteConfident: ['True', 'True', 'False', 'True', 'True', 'True', 'True'],
    topicNoteIntercept: [0.2, 0.3, 0.1, 0.3, 0.5, 0.6, 0.1],
    topicNoteFactor1: [0, -0.6, 0, 0.5, 0, -0.9, 0],
  });
  it('vetoes confident low-intercept or large-factor topic notes that are CRH or NYH', () => {
    expect(out.str('finalRatingStatus')).toEqual([NMR, NMR, CRH, NYH, NMR, CRH, CRNH]);
    expect(out.str('decidedBy')[0]).toBe('TopicModel01 (v1.0)');
    expect(out.str('decidedBy')[1]).toBe('TopicModel04 (v1.0)');
    expect(out.str('decidedBy')[4]).toBe('TopicModel05 (v1.0)');
  });
  it('rejects a malformed topicNoteConfident', () => {
    expect(() =>
      run({
        coreRatingStatus: [CRH],
        noteTopic: ['Scams'],
        topicNoteConfident: ['yes'],
        topicNoteIntercept: [0],
        topicNoteFactor1: [0],
      }),
    ).toThrow(/topicNoteConfident.*yes/);
  });
});

describe('PopulationSampledIntercept', () => {
  const out = run({
    coreRatingStatus: [CRH, CRH, CRH, CRH, CRH, NMR, CRH],
    coreNoteIntercept: [0.45, 0.45, 0.45, 0.44, 0.5, 0.45, 0.45],
    coreNoteInterceptPopulationSampled: [0.2, 0.3, 0.2, 0.29, 0.2, 0.2, NaN],
    coreNegFactor_populationSampledRatingCount: [6, 6, 7, 4, 4, 6, 6],
    corePosFactor_populationSampledRatingCount: [2, 2, 1, 4, 3, 2, 2],
  });
  it('needs >= 8 ratings, >= 2 per side, intercept < 0.30 and divergence >= 0.15', () => {
    expect(out.str('finalRatingStatus')).toEqual([NMR, CRH, CRH, NMR, CRH, NMR, CRH]);
    expect(out.str('decidedBy')[0]).toBe('PopulationSampledIntercept (v1.0)');
    expect(out.str('decidedBy')[5]).toBe('CoreModel (v1.1)');
  });
  it('does nothing when the per-sign counts are absent', () => {
    const o = run({ coreRatingStatus: [CRH], coreNoteIntercept: [0.5], coreNoteInterceptPopulationSampled: [0] });
    expect(o.str('finalRatingStatus')[0]).toBe(CRH);
  });
});
