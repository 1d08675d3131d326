import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { countPairsOncePerPost, type PairEnumerator } from './pairCounts.ts';

describe('countPairsOncePerPost', () => {
  it('counts a pair once per post whatever its order and repeats', () => {
    // Post 0: (1,2) twice and (2,1); post 1: (2,1); post 2: (3,3) is not a pair.
    const enumerate: PairEnumerator = (emit, endPost) => {
      emit(1, 2);
      emit(1, 2);
      emit(2, 1);
      emit(0, 3);
      endPost();
      emit(2, 1);
      endPost();
      emit(3, 3);
      endPost();
    };
    const pairs = countPairsOncePerPost(4, 7, enumerate, () => true);
    expect(Array.from(pairs.a)).toEqual([0, 1]);
    expect(Array.from(pairs.b)).toEqual([3, 2]);
    expect(Array.from(pairs.count)).toEqual([1, 2]);
  });

  it('gives the same counts in several memory-bounded passes as in one', () => {
    const random = randomSeeded(7);
    const posts = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => [
        Math.floor(random() * 40),
        Math.floor(random() * 40),
      ]),
    );
    const enumerate: PairEnumerator = (emit, endPost) => {
      for (const post of posts) {
        for (const [a, b] of post) emit(a, b);
        endPost();
      }
    };
    const total = posts.reduce((s, p) => s + p.length, 0);
    const asMap = (p: ReturnType<typeof countPairsOncePerPost>) =>
      new Map(Array.from(p.a, (a, i) => [`${a}-${p.b[i]}`, p.count[i]]));
    const one = countPairsOncePerPost(40, total, enumerate, () => true);
    const many = countPairsOncePerPost(40, total, enumerate, () => true, 64);
    expect(many.length).toBe(one.length);
    expect(asMap(many)).toEqual(asMap(one));
    const kept = countPairsOncePerPost(40, total, enumerate, (_a, _b, c) => c >= 3, 64);
    expect(kept.length).toBe([...asMap(one).values()].filter((c) => c >= 3).length);
  });
});
