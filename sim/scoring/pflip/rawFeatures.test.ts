import { describe, expect, it } from 'vitest';
import {
  CLASS_MISLEADING,
  CLASS_NOT_MISLEADING,
  FLAG,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  type RatingsTable,
} from '../../data/tables.ts';
import { CRH } from '../noteStatus.ts';
import type { NoteInfo } from '../noteInfo.ts';
import type { PflipInput } from './pflipTypes.ts';
import { SNOWFLAKE_EPOCH } from './postTime.ts';
import { N_RAW, RAW_COLUMNS, authorToken, ratingToken } from './rawColumns.ts';
import { featureContext, rawFeatureRows } from './rawFeatures.ts';
import { emptyHistory } from './testing/syntheticFlipHistory.ts';

const MIN = 60_000;
const T0 = 1_750_000_000_000;
const A = 0; // the scored note
const B = 1; // misleading peer
const C = 2; // not-misleading peer

function input(): PflipInput {
  const post = ((BigInt(T0 - 10 * MIN) - SNOWFLAKE_EPOCH) << 22n).toString();
  const info: NoteInfo = {
    size: 3,
    inUniverse: Uint8Array.of(1, 1, 1),
    author: Int32Array.of(5, 6, 7),
    createdAt: Float64Array.of(T0, T0 + 5 * MIN, T0 + 80 * MIN),
    tweetId: [post, post, post],
    classification: Uint8Array.of(CLASS_MISLEADING, CLASS_MISLEADING, CLASS_NOT_MISLEADING),
    summary: ['', '', ''],
  };
  // rater, minutes after T0, level; helpful ratings carry tag bit 1 (helpfulInformative)
  const spec: [number, number, number, number][] = [
    [A, 0, 0.5, LEVEL_HELPFUL],
    [A, 1, 2, LEVEL_SOMEWHAT_HELPFUL],
    [A, 2, 3, LEVEL_HELPFUL],
    [A, 3, 30, LEVEL_NOT_HELPFUL],
    [A, 4, 90, LEVEL_HELPFUL],
    [B, 0, 10, LEVEL_NOT_HELPFUL],
    [C, 2, 100, LEVEL_HELPFUL],
  ];
  const ratings: RatingsTable = {
    length: spec.length,
    note: Int32Array.from(spec, (s) => s[0]),
    rater: Int32Array.from(spec, (s) => s[1]),
    createdAt: Float64Array.from(spec, (s) => T0 + s[2] * MIN),
    flags: Uint32Array.from(spec, (s) => (s[3] << FLAG.levelShift) | (s[3] === LEVEL_HELPFUL ? 2 : 0)),
    helpful2: Uint8Array.from(spec, (s) => (s[3] === LEVEL_HELPFUL ? 2 : s[3] === LEVEL_SOMEWHAT_HELPFUL ? 1 : 0)),
  };
  const h = emptyHistory(3);
  h.firstNonNMRStatus[B] = CRH;
  h.timestampMillisOfFirstNonNMRStatus[B] = T0 + 50 * MIN;
  h.timestampMillisOfFirstNmrDueToMinStableCrhTime[B] = T0 + 40 * MIN;
  const raterFactor = Float64Array.of(-0.5, 0, 0.5, 0.8, NaN, NaN, NaN, NaN);
  return { ratings, info, statusHistory: h, raterFactor, now: T0 + 200 * MIN };
}

const col = (name: string): number => {
  const j = RAW_COLUMNS.findIndex((c) => c.name === name);
  if (j < 0) throw new Error(`no column ${name}`);
  return j;
};

