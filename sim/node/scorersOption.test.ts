import { describe, expect, it } from 'vitest';
import { UsageError } from './cliArgs.ts';
import { scorersOption } from './scorersOption.ts';

describe('scorersOption', () => {
  it('accepts catalogue names and rejects unknown or miscased ones, listing the known names', () => {
    expect(scorersOption(undefined)).toBeUndefined();
    expect(scorersOption('MFCoreScorer, MFExpansionScorer')).toEqual(['MFCoreScorer', 'MFExpansionScorer']);
    expect(() => scorersOption('FooScorer')).toThrow(UsageError);
    expect(() => scorersOption('FooScorer')).toThrow(/unknown scorer FooScorer; known: .*MFCoreScorer/);
    expect(() => scorersOption('mfcorescorer')).toThrow(/unknown scorer mfcorescorer \(did you mean MFCoreScorer\?\)/);
    expect(() => scorersOption(',')).toThrow(/at least one/);
  });
});
