import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preprocessText } from './pythonText.ts';
import { fitTfidf, transformTfidf } from './tfidf.ts';
import { blockedSubstrings, isStopWord, REGEX_MAX_LENGTH, scanTokens, tokenize } from './topicTokenizer.ts';

describe('tokenize', () => {
  it('lower-cases, strips accents and keeps words of ≥ 2 word characters', () => {
    expect(tokenize('Señor A b CD e_f 42 x')).toEqual(['senor', 'cd', 'e_f', '42']);
  });

  it('keeps the URL seed terms as single tokens (scheme and path dropped)', () => {
    expect(tokenize('Señor https://help.x.com/rules a b cd')).toEqual(['senor', 'help.x.com', 'cd']);
    expect(tokenize('see x.com/tos/more')).toEqual(['see', 'x.com/tos']);
  });

  it('splits words at marks of combining class 0, as Python’s \\w does', () => {
    expect(tokenize('हिंदी')).toEqual([]);
    // The virama (class 9) is stripped, so the seed word becomes one token that no longer contains the seed term.
    expect(tokenize('आरक्षण')).toEqual(['आरकषण']);
    expect(isStopWord('आरकषण')).toBe(false);
  });
});

describe('stop words', () => {
  it('derives the blocked substrings from the seed terms as the reference does', () => {
    const blocked = blockedSubstrings();
    for (const s of [
      'hamas',
      '.hamas.',
      'sc',
      'messi',
      'messi.',
      'undisclosedad',
      'undisclosed.ad',
      'help.x.com',
      'help\\.x\\.com',
    ]) {
      expect(blocked).toContain(s);
    }
  });

  it('blocks every token containing a seed term', () => {
    expect(isStopWord('scientist')).toBe(true);
    expect(isStopWord('ukrainian')).toBe(true);
    expect(isStopWord('help.x.com')).toBe(true);
    expect(isStopWord('report')).toBe(false);
  });
});

describe('fitTfidf', () => {
  it('computes smooth idf and L2-normalised rows, dropping stop words and out-of-range frequencies', () => {
    const docs = [
      ['alpha', 'beta', 'beta'],
      ['alpha', 'gamma'],
      ['alpha', 'scam'],
    ];
    const { vocab, X } = fitTfidf(docs, 1, 2);
    // alpha has df 3 > max_df 2; scam is a stop word.
    expect(vocab.terms).toEqual(['beta', 'gamma']);
    const idf = Math.log(4 / 2) + 1;
    expect(vocab.idf[0]).toBeCloseTo(idf, 12);
    expect(Array.from(X.indptr)).toEqual([0, 1, 2, 2]);
    expect(Array.from(X.data)).toEqual([1, 1]);
    const Y = transformTfidf(vocab, [['beta', 'gamma', 'gamma', 'unknown']]);
    expect(Y.data[0]).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(Y.data[1]).toBeCloseTo(2 / Math.sqrt(5), 12);
  });
});

describe('tokenize on over-long text', () => {
  it('the loop used past REGEX_MAX_LENGTH gives the regex’s tokens', () => {
    const parts = [
      'a',
      'é',
      '𠀀',
      '𝐀',
      '1',
      '_',
      '.',
      '/',
      ':',
      '-',
      'https://',
      'http://',
      'help.x.com',
      'x.com/tos',
      'x',
      'h',
      '\u0301',
      '\ud800',
      'ß',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), (list) => {
        const piece = list.join('');
        const scanned: string[] = [];
        scanTokens(preprocessText(preprocessText(piece)), scanned);
        expect(scanned).toEqual(tokenize(piece));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('tokenizes a multi-megabyte cell of astral letters without overflowing the stack', () => {
    const cell =
      'voir https://help.x.com/' + '𠀀'.repeat(REGEX_MAX_LENGTH) + ' ' + 'ab'.repeat(REGEX_MAX_LENGTH) + ' 𠀀𠀀';
    expect(tokenize(cell)).toEqual(['voir', 'help.x.com', 'ab'.repeat(REGEX_MAX_LENGTH), '𠀀𠀀']);
  });
});
