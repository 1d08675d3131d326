import { describe, expect, it } from 'vitest';
import { seedLabels, Topic } from './seedTopics.ts';

// Expected topic sets checked against Python's `re` with the reference's pattern construction.
const CASES: [string, number[]][] = [
  ['Scammers everywhere', [4]],
  ['a nonscam offer', []],
  ['SCAM', [4]],
  ['x.scam', []],
  ['Putin met Netanyahu in Gaza', [1, 2]],
  ['messiah complex', []],
  ['Messi scored', [3]],
  ["messi's goal", [3]],
  ['SC, ST reservation', [5]],
  ['the sc-st act', [5]],
  ['obc quota', [5]],
  ['discord', []],
  ['https:  help.x.com en rules', [4]],
  ['undisclosed ad here', [4]],
  ['undisclosed  ad', []],
  ['dropshipping', [4]],
  ['\u3000kyiv', [1]],
  ['_kyiv', []],
  ['(russia)', []],
  ['आरक्षण नीति', [5]],
  ['hamass', []],
  ['Gazan', [2]],
  ['ukraine\nrussia', [1]],
  ['TERMS OF SERVICE violation', [4]],
  ['israeli-palestinian', [2]],
  ['x.com tos', []],
];

describe('seedLabels', () => {
  it('applies the anchoring rules (word start, \\b terms, URL terms) like Python', () => {
    const { labels, conflicted } = seedLabels(CASES.map(([t]) => t));
    CASES.forEach(([text, topics], i) => {
      const got = conflicted[i] ?? (labels[i] === 0 ? [] : [labels[i]]);
      expect(got, text).toEqual(topics);
    });
  });

  it('marks posts matching several topics as conflicted and Unassigned', () => {
    const { labels, conflicted } = seedLabels(['putin and gaza and a scam', 'just gaza']);
    expect(Array.from(labels)).toEqual([Topic.Unassigned, Topic.GazaConflict]);
    expect(conflicted).toEqual([[1, 2, 4], null]);
  });
});
