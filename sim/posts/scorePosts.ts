import { applyPostRules } from './applyPostRules.ts';
import { decimalIdRanks } from './compareDecimalIds.ts';
import { countedLingers } from './countedLingers.ts';
import { latestPostRatings } from './latestPostRatings.ts';
import type { NoteModelForPosts, NoteRatingsForPosts } from './noteModelForPosts.ts';
import { participantFactors } from './participantFactors.ts';
import { DEFAULT_POST_PARAMS, checkPostParams, enabledPostRules, type PostScoringParams } from './postRules.ts';
import type { PostTables } from './postTables.ts';
import type { PostCounts } from './postCounts.ts';
import type { ScoredPosts } from './scoredPosts.ts';

/** Everything §12 reads. */
export interface ScorePostsInput {
  /** users, postRatings, postActions */
  posts: PostTables;
  noteRatings: NoteRatingsForPosts;
  noteModel: NoteModelForPosts;
  /** written to every row's scoredAtMillis */
  scoredAtMillis: number;
}

const EMPTY_TAG_LISTS = new Set(['[]', "['NOT_APPLICABLE']"]);

/**
 * Scores posts "liked by people who disagree" (robustness spec §12): participant factors from the note model,
 * L/M/R bucket counts of likes, dislikes and lingers per post, eligibility from the highest boostId, the
 * candidate gates, the two percentile cut-offs and `active`, following the enabled rules of POST_RULES.
 * A post is in the output when a positive or negative post rating (even from a user without a factor) or a
 * counted linger refers to it; a rating whose likes and dislikes are both empty lists refers to nothing
 * (the reference drops it before grouping). Rows are sorted by actionTweetId, numerically.
 *
 * @example const scored = scorePosts({ posts, noteRatings, noteModel, scoredAtMillis: 0 }, { minLingers: 10 });
 */
