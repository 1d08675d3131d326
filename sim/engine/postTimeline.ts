import type { ScoredPosts } from '../posts/scoredPosts.ts';

/** What one post scoring run decided, per world post (posts outside the scored output have zeros). */
export interface PostRunSnapshot {
  /** run time ("now"), ms */
  time: number;
  lingers: number;
  ratings: number;
  /** 1 when the post is a row of scored_posts */
  inOutput: Uint8Array;
  candidate: Uint8Array;
  active: Uint8Array;
  L_pos: Int32Array;
  M_pos: Int32Array;
  R_pos: Int32Array;
  L_neg: Int32Array;
  R_neg: Int32Array;
  linger_L: Int32Array;
  linger_R: Int32Array;
  /** 1 True, 0 False, -1 empty */
  eligible: Int8Array;
  minPos: Int32Array;
  maxNeg: Int32Array;
  minLingers: Int32Array;
  totalPos: Int32Array;
  candidates: number;
  totalPosCutoff: number;
  minPosCutoff: number;
  /** why the run could not score posts (the note scoring failed), else null; then the previous run's columns */
  error: string | null;
}

/** The §12 count columns a PostRunSnapshot keeps per post (scored_posts names). */
export const POST_COUNT_COLUMNS = [
  'L_pos',
  'M_pos',
  'R_pos',
  'L_neg',
  'R_neg',
  'linger_L',
  'linger_R',
  'minPos',
  'maxNeg',
  'minLingers',
  'totalPos',
] as const;

/** A span of runs in which a post was active: from the first such run's time to the first later run without. */
export interface ActiveSpan {
  post: number;
  from: number;
  /** time of the first run that found it inactive again, NaN when still active at the last run */
  until: number;
}

/** Every post scoring run of a simulation, in time order (the post counterpart of StatusTimeline). */
export class PostTimeline {
  readonly runs: PostRunSnapshot[] = [];

  constructor(
    /** world post index of each tweetId */
    private readonly postOf: Map<string, number>,
    readonly posts: number,
  ) {}

  /** Records a run from scorePosts' output (rows matched to world posts by actionTweetId). */
  record(scored: ScoredPosts, time: number, lingers: number, ratings: number): PostRunSnapshot {
    const snap = this.blank(time, lingers, ratings);
    for (let r = 0; r < scored.length; r++) {
      const i = this.postOf.get(scored.actionTweetId[r]);
      if (i === undefined) continue;
      snap.inOutput[i] = 1;
      snap.candidate[i] = scored.candidate[r];
      snap.active[i] = scored.active[r];
      snap.eligible[i] = scored.eligibleForActiveState[r];
      for (const c of POST_COUNT_COLUMNS) snap[c][i] = scored[c][r];
    }
    snap.candidates = scored.candidates;
    snap.totalPosCutoff = scored.totalPosCutoff;
    snap.minPosCutoff = scored.minPosCutoff;
    this.runs.push(snap);
    return snap;
  }

  /** Records a run whose note scoring failed: the previous run's post columns carried over. */
  recordFailure(time: number, lingers: number, ratings: number, error: string): PostRunSnapshot {
    const prev = this.runs[this.runs.length - 1];
    const snap = prev ? { ...prev, time, lingers, ratings, error } : { ...this.blank(time, lingers, ratings), error };
    this.runs.push(snap);
    return snap;
  }

  /** When each post became active and stopped being active, in time order. */
  activeSpans(): ActiveSpan[] {
    const open = new Map<number, number>();
    const out: ActiveSpan[] = [];
    for (const run of this.runs) {
      for (let i = 0; i < this.posts; i++) {
        const from = open.get(i);
        if (run.active[i] && from === undefined) open.set(i, run.time);
        else if (!run.active[i] && from !== undefined) {
          out.push({ post: i, from, until: run.time });
          open.delete(i);
        }
      }
    }
    for (const [post, from] of open) out.push({ post, from, until: NaN });
    return out.sort((a, b) => a.from - b.from || a.post - b.post);
  }

  private blank(time: number, lingers: number, ratings: number): PostRunSnapshot {
    const n = this.posts;
    return {
      time,
      lingers,
      ratings,
      inOutput: new Uint8Array(n),
      candidate: new Uint8Array(n),
      active: new Uint8Array(n),
      L_pos: new Int32Array(n),
      M_pos: new Int32Array(n),
      R_pos: new Int32Array(n),
      L_neg: new Int32Array(n),
      R_neg: new Int32Array(n),
      linger_L: new Int32Array(n),
      linger_R: new Int32Array(n),
      eligible: new Int8Array(n).fill(-1),
      minPos: new Int32Array(n),
      maxNeg: new Int32Array(n),
      minLingers: new Int32Array(n),
      totalPos: new Int32Array(n),
      candidates: 0,
      totalPosCutoff: NaN,
      minPosCutoff: NaN,
      error: null,
    };
  }
}
