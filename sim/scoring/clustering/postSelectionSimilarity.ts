import type { RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { authorRaterSuspectPairs } from './authorRaterAffinity.ts';
import { coRatingSuspectPairs } from './coRatingSimilarity.ts';
import type { PairCounts } from './pairCounts.ts';
import { checkRatings } from './ratingIndex.ts';

/** The suspect pairs behind a PSS clustering, for reports and tests. */
export interface PostSelectionDetail {
  /** per participant: clique id (≥ 1) or 0 */
  cliques: Int32Array;
  nCliques: number;
  /** author/rater pairs (part 1) */
  affinityPairs: PairCounts;
  /** co-rating pairs (part 2) */
  coRatingPairs: PairCounts;
}

/**
 * Post Selection Similarity cliques (`postSelectionValue`, scoring-core.md §3.1–3.3).
 *
 * Takes the preprocessed ratings, the note facts (author, creation time, post of every note; notes without a
 * known `tweetId` are treated as absent from the notes table) and the participant count. Returns one value per
 * participant: 0 = in no clique, else the clique id. Cliques are the connected components of the union of the
 * suspect pairs of both parts; they are numbered 1, 2, … in order of their smallest participant index (the
 * reference numbers them in hash order; only equality of ids matters downstream).
 *
 * @example const pss = postSelectionCliques(ratings, noteInfo, dataset.participants.size);
 */
export function postSelectionCliques(ratings: RatingsTable, noteInfo: NoteInfo, nParticipants: number): Int32Array {
  return postSelectionDetail(ratings, noteInfo, nParticipants).cliques;
}

/** Same as `postSelectionCliques`, also returning the suspect pairs of each part. */
export function postSelectionDetail(
  ratings: RatingsTable,
  noteInfo: NoteInfo,
  nParticipants: number,
): PostSelectionDetail {
  checkRatings(ratings, noteInfo.size, nParticipants, 'postSelectionCliques');
  const affinityPairs = authorRaterSuspectPairs(ratings, noteInfo, nParticipants);
  const coRatingPairs = coRatingSuspectPairs(ratings, noteInfo, nParticipants);
  const { cliques, nComponents } = connectedComponents(nParticipants, [affinityPairs, coRatingPairs]);
  return { cliques, nCliques: nComponents, affinityPairs, coRatingPairs };
}

/**
 * Connected components of the participants touched by the given pairs (a pair (a, a) makes a one-member
 * component). Returns per participant its component id (1-based, ordered by smallest member index) or 0.
 */
export function connectedComponents(
  nParticipants: number,
  pairLists: readonly { length: number; a: Int32Array; b: Int32Array }[],
): { cliques: Int32Array; nComponents: number } {
  const parent = new Int32Array(nParticipants).fill(-1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const pairs of pairLists) {
    for (let i = 0; i < pairs.length; i++) {
      const a = pairs.a[i];
      const b = pairs.b[i];
      if (parent[a] < 0) parent[a] = a;
      if (parent[b] < 0) parent[b] = b;
      const ra = find(a);
      const rb = find(b);
      // The smaller index becomes the root so a root is always its component's smallest member.
      if (ra < rb) parent[rb] = ra;
      else if (rb < ra) parent[ra] = rb;
    }
  }
  const cliques = new Int32Array(nParticipants);
  let nComponents = 0;
  for (let p = 0; p < nParticipants; p++) {
    if (parent[p] < 0) continue;
    const root = find(p);
    cliques[p] = root === p ? ++nComponents : cliques[root];
  }
  return { cliques, nComponents };
}
