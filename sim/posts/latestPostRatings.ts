import type { PostRatingsTable } from './postTables.ts';
import { rowsByPost } from './rowsByPost.ts';

/** Which postRatings rows count, and how many were dropped as repeats of a (userId, postId) pair. */
export interface LatestPostRatings {
  /** 1 = the row counts */
  keep: Uint8Array;
  dropped: number;
}

/**
 * §12 expects one postRatings row per (userId, postId) (the reference asserts it). A repeated pair keeps its
 * row with the latest updatedAt (a tie, or a missing updatedAt, goes to the later row in file order): the
 * table is "the latest action per user and post", so an older action is superseded, not counted.
 *
 * @example const { keep, dropped } = latestPostRatings(tables.postRatings, tables.ids.posts.size, tables.ids.participants.size);
 */
export function latestPostRatings(t: PostRatingsTable, nPosts: number, nUsers: number): LatestPostRatings {
  const keep = new Uint8Array(t.length).fill(1);
  const { order, start } = rowsByPost(t.post, t.length, nPosts, null);
  const stamp = new Int32Array(nUsers).fill(-1);
  const rowOf = new Int32Array(nUsers);
  const { user, updatedAt } = t;
  let dropped = 0;
  for (let p = 0; p < nPosts; p++) {
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k];
      const u = user[i];
      if (stamp[u] !== p) {
        stamp[u] = p;
        rowOf[u] = i;
        continue;
      }
      dropped++;
      const prev = rowOf[u];
      if (updatedAt[i] >= updatedAt[prev] || Number.isNaN(updatedAt[i]) || Number.isNaN(updatedAt[prev])) {
        keep[prev] = 0;
        rowOf[u] = i;
      } else keep[i] = 0;
    }
  }
  return { keep, dropped };
}
