import { describe, expect, it } from 'vitest';
import { CRH, CRNH, NMR, NYH } from '../noteStatus.ts';
import { metaScore } from './metaRules.ts';
import { frameOf } from './testing/frameOf.ts';

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const STAB = 'NmrDueToMinStableCrhTime (v1.0)';

interface Case {
  label: string;
  cur: string;
  prev?: string | null;
  t?: number;
  first?: string | null;
  topic?: [string | null, string | null];
  pflip?: string | null;
  /** expected final status, whether the rule returned the note, and the new timer (NaN = none) */
  status: string;
  returned: boolean;
  newT: number;
}

const cases: Case[] = [
  { label: 'was CRH, now NYH -> back to CRH', cur: NYH, prev: CRH, status: CRH, returned: true, newT: NaN },
  {
    label: 'was CRH, still CRH -> untouched',
    cur: CRH,
    prev: CRH,
    t: NOW - 5 * MIN,
    status: CRH,
    returned: false,
    newT: NaN,
  },
  { label: 'T null, CRH -> enters stabilization', cur: CRH, status: NMR, returned: true, newT: NOW },
  { label: 'T null, NYH -> enters stabilization', cur: NYH, status: NMR, returned: true, newT: NOW },
  { label: 'T < 0, CRH -> re-enters', cur: CRH, t: -1, status: NMR, returned: true, newT: NOW },
  { label: 'T < 0, NYH -> NMR, may not re-enter', cur: NYH, t: -1, status: NMR, returned: true, newT: -1 },
  {
    label: 'CRH after 61 min -> forced exit to CRH',
    cur: CRH,
    t: NOW - 61 * MIN,
    pflip: 'FLIP',
    status: CRH,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRH at exactly 60 min, pflip FLIP -> stays',
    cur: CRH,
    t: NOW - 60 * MIN,
    pflip: 'FLIP',
    status: NMR,
    returned: true,
    newT: NOW - 60 * MIN,
  },
  {
    label: 'CRH at exactly 60 min, pflip CRH -> early exit',
    cur: CRH,
    t: NOW - 60 * MIN,
    pflip: 'CRH',
    status: CRH,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRH at 29 min -> stays',
    cur: CRH,
    t: NOW - 29 * MIN,
    pflip: 'CRH',
    status: NMR,
    returned: true,
    newT: NOW - 29 * MIN,
  },
  {
    label: 'CRH at exactly 30 min, pflip CRH -> early exit',
    cur: CRH,
    t: NOW - 30 * MIN,
    pflip: 'CRH',
    status: CRH,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRH at 45 min, topic not confident -> stays',
    cur: CRH,
    t: NOW - 45 * MIN,
    topic: ['Scams', 'False'],
    pflip: 'CRH',
    status: NMR,
    returned: true,
    newT: NOW - 45 * MIN,
  },
  {
    label: 'CRH at 45 min, topic confident -> early exit',
    cur: CRH,
    t: NOW - 45 * MIN,
    topic: ['Scams', 'True'],
    pflip: 'CRH',
    status: CRH,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRH at 45 min, topic confidence unknown -> early exit',
    cur: CRH,
    t: NOW - 45 * MIN,
    topic: ['Scams', null],
    pflip: 'CRH',
    status: CRH,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRH at 45 min, was CRH before -> stays',
    cur: CRH,
    t: NOW - 45 * MIN,
    first: CRH,
    pflip: 'CRH',
    status: NMR,
    returned: true,
    newT: NOW - 45 * MIN,
  },
  {
    label: 'CRH at 45 min, was CRNH before -> early exit',
    cur: CRH,
    t: NOW - 45 * MIN,
    first: CRNH,
    pflip: 'CRH',
    status: CRH,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRH at 45 min, no pflip label, fallback CRH -> early exit',
    cur: CRH,
    t: NOW - 45 * MIN,
    status: CRH,
    returned: false,
    newT: -1,
  },
  { label: 'NYH after 361 min -> NMR, leaves', cur: NYH, t: NOW - 361 * MIN, status: NMR, returned: true, newT: -1 },
  {
    label: 'NYH at exactly 360 min -> stays',
    cur: NYH,
    t: NOW - 360 * MIN,
    pflip: 'CRH',
    status: NMR,
    returned: true,
    newT: NOW - 360 * MIN,
  },
  {
    label: 'NYH at 100 min, nothing holding it -> stays NMR',
    cur: NYH,
    t: NOW - 100 * MIN,
    pflip: 'CRH',
    status: NMR,
    returned: true,
    newT: NOW - 100 * MIN,
  },
  {
    label: 'NMR now, was in stabilization -> leaves, timer -1',
    cur: NMR,
    t: NOW - 10 * MIN,
    status: NMR,
    returned: false,
    newT: -1,
  },
  {
    label: 'CRNH now, was in stabilization -> leaves, timer -1',
    cur: CRNH,
    t: NOW - 10 * MIN,
    status: CRNH,
    returned: false,
    newT: -1,
  },
  { label: 'CRNH never in stabilization -> not considered', cur: CRNH, status: CRNH, returned: false, newT: NaN },
  { label: 'NMR with T = -1 -> not considered', cur: NMR, t: -1, status: NMR, returned: false, newT: NaN },
];

