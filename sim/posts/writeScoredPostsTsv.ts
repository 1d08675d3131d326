import { writeTsv, type OutputColumn } from '../data/writeTsv.ts';
import type { ScoredPosts } from './scoredPosts.ts';

/** The columns of scored_posts.tsv, in §12's order. */
export const SCORED_POSTS_COLUMNS = [
  'actionTweetId',
  'L_pos',
  'M_pos',
  'R_pos',
  'L_neg',
  'M_neg',
  'R_neg',
  'linger_L',
  'linger_M',
  'linger_R',
  'boostId',
  'eligibleForActiveState',
  'minPos',
  'maxPos',
  'maxNeg',
  'minLingers',
  'totalPos',
  'active',
  'scoredAtMillis',
] as const;

const BOOL_TEXT = ['False', 'True'];

/**
 * scored_posts.tsv text chunks: counts as integers, booleans True/False, empty cells for a post without a
 * counted linger (boostId, eligibleForActiveState).
 *
 * @example const text = [...writeScoredPostsTsv(scorePosts(input))].join('');
 */
export function writeScoredPostsTsv(s: ScoredPosts): Generator<string> {
  const at = String(s.scoredAtMillis);
  const cols = SCORED_POSTS_COLUMNS.map((name): OutputColumn => {
    switch (name) {
      case 'actionTweetId':
        return { name, kind: 'string', values: s.actionTweetId };
      case 'boostId':
        return { name, kind: 'string', values: s.boostId };
      case 'eligibleForActiveState':
        return { name, kind: 'cell', cell: (i) => BOOL_TEXT[s.eligibleForActiveState[i]] ?? '' };
      case 'active':
        return { name, kind: 'bool', values: s.active };
      case 'scoredAtMillis':
        return { name, kind: 'cell', cell: () => at };
      default:
        return { name, kind: 'int', values: s[name] };
    }
  });
  return writeTsv(cols, { rows: s.length });
}
