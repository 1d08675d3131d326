import { describe, expect, it } from 'vitest';
import { explainNote, ruleWords, type NoteFacts } from './explainNote.ts';

const t = { crh: 0.4, crnhIntercept: -0.05, crnhFactorMultiplier: -0.8, factor: 0.5 };
const base: NoteFacts = {
  status: 'CURRENTLY_RATED_HELPFUL',
  coreStatus: 'CURRENTLY_RATED_HELPFUL',
  decidedBy: 'CoreModel (v1.1)',
  intercept: 0.45,
  factor: 0.1,
  numRatings: 12,
  coreRules: 'InitialNMR (v1.0),GeneralCRH (v1.0)',
  metaRules: null,
  interceptNoHighVol: 0.41,
  interceptNoCorrelated: NaN,
};

describe('explainNote', () => {
  it('says why a bridging note is Helpful, with its numbers and rules', () => {
    const text = explainNote(base, t).join('\n');
    expect(text).toMatch(/This note is Helpful\. It was decided by CoreModel/);
    expect(text).toMatch(/intercept is 0\.450/);
    expect(text).toMatch(/clears the Helpful bar/);
    expect(text).toMatch(/across perspectives/);
    expect(text).toMatch(/without high-volume raters 0\.410/);
    expect(text).toMatch(/GeneralCRH \(with at least 5 ratings/);
  });

  it('explains a one-sided note, a note with too few ratings and an unscored one', () => {
    const oneSided = explainNote(
      { ...base, status: 'NEEDS_MORE_RATINGS', intercept: 0.1, factor: 0.9, numRatings: 3 },
      t,
    ).join('\n');
    expect(oneSided).toMatch(/between the two/);
    expect(oneSided).toMatch(/one side/);
    expect(oneSided).toMatch(/only 3 ratings/);
    const unscored = explainNote({ ...base, status: null, decidedBy: null, intercept: NaN, numRatings: 2 }, t).join(
      '\n',
    );
    expect(unscored).toMatch(/did not score it \(2 ratings\)/);
    expect(ruleWords('GroupModel07 (v1.1)')).toMatch(/group/);
    expect(ruleWords('SomethingNew (v9)')).toBe('SomethingNew');
  });
});