function runCases(list: Case[], pflipFallback: 'CRH' | 'FLIP' = 'CRH') {
  const frame = frameOf({
    coreRatingStatus: list.map((c) => c.cur),
    currentStatus: list.map((c) => c.prev ?? NMR),
    timestampMillisOfNmrDueToMinStableCrhTime: list.map((c) => c.t ?? NaN),
    firstNonNMRStatus: list.map((c) => c.first ?? null),
    noteTopic: list.map((c) => c.topic?.[0] ?? null),
    topicNoteConfident: list.map((c) => c.topic?.[1] ?? null),
    pflipLabel: list.map((c) => c.pflip ?? null),
  });
  return metaScore(frame, { now: NOW, pflipFallback, disabled: new Set(['InsufficientExplanation']) }).frame;
}

describe('NmrDueToMinStableCrhTime', () => {
  const out = runCases(cases);
  it.each(cases.map((c, i) => [c.label, i] as const))('%s', (_label, i) => {
    const c = cases[i];
    expect(out.str('finalRatingStatus')[i]).toBe(c.status);
    expect(out.str('decidedBy')[i] === STAB).toBe(c.returned);
    expect(out.num('updatedTimestampMillisOfNmrDueToMinStableCrhTime')[i]).toBe(c.newT);
    expect(out.str('preStabilizationRatingStatus')[i]).toBe(c.cur);
  });

  it('a missing pflip label counts as FLIP with pflipFallback FLIP', () => {
    const c: Case = { label: '', cur: CRH, t: NOW - 45 * MIN, status: NMR, returned: true, newT: NOW - 45 * MIN };
    const o = runCases([c], 'FLIP');
    expect(o.str('finalRatingStatus')[0]).toBe(NMR);
    expect(o.num('updatedTimestampMillisOfNmrDueToMinStableCrhTime')[0]).toBe(NOW - 45 * MIN);
  });

  it('works without any history columns (first run: every CRH waits)', () => {
    const o = metaScore(frameOf({ coreRatingStatus: [CRH, NMR] }), { now: NOW }).frame;
    expect(o.str('finalRatingStatus')).toEqual([NMR, NMR]);
    expect(Array.from(o.num('updatedTimestampMillisOfNmrDueToMinStableCrhTime'))).toEqual([NOW, NaN]);
  });

  it('rejects a malformed pflip label', () => {
    const c: Case = { label: '', cur: CRH, t: NOW - 45 * MIN, pflip: 'maybe', status: NMR, returned: true, newT: 0 };
    expect(() => runCases([c])).toThrow(/pflipLabel.*maybe/);
  });
});
