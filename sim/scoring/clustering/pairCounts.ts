/** Unordered participant pairs (a < b) with a count each, as parallel columns. */
export interface PairCounts {
  length: number;
  a: Int32Array;
  b: Int32Array;
  count: Int32Array;
}

/**
 * Enumerates pair events post by post: calls `emit(a, b)` for each pair event of a post (any order, repeats
 * allowed), then `endPost()` once the post is done.
 */
export type PairEnumerator = (emit: (a: number, b: number) => void, endPost: () => void) => void;

/** Pair events held in memory at once (8 bytes each); above this the count runs in several passes. */
export const DEFAULT_PAIR_BUDGET = 1 << 22;

/**
 * Counts each unordered pair of distinct participants at most once per post.
 *
 * Takes the participant count, an upper bound on the number of pair events (decides how many passes are
 * needed to stay under `budget` events in memory), the enumerator (called once per pass; a pass keeps only
 * pairs whose smaller participant index is ≡ pass mod passes) and `keep(a, b, count)` deciding which counted
 * pairs are returned. Returns the kept pairs ordered by (a, b) within each pass. Keys are a·n + b held in a
 * Float64Array (exact up to 9·10^7 participants); no per-pair objects.
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
  const passes = Math.max(1, Math.ceil(maxEvents / budget));
  const out = new PairBuffer();
  let local: Float64Array = new Float64Array(256);
  let nLocal = 0;
  let global: Float64Array = new Float64Array(Math.min(Math.max(maxEvents, 16), budget + 1024));
  let nGlobal = 0;
  for (let pass = 0; pass < passes; pass++) {
    nGlobal = 0;
    const emit = (a: number, b: number): void => {
      if (a === b) return;
      const lo = a < b ? a : b;
      const hi = a < b ? b : a;
      if (passes > 1 && lo % passes !== pass) return;
      if (nLocal === local.length) local = grow(local, nLocal);
      local[nLocal++] = lo * nParticipants + hi;
    };
    const endPost = (): void => {
      if (nLocal === 0) return;
      const seg = local.subarray(0, nLocal);
      if (nLocal > 1) seg.sort();
      if (nGlobal + nLocal > global.length) global = grow(global, nGlobal, nGlobal + nLocal);
      let prev = NaN;
      for (let i = 0; i < nLocal; i++) {
        const v = seg[i];
        if (v !== prev) global[nGlobal++] = v;
        prev = v;
      }
      nLocal = 0;
    };
    enumerate(emit, endPost);
    endPost();
    const keys = global.subarray(0, nGlobal).sort();
    let i = 0;
    while (i < nGlobal) {
      const v = keys[i];
      let j = i + 1;
      while (j < nGlobal && keys[j] === v) j++;
      const a = Math.floor(v / nParticipants);
      const b = v - a * nParticipants;
      if (keep(a, b, j - i)) out.push(a, b, j - i);
      i = j;
    }
  }
  return out.finish();
}

function grow(buf: Float64Array, used: number, need = used + 1): Float64Array {
  const next = new Float64Array(Math.max(need, buf.length * 2));
  next.set(buf.subarray(0, used));
  return next;
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