export function scorePosts(input: ScorePostsInput, params: Partial<PostScoringParams> = {}): ScoredPosts {
  const p = { ...DEFAULT_POST_PARAMS, ...params };
  checkPostParams(p); // fail before counting, as applyPostRules would after
  enabledPostRules(p.disabledRules);
  const { ids, users, postRatings: pr, postActions: pa } = input.posts;
  const nPosts = ids.posts.size;
  const nUsers = ids.participants.size;

  const factor = participantFactors(users, ids.participants, input.noteRatings, input.noteModel);
  const bucket = new Int8Array(nUsers); // §12 step 2: 0 L, 1 M, 2 R, -1 no factor
  const split = p.factorSplitPoint;
  for (let u = 0; u < nUsers; u++) {
    const f = factor[u];
    bucket[u] = Number.isNaN(f) ? -1 : f < -split ? 0 : f < split ? 1 : 2;
  }
  const emptyTags = Uint8Array.from(ids.tagLists.values, (s) => (EMPTY_TAG_LISTS.has(s) ? 1 : 0));

  const pos = new Int32Array(nPosts * 3);
  const neg = new Int32Array(nPosts * 3);
  const linger = new Int32Array(nPosts * 3);
  const listed = new Uint8Array(nPosts);
  const latest = latestPostRatings(pr, nPosts, nUsers);
  for (let i = 0; i < pr.length; i++) {
    if (latest.keep[i] === 0) continue;
    const post = pr.post[i];
    const b = bucket[pr.user[i]];
    if (emptyTags[pr.dislikeTags[i]] === 0) {
      listed[post] = 1;
      if (b >= 0) neg[post * 3 + b]++;
    } else if (emptyTags[pr.likeTags[i]] === 0) {
      listed[post] = 1;
      if (b >= 0) pos[post * 3 + b]++;
    }
  }

  const counted = countedLingers(pa, nPosts, factor);
  const boostRank = decimalIdRanks(ids.boosts.values);
  const bestRank = new Int32Array(nPosts).fill(-2); // an empty boostId ranks -1, below every id
  const bestRow = new Int32Array(nPosts).fill(-1);
  for (let i = 0; i < pa.length; i++) {
    if (counted[i] === 0) continue;
    const post = pa.post[i];
    linger[post * 3 + bucket[pa.user[i]]]++;
    listed[post] = 1;
    const rank = pa.boost[i] < 0 ? -1 : boostRank[pa.boost[i]];
    if (rank > bestRank[post]) {
      bestRank[post] = rank;
      bestRow[post] = i;
    }
  }

  const postIds = ids.posts.values;
  const rows = listedInIdOrder(listed, decimalIdRanks(postIds));
  const n = rows.length;
  const out = emptyCounts(n);
  const boostId: (string | null)[] = new Array<string | null>(n);
  for (let r = 0; r < n; r++) {
    const k = rows[r];
    out.L_pos[r] = pos[k * 3];
    out.M_pos[r] = pos[k * 3 + 1];
    out.R_pos[r] = pos[k * 3 + 2];
    out.L_neg[r] = neg[k * 3];
    out.M_neg[r] = neg[k * 3 + 1];
    out.R_neg[r] = neg[k * 3 + 2];
    out.linger_L[r] = linger[k * 3];
    out.linger_M[r] = linger[k * 3 + 1];
    out.linger_R[r] = linger[k * 3 + 2];
    const best = bestRow[k];
    const eligible = best < 0 ? 255 : pa.eligibleForActiveState[best];
    out.eligibleForActiveState[r] = eligible > 1 ? -1 : eligible;
    boostId[r] = best < 0 || pa.boost[best] < 0 ? null : ids.boosts.values[pa.boost[best]];
    out.minPos[r] = Math.min(out.L_pos[r], out.R_pos[r]);
    out.maxPos[r] = Math.max(out.L_pos[r], out.R_pos[r]);
    out.maxNeg[r] = Math.max(out.L_neg[r], out.R_neg[r]);
    out.minLingers[r] = Math.min(out.linger_L[r], out.linger_R[r]);
    out.totalPos[r] = out.L_pos[r] + out.M_pos[r] + out.R_pos[r];
  }

  const decisions = applyPostRules(out, n, p);

  const warnings: string[] = [];
  if (latest.dropped > 0) {
    warnings.push(
      `${latest.dropped} postRatings row(s) repeat a (userId, postId) pair; kept the latest updatedAt of each pair`,
    );
  }
  return {
    ...out,
    length: n,
    actionTweetId: Array.from(rows, (k) => postIds[k]),
    boostId,
    ...decisions,
    scoredAtMillis: input.scoredAtMillis,
    params: { ...p, disabledRules: [...p.disabledRules] },
    warnings,
  };
}

/** The listed posts (dictionary indexes) in numeric id order: a counting sort on their ranks. */
function listedInIdOrder(listed: Uint8Array, rank: Int32Array): Int32Array {
  const start = new Int32Array(rank.length + 1);
  for (let k = 0; k < listed.length; k++) if (listed[k] === 1) start[rank[k] + 1]++;
  for (let r = 0; r < rank.length; r++) start[r + 1] += start[r];
  const rows = new Int32Array(start[rank.length]);
  for (let k = 0; k < listed.length; k++) if (listed[k] === 1) rows[start[rank[k]]++] = k;
  return rows;
}

function emptyCounts(n: number): PostCounts {
  return {
    L_pos: new Int32Array(n),
    M_pos: new Int32Array(n),
    R_pos: new Int32Array(n),
    L_neg: new Int32Array(n),
    M_neg: new Int32Array(n),
    R_neg: new Int32Array(n),
    linger_L: new Int32Array(n),
    linger_M: new Int32Array(n),
    linger_R: new Int32Array(n),
    eligibleForActiveState: new Int8Array(n),
    minPos: new Int32Array(n),
    maxPos: new Int32Array(n),
    maxNeg: new Int32Array(n),
    minLingers: new Int32Array(n),
    totalPos: new Int32Array(n),
  };
}
