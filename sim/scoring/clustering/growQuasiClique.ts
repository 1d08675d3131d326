import type { QuasiClique, QuasiCliqueParams } from './quasiCliqueParams.ts';

/** Pool actions (note, helpfulNum) in post order, with both directions of the rater/action incidence (CSR). */
export interface ActionIndex {
  nActions: number;
  nPosts: number;
  postOfAction: Int32Array;
  /** raters of action a: actRaters[actStart[a] .. actStart[a+1]) */
  actStart: Int32Array;
  actRaters: Int32Array;
  /** actions of rater r, ascending: raterActions[raterStart[r] .. raterStart[r+1]) (indexed by participant) */
  raterStart: Int32Array;
  raterActions: Int32Array;
}

/** Scratch arrays reused across growths (all zero / −1 between calls). */
export class GrowWorkspace {
  readonly included: Uint8Array;
  readonly score: Int32Array;
  readonly stamp: Int32Array;
  readonly actionCount: Int32Array;
  readonly active: Uint8Array;
  readonly qualifying: Uint8Array;
  readonly postSeen: Int32Array;

  constructor(nParticipants: number, actions: ActionIndex) {
    this.included = new Uint8Array(nParticipants);
    this.score = new Int32Array(nParticipants);
    this.stamp = new Int32Array(nParticipants).fill(-1);
    this.actionCount = new Int32Array(actions.nActions);
    this.active = new Uint8Array(actions.nActions);
    this.qualifying = new Uint8Array(actions.nActions);
    this.postSeen = new Int32Array(actions.nPosts).fill(-1);
  }
}

/**
 * Greedy growth of one quasi-clique from a seed pair (scoring-robustness.md §3.1 step 4.2).
 *
 * Group actions of a set S are actions done by ≥ max(0.25·|S|, min(|S|, 4)) members. Each step picks the
 * non-member matching group actions on the most distinct posts (ties: lower participant index), tries it, and
 * accepts it when the new group actions span ≥ 25 posts and every member with any match matches on
 * ≥ 0.25 of them; the first rejection ends the growth. Returns the members and the group-action post count of
 * the last accepted set.
 */
export function growQuasiClique(
  seedA: number,
  seedB: number,
  actions: ActionIndex,
  nParticipants: number,
  params: QuasiCliqueParams,
  ws: GrowWorkspace = new GrowWorkspace(nParticipants, actions),
): QuasiClique {
  const { postOfAction, actStart, actRaters, raterStart, raterActions } = actions;
  const { included, score, stamp, actionCount, active, qualifying, postSeen } = ws;
  const members: number[] = [];
  const activeList: number[] = [];
  const addMember = (r: number, delta: number): void => {
    for (let i = raterStart[r]; i < raterStart[r + 1]; i++) {
      const a = raterActions[i];
      actionCount[a] += delta;
      if (active[a] === 0) {
        active[a] = 1;
        activeList.push(a);
      }
    }
  };
  const qualifies = (count: number, n: number): boolean =>
    count >= n * params.noteInclusionThreshold && count >= Math.min(n, params.minInclusionRatings);
  // Qualifying actions (ascending codes, so each post's actions are contiguous) and their distinct post count.
  const collectQualifying = (n: number, into: number[]): number => {
    into.length = 0;
    for (const a of activeList) if (qualifies(actionCount[a], n)) into.push(a);
    into.sort((x, y) => x - y);
    let nPostsQ = 0;
    let last = -1;
    for (const a of into) {
      if (postOfAction[a] !== last) nPostsQ++;
      last = postOfAction[a];
    }
    return nPostsQ;
  };

  for (const r of seedA === seedB ? [seedA] : [seedA, seedB]) {
    included[r] = 1;
    members.push(r);
    addMember(r, +1);
  }
  let savedPosts = 0;
  const qual: number[] = [];
  const trial: number[] = [];
  const touched: number[] = [];
  for (let step = 0; step < params.maxCliqueSize; step++) {
    const n = members.length;
    const postsNow = collectQualifying(n, qual);
    if (qual.length === 0) break;

    touched.length = 0;
    for (const a of qual) {
      const p = postOfAction[a];
      for (let i = actStart[a]; i < actStart[a + 1]; i++) {
        const r = actRaters[i];
        if (included[r] || stamp[r] === p) continue;
        if (stamp[r] === -1) touched.push(r);
        stamp[r] = p;
        score[r]++;
      }
    }
    let candidate = -1;
    for (const r of touched) {
      if (candidate < 0 || score[r] > score[candidate] || (score[r] === score[candidate] && r < candidate))
        candidate = r;
    }
    for (const r of touched) {
      score[r] = 0;
      stamp[r] = -1;
    }
    if (candidate < 0) break;
    savedPosts = postsNow;

    addMember(candidate, +1);
    const trialPosts = collectQualifying(n + 1, trial);
    let accept = trialPosts >= params.minCliqueTweets;
    if (accept) {
      for (const a of trial) qualifying[a] = 1;
      const threshold = params.raterInclusionThreshold * trialPosts;
      for (const r of [...members, candidate]) {
        let matched = 0;
        for (let i = raterStart[r]; i < raterStart[r + 1]; i++) {
          const a = raterActions[i];
          if (qualifying[a] && postSeen[postOfAction[a]] !== r) {
            postSeen[postOfAction[a]] = r;
            matched++;
          }
        }
        for (let i = raterStart[r]; i < raterStart[r + 1]; i++) postSeen[postOfAction[raterActions[i]]] = -1;
        if (matched > 0 && matched < threshold) {
          accept = false;
          break;
        }
      }
      for (const a of trial) qualifying[a] = 0;
    }
    if (!accept) {
      addMember(candidate, -1);
      break;
    }
    included[candidate] = 1;
    members.push(candidate);
  }

  for (const r of members) included[r] = 0;
  for (const a of activeList) {
    actionCount[a] = 0;
    active[a] = 0;
  }
  members.sort((x, y) => x - y);
  return { members: Int32Array.from(members), posts: savedPosts };
}
