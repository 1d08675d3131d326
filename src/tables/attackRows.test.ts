import { describe, expect, it } from 'vitest';
import type { AttackOutcome, ComparableDeltas, SimulationMetrics } from '../../sim/index.ts';
import type { AttackSummary } from '../engine/engineTypes.ts';
import { attackColumns, attackRows, formatAttackValue } from './attackRows.ts';
import { tableTsv } from './tsv.ts';

const outcome = (successes: number): AttackOutcome => ({
  label: 'pile',
  kind: 'pileOn',
  accounts: 60,
  attackRatings: 1700,
  camouflageRatings: 0,
  targets: 30,
  promotionTargets: 30,
  suppressionTargets: 0,
  targetsHelpfulWithAttack: successes + 1,
  targetsHelpfulWithout: 1,
  successes,
  successRate: successes / 30,
  targetHelpfulHoursWithAttack: 60,
  targetHelpfulHoursWithout: 24,
  meanTargetInterceptShift: 0.14,
});

const summary = (successes: number): AttackSummary => ({
  report: {
    adversaries: [outcome(successes)],
    collateral: { statusChanged: 18, gainedHelpful: 2, lostHelpful: 3 },
    deltas: {
      flips: { total: -11, notesLosingHelpful: -1, notesFlippingRepeatedly: NaN },
      previewExposure: {
        notesEverInPreview: -2,
        previewHours: -72,
        previewsReleasedToHelpful: 3,
        previewsEndedOtherwise: -9,
        notesEverNeedsYourHelp: -14,
      },
    } as ComparableDeltas,
    posts: null,
  },
  counterfactual: {} as SimulationMetrics,
  targetHelpful: {
    time: new Float64Array(0),
    withAttack: new Float64Array(0),
    without: new Float64Array(0),
    targets: 30,
  },
  millis: 1,
});

describe('attack-success table', () => {
  it('puts A next to B per adversary, then collateral and deltas, and exports them as TSV', () => {
    const rows = attackRows(summary(5), summary(3));
    expect(rows[0]).toEqual({ group: 'pile (pileOn)', metric: 'success rate', kind: 'share', a: 5 / 30, b: 3 / 30 });
    expect(rows.find((r) => r.metric === 'final status changed')).toMatchObject({ a: 18, b: 18 });
    expect(rows.find((r) => r.metric === 'status flips')).toMatchObject({ kind: 'signed', a: -11 });
    const onlyA = attackRows(summary(5), null);
    expect(onlyA.length).toBe(rows.length);
    expect(Number.isNaN(onlyA[0].b)).toBe(true);
    expect(attackRows(null, null).every((r) => Number.isNaN(r.a) && Number.isNaN(r.b))).toBe(true);
    const tsv = tableTsv(attackColumns(rows), Int32Array.of(0, 1)).split('\n');
    expect(tsv[0]).toBe('group\tmetric\tA\tB');
    expect(tsv[2]).toBe('pile (pileOn)\tsuccesses\t5\t3');
  });

  it('formats shares, signed changes, hours and missing values', () => {
    expect(formatAttackValue(0.1, 'share')).toBe('10.0%');
    expect(formatAttackValue(-11, 'signed')).toBe('−11');
    expect(formatAttackValue(0.141, 'signed')).toBe('+0.141');
    expect(formatAttackValue(0, 'signed')).toBe('0');
    expect(formatAttackValue(689.6, 'hours')).toBe('690');
    expect(formatAttackValue(NaN, 'count')).toBe('—');
  });
});