describe('rawFeatureRows', () => {
  const ctx = featureContext(input());
  const at = (cutoff: number) => {
    const rows = rawFeatureRows(ctx, Int32Array.of(A), Float64Array.of(cutoff), Float64Array.of(cutoff));
    return { v: (name: string) => rows.values[col(name)], tokens: rows.tokens[0] };
  };

  it('has 144 columns', () => expect(N_RAW).toBe(144));

  it('counts rating buckets by rater side and level, up to the cutoff', () => {
    const { v } = at(T0 + 60 * MIN);
    expect(v('LOCAL_NEGATIVE_HELPFUL')).toBe(1);
    expect(v('LOCAL_NEUTRAL_SOMEWHAT_HELPFUL')).toBe(1);
    expect(v('LOCAL_POSITIVE_HELPFUL')).toBe(1);
    expect(v('LOCAL_POSITIVE_NOT_HELPFUL')).toBe(1);
    expect(v('PEER_MISLEADING_NEGATIVE_NOT_HELPFUL')).toBe(1);
    expect(v('PEER_NOT_MISLEADING_POSITIVE_HELPFUL')).toBe(0);
    expect(v('LOCAL_helpfulInformative')).toBe(0.5);
    expect(v('PEER_NOT_MISLEADING_helpfulInformative')).toBeNaN();
  });

  it('summarises the factors of Helpful raters', () => {
    const { v } = at(T0 + 60 * MIN);
    expect(v('LOCAL_MAX_POS_HELPFUL')).toBe(0.5);
    expect(v('LOCAL_MAX_NEG_HELPFUL')).toBe(0.5);
    expect(v('LOCAL_MEAN_NEG_HELPFUL')).toBe(0.5);
    expect(v('LOCAL_STD_HELPFUL')).toBeCloseTo(Math.SQRT1_2, 12);
    expect(v('LOCAL_MAX_DIFF')).toBe(1);
    expect(v('PEER_MISLEADING_MAX_POS_HELPFUL')).toBeNaN();
  });

  it('measures burstiness in 1/5/15/60-minute windows', () => {
    const { v } = at(T0 + 60 * MIN);
    expect([1, 5, 15, 60].map((m) => v(`FIRST_${m}_TOTAL`))).toEqual([1, 3, 3, 4]);
    expect([1, 5, 15, 60].map((m) => v(`BURST_${m}_TOTAL`))).toEqual([1, 3, 3, 4]);
    expect([1, 5, 15, 60].map((m) => v(`RECENT_${m}_TOTAL`))).toEqual([0, 0, 0, 4]);
    expect(v('FIRST_5_RATIO')).toBe(0.75);
  });

  it('decodes the writing latency and counts peer notes as of the cutoff', () => {
    const late = at(T0 + 60 * MIN).v;
    expect(late('NOTE_WRITING_LATENCY')).toBe(10 * MIN);
    expect(late('TOTAL_PEER_NOTES')).toBe(1);
    expect(late('TOTAL_PEER_CRH_NOTES')).toBe(1);
    expect(late('TOTAL_PEER_STABILIZATION_NOTES')).toBe(1);
    const early = at(T0 + 45 * MIN).v;
    expect(early('TOTAL_PEER_CRH_NOTES')).toBe(0);
    expect(early('TOTAL_PEER_STABILIZATION_NOTES')).toBe(1);
  });

  it('emits author and rater:level tokens per scope', () => {
    const { tokens } = at(T0 + 60 * MIN);
    expect(tokens).toContain(authorToken(5));
    expect(tokens).toContain(ratingToken(3, 0, LEVEL_NOT_HELPFUL));
    expect(tokens).toContain(ratingToken(0, 1, LEVEL_NOT_HELPFUL));
    expect(tokens).not.toContain(ratingToken(4, 0, LEVEL_HELPFUL));
  });

  it('uses every rating and peer without a cutoff (prediction)', () => {
    const rows = rawFeatureRows(ctx, Int32Array.of(A), null, Float64Array.of(T0 + 100 * MIN));
    const v = (name: string) => rows.values[col(name)];
    expect(v('FIRST_60_TOTAL')).toBe(4);
    expect(v('RECENT_15_TOTAL')).toBe(1);
    expect(v('PEER_NOT_MISLEADING_POSITIVE_HELPFUL')).toBe(1);
    expect(v('TOTAL_PEER_NOTES')).toBe(2);
    expect(v('TOTAL_PEER_NON_MISLEADING_NOTES')).toBe(1);
  });

  it('rejects ratings outside the participant range', () => {
    const bad = input();
    bad.raterFactor = new Float64Array(2);
    expect(() => featureContext(bad)).toThrow(/rater index 2, outside \[0, 2\)/);
  });
});
