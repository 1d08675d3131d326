/**
 * Rows grouped by post, file order kept inside each group (a stable counting sort): rows of post p are
 * `order[start[p] .. start[p + 1])`. Rows whose `include` byte is 0 are left out.
 */
export interface RowsByPost {
  order: Int32Array;
  start: Int32Array;
}

export function rowsByPost(post: Int32Array, length: number, nPosts: number, include: Uint8Array | null): RowsByPost {
  const start = new Int32Array(nPosts + 1);
  for (let i = 0; i < length; i++) if (include === null || include[i] === 1) start[post[i] + 1]++;
  for (let p = 0; p < nPosts; p++) start[p + 1] += start[p];
  const next = start.slice(0, nPosts);
  const order = new Int32Array(start[nPosts]);
  for (let i = 0; i < length; i++) if (include === null || include[i] === 1) order[next[post[i]]++] = i;
  return { order, start };
}
