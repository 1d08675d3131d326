import { describe, expect, it } from 'vitest';
import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../../data/tables.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import { HELPFUL_TAG_PRIORITY, NOT_HELPFUL_TAG_PRIORITY, topTwoTags } from './explanationTags.ts';
import { metaScore } from './metaRules.ts';
import { frameOf } from './testing/frameOf.ts';

const NOW = 1_700_000_000_000;
const H = (t: (typeof HELPFUL_TAGS)[number]) => HELPFUL_TAGS.indexOf(t);

describe('topTwoTags', () => {
  it('picks the two largest eligible counts', () => {
    const c = new Array(9).fill(0);
    c[H('helpfulGoodSources')] = 5;
    c[H('helpfulClear')] = 7;
    c[H('helpfulOther')] = 6;
    expect(topTwoTags(c, HELPFUL_TAG_PRIORITY, 2)).toEqual([H('helpfulClear'), H('helpfulOther')]);
  });
  it('breaks ties by the higher priority (helpfulInformative beats helpfulClear beats helpfulOther)', () => {
    const c = new Array(9).fill(0);
    c[H('helpfulOther')] = 3;
    c[H('helpfulClear')] = 3;
    c[H('helpfulInformative')] = 3;
    expect(topTwoTags(c, HELPFUL_TAG_PRIORITY, 2)).toEqual([H('helpfulInformative'), H('helpfulClear')]);
  });
  it('needs two tags used at least twice', () => {
    const c = new Array(9).fill(1);
    c[H('helpfulClear')] = 9;
    expect(topTwoTags(c, HELPFUL_TAG_PRIORITY, 2)).toBeNull();
    c[H('helpfulEmpathetic')] = 2;
    expect(topTwoTags(c, HELPFUL_TAG_PRIORITY, 2)).toEqual([H('helpfulClear'), H('helpfulEmpathetic')]);
  });
  it('ranks not-helpful ties with the not-helpful priorities (Outdated highest, Other lowest)', () => {
    const c = new Array(13).fill(0);
    const N = (t: (typeof NOT_HELPFUL_TAGS)[number]) => NOT_HELPFUL_TAGS.indexOf(t);
    c[N('notHelpfulOther')] = 4;
    c[N('notHelpfulOutdated')] = 4;
    c[N('notHelpfulIncorrect')] = 4;
    expect(topTwoTags(c, NOT_HELPFUL_TAG_PRIORITY, 2)).toEqual([N('notHelpfulOutdated'), N('notHelpfulIncorrect')]);
  });
});

describe('InsufficientExplanation', () => {
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const cols: Record<string, number[]> = Object.fromEntries(
    [...HELPFUL_TAGS, ...NOT_HELPFUL_TAGS].map((t) => [t, zeros(4)]),
  );
  // row 0: CRH with two helpful tags; row 1: CRH with one tag; row 2: CRNH with a tie; row 3: NMR with tags
  cols.helpfulClear[0] = 4;
  cols.helpfulGoodSources[0] = 4;
  cols.helpfulClear[1] = 10;
  cols.helpfulEmpathetic[1] = 1;
  cols.notHelpfulIncorrect[2] = 3;
  cols.notHelpfulMissingKeyPoints[2] = 3;
  cols.notHelpfulOther[2] = 5;
  cols.helpfulClear[3] = 4;
  cols.helpfulGoodSources[3] = 4;
  const frame = frameOf({ coreRatingStatus: [CRH, CRH, CRNH, NMR], currentStatus: [CRH, CRH, CRNH, NMR], ...cols });
  const out = metaScore(frame, { now: NOW }).frame;

  it('assigns the top two tags of CRH and CRNH notes, ties to the higher priority', () => {
    expect(out.str('firstTag')).toEqual(['helpfulClear', null, 'notHelpfulOther', null]);
    expect(out.str('secondTag')).toEqual(['helpfulGoodSources', null, 'notHelpfulIncorrect', null]);
  });
  it('demotes a CRH/CRNH note with fewer than two tags to NMR', () => {
    expect(out.str('finalRatingStatus')).toEqual([CRH, NMR, CRNH, NMR]);
    expect(out.str('decidedBy')[1]).toBe('InsufficientExplanation (v1.0)');
    expect(out.str('decidedBy')[0]).toBe('CoreModel (v1.1)');
  });
});
