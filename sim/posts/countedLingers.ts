import type { PostActionsTable } from './postTables.ts';
import { rowsByPost } from './rowsByPost.ts';

/**
 * The postActions rows §12 step 3 counts as lingers: `isAdmitted` true, the first of each repeated
 * (actionTweetId, userId, boostId, eligibleForActiveState), and only users with a factor (`factor[u]` not NaN).
 * Returns a 0/1 byte per row.
 *
 * @example const counted = countedLingers(tables.postActions, tables.ids.posts.size, factor);
 */
export function countedLingers(t: PostActionsTable, nPosts: number, factor: Float64Array): Uint8Array {
  const { order, start } = rowsByPost(t.post, t.length, nPosts, t.isAdmitted);
  const keep = new Uint8Array(t.length);
  const stamp = new Int32Array(factor.length).fill(-1);
  const lastOf = new Int32Array(factor.length);
  // previous row of the same user in the same post group, -1 at the first: each user's rows form a chain
  const prevSame = new Int32Array(t.length);
  const { user, boost, eligibleForActiveState: eligible } = t;
  for (let p = 0; p < nPosts; p++) {
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k];
      const u = user[i];
      let unique = true;
      if (stamp[u] !== p) {
        stamp[u] = p;
        prevSame[i] = -1;
      } else {
        prevSame[i] = lastOf[u];
        for (let j = lastOf[u]; j >= 0 && unique; j = prevSame[j]) {
          unique = boost[j] !== boost[i] || eligible[j] !== eligible[i];
        }
      }
      lastOf[u] = i;
      if (unique && !Number.isNaN(factor[u])) keep[i] = 1;
    }
  }
  return keep;
}
