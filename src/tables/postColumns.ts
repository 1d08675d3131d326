/** The Posts page's table: one row per scored post, its rank in every post ranking side by side, counts, verdict. */
import type { PostBoard } from '../engine/engineTypes.ts';
import { postVerdict } from '../charts/plots/postLikesPlot.ts';
import type { TableColumn } from './tsv.ts';

/** Short column labels of the sim's rankings (others keep their name). */
const RANKING_LABELS: Readonly<Record<string, string>> = {
  engagement: 'Engagement rank',
  section12: '§12 rank',
  minPosOnly: 'minPos-only rank',
  mfBridging: 'MF bridging rank',
};
export const rankingLabel = (name: string): string => RANKING_LABELS[name] ?? `${name} rank`;

/**
 * Board rows in display order: the posts §12 shows (by their §12 rank), then the others by engagement rank, then
 * the rest by actionTweetId.
 */
export function postDisplayOrder(b: PostBoard): Int32Array {
  const rankOf = (name: string) => b.rankings.find((r) => r.name === name)?.rank;
  const s12 = rankOf('section12');
  const eng = rankOf('engagement');
  const key = (r: number, rank: Int32Array | undefined) => (rank && rank[r] > 0 ? rank[r] : Infinity);
  const rows = Array.from({ length: b.length }, (_, r) => r);
  rows.sort((x, y) => key(x, s12) - key(y, s12) || key(x, eng) - key(y, eng) || x - y);
  return Int32Array.from(rows);
}

/** Columns over the rows `order` of `b`: post, verdict, the rankings, likes and bucket counts, truth, attacker, why. */
export function postColumns(b: PostBoard, order: Int32Array): TableColumn[] {
  const ints = (values: ArrayLike<number>) => Float64Array.from(order, (r) => values[r]);
  const cols: TableColumn[] = [
    { key: 'actionTweetId', label: 'Post', kind: 'str', values: Array.from(order, (r) => b.tweetId[r]) },
    { key: 'verdict', label: 'Verdict', kind: 'str', values: Array.from(order, (r) => postVerdict(b, r)) },
  ];
  for (const ranking of b.rankings) {
    cols.push({
      key: `${ranking.name}Rank`,
      label: rankingLabel(ranking.name),
      kind: 'num',
      values: Float64Array.from(order, (r) => (ranking.rank[r] > 0 ? ranking.rank[r] : NaN)),
    });
  }
  cols.push(
    { key: 'likes', label: 'Likes (all)', kind: 'num', values: ints(b.likes) },
    { key: 'L_pos', label: 'L likes', kind: 'num', values: ints(b.L_pos) },
    { key: 'M_pos', label: 'M likes', kind: 'num', values: ints(b.M_pos) },
    { key: 'R_pos', label: 'R likes', kind: 'num', values: ints(b.R_pos) },
    { key: 'L_neg', label: 'L dislikes', kind: 'num', values: ints(b.L_neg) },
    { key: 'R_neg', label: 'R dislikes', kind: 'num', values: ints(b.R_neg) },
    { key: 'linger_L', label: 'L lingers', kind: 'num', values: ints(b.linger_L) },
    { key: 'linger_R', label: 'R lingers', kind: 'num', values: ints(b.linger_R) },
    { key: 'totalPos', label: 'totalPos', kind: 'num', values: ints(b.totalPos) },
    { key: 'minPos', label: 'minPos', kind: 'num', values: ints(b.minPos) },
    {
      key: 'trulyCrossSide',
      label: 'Truly cross-side',
      kind: 'str',
      values: Array.from(order, (r) => (b.crossSide[r] ? 'yes' : 'no')),
    },
    { key: 'targetedBy', label: 'Targeted by', kind: 'str', values: Array.from(order, (r) => b.targetedBy[r]) },
    { key: 'why', label: 'Why', kind: 'str', values: Array.from(order, (r) => b.summary[r]) },
  );
  return cols;
}
