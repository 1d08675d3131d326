import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/tables.ts';
import { runSimulation } from '../engine/runSimulation.ts';
import { validateScenario } from '../scenario/validateScenario.ts';
import { createEngine } from './mf/engines.ts';
import type { MFEngine } from './mf/types.ts';
import { scoreDataset, type ScoringResult } from './pipeline/scoreDataset.ts';
import { expandScoringProfile } from './scoringProfiles.ts';

const world = validateScenario({
  world: { model: 'latent', raters: 250, notes: 300, ratings: 7000, expansionFraction: 0, expansionPlusFraction: 0 },
  time: { days: 2, scoringEveryHours: 48, attentionHalfLifeHours: 8760 },
  channels: { needsYourHelpShare: 0, populationSampledShare: 0 },
});

let data: Dataset;
let engine: MFEngine;
let now: number;
const score = (disabledRules: string[]): Promise<ScoringResult> =>
  scoreDataset(data, { now, seed: 5, engine, scorers: ['MFCoreScorer'], disabledRules });
const sum = (a: Float64Array) => a.reduce((t, v) => (Number.isNaN(v) ? t : t + v), 0);

describe('scoring profiles', () => {
  beforeAll(async () => {
    const r = await runSimulation(world, { score: false });
    data = r.dataset;
    now = r.world.end;
    engine = await createEngine('typed');
  });

  it('published-simplified expands into Core only and its switches; keepRules and explicit lists win', () => {
    const s = validateScenario({ scoring: { profile: 'published-simplified' } }).scoring;
    expect(s.scorers).toEqual(['MFCoreScorer']);
    expect(s.disabledRules).toEqual([
      'PostSelectionCoalescing',
      'PseudoRaters',
      'FlipPrediction',
      'LowDiligenceModel',
      'FilterLowDiligence (v1.0)',
      'TagFilter (v1.0)',
      'FilterIncorrect (v1.0)',
      'ValidRatingWindow',
    ]);
    const kept = expandScoringProfile({
      profile: 'published-simplified',
      scorers: ['MFGroupScorer_1'],
      disabledRules: ['RaterHelpfulnessFilter'],
      keepRules: ['PseudoRaters', 'ValidRatingWindow'],
    });
    expect(kept.scorers).toEqual(['MFGroupScorer_1']);
    expect(kept.disabledRules).toContain('RaterHelpfulnessFilter');
    expect(kept.disabledRules).not.toContain('PseudoRaters');
    expect(kept.disabledRules).not.toContain('ValidRatingWindow');
    const full = validateScenario({}).scoring;
    expect(full.profile).toBe('full');
    expect(full.disabledRules).toEqual([]);
    expect(full.scorers).toEqual([]);
    expect(() => validateScenario({ scoring: { profile: 'simplified' } })).toThrow(/scenario\.scoring\.profile/);
  });

  it('each switch takes effect', async () => {
    const on = await score([]);
    const core = (r: ScoringResult) => r.run.prescoring.get('MFCoreScorer')!;
    expect(on.notes.get('coreNoteInterceptMax')).toBeInstanceOf(Float64Array);
    expect(core(on).diligence).not.toBeNull();

    const noPseudo = await score(['PseudoRaters']);
    expect(noPseudo.notes.get('coreNoteInterceptMax')).toBeUndefined();

    const noDiligence = await score(['LowDiligenceModel']);
    expect(core(noDiligence).diligence).toBeNull();

    const noFlip = await score(['FlipPrediction']);
    expect(noFlip.pflipFallbackReason).toMatch(/FlipPrediction is switched off/);

    const noFilter = await score(['RaterHelpfulnessFilter']);
    const filtered = core(on);
    expect(filtered.finalRoundNumUsers).toBeLessThan(core(noFilter).finalRoundNumUsers);
    expect(core(noFilter).finalRoundNumRatings).toBeGreaterThan(filtered.finalRoundNumRatings);

    const allValid = await score(['ValidRatingWindow']);
    expect(sum(core(allValid).valid!.ratingCount)).toBeGreaterThan(sum(filtered.valid!.ratingCount));
  }, 60_000);
});
