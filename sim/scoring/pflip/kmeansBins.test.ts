import { describe, expect, it } from 'vitest';
import { binOf, fitKMeansEdges } from './kmeansBins.ts';
import { postTimeOfTweetId } from './postTime.ts';

describe('fitKMeansEdges', () => {
  it('separates clusters with an edge between them', () => {
    const edges = fitKMeansEdges(Float64Array.of(0, 0.1, 0.2, 10, 10.1, 10.2), 2);
    expect(edges.length).toBe(1);
    expect(edges[0]).toBeCloseTo(5.1, 10);
    expect(binOf(edges, 0.2)).toBe(0);
    expect(binOf(edges, 9)).toBe(1);
  });

  it('gives no edges for a constant column and at most nBins − 1 otherwise', () => {
    expect(fitKMeansEdges(Float64Array.of(3, 3, 3), 5).length).toBe(0);
    const values = Float64Array.from({ length: 100 }, (_, i) => i);
    const edges = fitKMeansEdges(values, 4);
    expect(edges.length).toBe(3);
    for (let k = 1; k < edges.length; k++) expect(edges[k]).toBeGreaterThan(edges[k - 1]);
    expect(binOf(edges, -1)).toBe(0);
    expect(binOf(edges, 1000)).toBe(3);
  });

  it('merges edges of duplicate-heavy columns', () => {
    // Two distinct values and 7 bins: only one edge can separate them.
    const values = Float64Array.from({ length: 50 }, (_, i) => (i < 40 ? 0 : 1));
    expect(fitKMeansEdges(values, 7).length).toBeLessThanOrEqual(6);
    const edges = fitKMeansEdges(values, 7);
    expect(binOf(edges, 0)).not.toBe(binOf(edges, 1));
  });
});

describe('postTimeOfTweetId', () => {
  it('decodes the snowflake time exactly', () => {
    expect(postTimeOfTweetId('1919757909855131563')).toBe(1746540927743);
    expect(postTimeOfTweetId('-1')).toBeNaN();
    expect(postTimeOfTweetId(null)).toBeNaN();
    expect(() => postTimeOfTweetId('12a')).toThrow(/tweetId "12a" is not an integer/);
  });
});
