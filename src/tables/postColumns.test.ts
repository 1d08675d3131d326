import { describe, expect, it } from 'vitest';
import type { PostBoard } from '../engine/engineTypes.ts';
import { postLikesPlot } from '../charts/plots/postLikesPlot.ts';
import { postColumns, postDisplayOrder } from './postColumns.ts';
import { tableTsv } from './tsv.ts';

const i32 = (...v: number[]) => Int32Array.from(v);
/** Three posts: "20" active (§12 rank 1), "10" a candidate below the cut-offs, "30" vetoed by an R dislike. */
const board: PostBoard = {
  params: { factorSplitPoint: 0.15, minLingers: 1, quantileThreshold: 0.7, disabledRules: [] },
  scoredAtMillis: 0,
  length: 3,
  tweetId: ['10', '20', '30'],
  post: i32(0, 1, 2),
  L_pos: i32(1, 4, 6),
  M_pos: i32(0, 1, 0),
  R_pos: i32(1, 5, 6),
  L_neg: i32(0, 0, 0),
  R_neg: i32(0, 0, 1),
  linger_L: i32(3, 6, 9),
  linger_R: i32(3, 6, 9),
  minPos: i32(1, 4, 6),
  totalPos: i32(2, 10, 12),
  eligible: Int8Array.of(1, 1, 1),
  candidate: Uint8Array.of(1, 1, 0),
  active: Uint8Array.of(0, 1, 0),
  likes: i32(2, 10, 12),
  crossSide: Uint8Array.of(0, 1, 0),
  targetedBy: [null, null, 'veto'],
  summary: ['Not active: below', 'Active: reaches', 'Not active: vetoed'],
  reasons: [['below'], ['reaches'], ['vetoed']],
  candidates: 2,
  totalPosCutoff: 8,
  minPosCutoff: 4,
  rankings: [
    { name: 'engagement', describe: 'most likes', rank: i32(3, 2, 1), shown: 3 },
    { name: 'section12', describe: 'active', rank: i32(0, 1, 0), shown: 1 },
  ],
};

describe('post table and likes chart', () => {
  it('lists the §12 posts first, then by engagement, with both ranks side by side in the TSV', () => {
    const order = postDisplayOrder(board);
    expect(Array.from(order)).toEqual([1, 2, 0]);
    const cols = postColumns(board, order);
    const tsv = tableTsv(cols, [0, 1, 2]).split('\n');
    expect(tsv[0].split('\t').slice(0, 4)).toEqual(['actionTweetId', 'verdict', 'engagementRank', 'section12Rank']);
    expect(tsv[1].split('\t').slice(0, 4)).toEqual(['20', 'active', '2', '1']);
    expect(tsv[2].split('\t').slice(0, 4)).toEqual(['30', 'not a candidate', '1', '']);
    expect(tsv[2]).toContain('\tveto\t');
    expect(tsv[3]).toContain('candidate, below cut-offs');
    expect(tsv[1].endsWith('Active: reaches')).toBe(true);
  });

  it('draws the posts by verdict with both cut-offs and rings the selected one', () => {
    const spec = postLikesPlot(board, 1, 500);
    expect(spec.legend.map((l) => l.label)).toEqual([
      'active',
      'candidate, below cut-offs',
      'not a candidate',
      'minPos cut-off',
      'totalPos cut-off',
    ]);
    const marks = spec.plot.marks as { data?: unknown[] }[];
    const dots = marks.filter(
      (m) => Array.isArray(m?.data) && (m.data[0] as { verdict?: string })?.verdict !== undefined,
    );
    expect(dots[0].data!.length).toBe(3);
    expect((dots[1].data as { row: number }[]).map((d) => d.row)).toEqual([1]);
  });
});
