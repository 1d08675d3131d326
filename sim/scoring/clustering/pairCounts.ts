/** Unordered participant pairs (a < b) with a count each, as parallel columns. */
export interface PairCounts {
  length: number;
  a: Int32Array;
  b: Int32Array;
  count: Int32Array;
}

/**
 * Enumerates pair events post by post: calls `emit(a, b)` for each pair event of a post (any order), then
 * `endPost(mayRepeat)` once the post is done; `mayRepeat` false promises that no pair was emitted twice for
 * the post (skips the per-post deduplication). An enumerator may skip pairs whose smaller index is not
 * ≡ pass (mod passes): they are ignored in this pass anyway.
 */
export type PairEnumerator = (
  emit: (a: number, b: number) => void,
  endPost: (mayRepeat?: boolean) => void,
  pass: number,
  passes: number,
) => void;

/** Pair events held in memory at once (12 bytes each, ~100 MB); above this the count runs in several passes. */
export const DEFAULT_PAIR_BUDGET = 1 << 23;

/**
 * Counts each unordered pair of distinct participants at most once per post.
 *
 * Takes the participant count, an upper bound on the number of pair events (decides how many passes are
 * needed to stay near `budget` events in memory), the enumerator (called once per pass; a pass keeps only
 * pairs whose smaller participant index is ≡ pass mod passes) and `keep(a, b, count)` deciding which counted
 * pairs are returned. Returns the kept pairs grouped by a (ascending within each pass), partners in order of
 * first occurrence. Events are held as a·n + b keys in a Float64Array (exact up to 9·10^7 participants),
 * deduplicated per post, bucketed by a (counting sort) and counted with a dense counter: no per-pair objects.
 */
export function countPairsOncePerPost(
  nParticipants: number,
  maxEvents: number,
  enumerate: PairEnumerator,
  keep: (a: number, b: number, count: number) => boolean,
  budget = DEFAULT_PAIR_BUDGET,
): PairCounts {
  if (nParticipants * nParticipants >= Number.MAX_SAFE_INTEGER) {
    throw new Error(`countPairsOncePerPost: ${nParticipants} participants is too many for exact pair keys`);
  }
  const nP = nParticipants;
  const passes = Math.max(1, Math.ceil(maxEvents / budget));
  const out = new PairBuffer();
  let keys: Float64Array = new Float64Array(Math.min(Math.max(Math.ceil(maxEvents / passes), 16), budget + 1024));
  let n = 0;
  let postStart = 0;
  const bucketStart = new Int32Array(nP + 1);
  const counter = new Int32Array(nP);
  for (let pass = 0; pass < passes; pass++) {
    n = 0;
    postStart = 0;
    const emit = (a: number, b: number): void => {
      if (a === b) return;
      const small = a < b ? a : b;
      if (passes > 1 && small % passes !== pass) return;
      if (n === keys.length) {
        const next = new Float64Array(n * 2);
        next.set(keys);
        keys = next;
      }
      keys[n++] = small * nP + (a < b ? b : a);
    };
    const endPost = (mayRepeat = true): void => {
      if (mayRepeat && n - postStart > 1) {
        const seg = keys.subarray(postStart, n).sort();
        let w = postStart;
        for (let i = 0; i < seg.length; i++) if (i === 0 || seg[i] !== seg[i - 1]) keys[w++] = seg[i];
        n = w;
      }
      postStart = n;
    };
    enumerate(emit, endPost, pass, passes);
    endPost();

    // Counting sort by the smaller participant, then count each bucket's partners with a dense counter.
    bucketStart.fill(0);
    for (let i = 0; i < n; i++) bucketStart[Math.floor(keys[i] / nP) + 1]++;
    for (let p = 0; p < nP; p++) bucketStart[p + 1] += bucketStart[p];
    const partners = new Int32Array(n);
    const fill = bucketStart.slice(0, nP);
    for (let i = 0; i < n; i++) {
      const a = Math.floor(keys[i] / nP);
      partners[fill[a]++] = keys[i] - a * nP;
    }
    for (let a = 0; a < nP; a++) {
      const s = bucketStart[a];
      const e = bucketStart[a + 1];
      let distinct = 0;
      for (let i = s; i < e; i++) {
        const b = partners[i];
        if (counter[b]++ === 0) partners[s + distinct++] = b;
      }
      for (let i = s; i < s + distinct; i++) {
        const b = partners[i];
        if (keep(a, b, counter[b])) out.push(a, b, counter[b]);
        counter[b] = 0;
      }
    }
  }
  return out.finish();
}

/** Growable pair columns. */
export class PairBuffer {
  private a = new Int32Array(64);
  private b = new Int32Array(64);
  private c = new Int32Array(64);
  length = 0;

  push(a: number, b: number, count: number): void {
    if (this.length === this.a.length) {
      const size = this.a.length * 2;
      const na = new Int32Array(size);
      const nb = new Int32Array(size);
      const nc = new Int32Array(size);
      na.set(this.a);
      nb.set(this.b);
      nc.set(this.c);
      this.a = na;
      this.b = nb;
      this.c = nc;
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.c[this.length] = count;
    this.length++;
  }

  finish(): PairCounts {
    const n = this.length;
    return { length: n, a: this.a.slice(0, n), b: this.b.slice(0, n), count: this.c.slice(0, n) };
  }
}
