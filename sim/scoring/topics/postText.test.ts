import { describe, expect, it } from 'vitest';
import { makeNoteInfo } from '../clustering/testTables.ts';
import { buildPostTexts, compareIds, filterUrlTokens } from './postText.ts';

describe('filterUrlTokens', () => {
  it('keeps only ASCII letter runs of ≥ 4 characters inside URLs', () => {
    expect(filterUrlTokens('see https://ex.org/sc_lang/report?id=7 now')).toBe('see https lang report now');
    expect(filterUrlTokens('(http://news.site/a)')).toBe('(http news site)');
  });

  it('keeps help.x.com and x.com/tos URLs verbatim', () => {
    expect(filterUrlTokens('https://help.x.com/en/rules ok')).toBe('https://help.x.com/en/rules ok');
    expect(filterUrlTokens('https://x.com/tos')).toBe('https://x.com/tos');
  });
});

describe('buildPostTexts', () => {
  const info = makeNoteInfo([
    { author: 0, t: 0, tweet: '20', summary: 'second_post a/b' },
    { author: 0, t: 0, tweet: '9', summary: 'first' },
    { author: 0, t: 0, tweet: '20', summary: 'more https://ex.org/path_name' },
    { author: 0, t: 0, tweet: null, summary: 'deleted note' },
    { author: 0, t: 0, tweet: '-1', summary: 'no post' },
  ]);

  it('joins the notes of each post, numerically ordered, with _ and / turned into spaces', () => {
    const posts = buildPostTexts(info);
    expect(posts.postIds).toEqual(['-1', '9', '20']);
    expect(posts.texts).toEqual(['no post', 'first', 'second post a b more https path name']);
    expect(Array.from(posts.start)).toEqual([0, 1, 2, 4]);
    expect(Array.from(posts.notes)).toEqual([4, 1, 0, 2]);
  });

  it('uses only the requested notes', () => {
    expect(buildPostTexts(info, Int32Array.from([2, 3])).texts).toEqual(['more https path name']);
  });

  it('orders ids as 64-bit integers', () => {
    expect(['1927904155339896667', '999', '-1', '1927904155339896666'].sort(compareIds)).toEqual([
      '-1',
      '999',
      '1927904155339896666',
      '1927904155339896667',
    ]);
  });
});
