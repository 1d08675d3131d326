import { CLASS_MISLEADING, type RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { GrowWorkspace, growQuasiClique, type ActionIndex } from './growQuasiClique.ts';
import { countPairsOncePerPost, type PairCounts, type PairEnumerator } from './pairCounts.ts';
import { QUASI_CLIQUE_PARAMS, type QuasiClique, type QuasiCliqueParams } from './quasiCliqueParams.ts';
import { checkRatings, indexPosts } from './ratingIndex.ts';

/**
 * Quasi-cliques (`quasiCliqueValue`, scoring-core.md §3.4).
 *
 * Takes the preprocessed ratings (`helpful2` ∈ {0, 1, 2}), the note facts and the participant count. Returns
 * one value per participant: 0 = in no quasi-clique, else the id of the first (smallest) clique containing it
 * (cliques may overlap; ids follow `findQuasiCliques`).
 */
export function quasiCliques(ratings: RatingsTable, noteInfo: NoteInfo, nParticipants: number): Int32Array {
  const values = new Int32Array(nParticipants);
  const cliques = findQuasiCliques(ratings, noteInfo, nParticipants);
  for (let id = cliques.length; id >= 1; id--) for (const r of cliques[id - 1].members) values[r] = id;
  return values;
}

/**
 * The quasi-cliques, ordered by size ascending (id = position + 1; equal sizes keep discovery order).
 *
 * Scope: ratings on notes of the notes table created after (newest such note − 13 weeks), on a post, classified
 * misleading. An action is (note, helpfulNum); a rater pair's count is the number of posts where they share an
 * action. Pairs with count ≥ 5 form the candidate pool; pairs with count > 50 are seeds, taken by count
 * descending. Deterministic tie-breaks (unspecified in the reference): equal seed counts by (smaller index,
 * larger index) ascending; equal candidate scores by the lower participant index.
 */
export function findQuasiCliques(
  ratings: RatingsTable,
  noteInfo: NoteInfo,
  nParticipants: number,
  params: QuasiCliqueParams = QUASI_CLIQUE_PARAMS,
): QuasiClique[] {
  checkRatings(ratings, noteInfo.size, nParticipants, 'quasiCliques');
  const posts = indexPosts(noteInfo);
  const nNotes = noteInfo.size;
  const inScope = scopeRows(ratings, noteInfo, posts.postOfNote, params.recencyCutoffMillis);

  // Raters of each (note, helpfulNum) action, CSR over key note·3 + helpful2.
  const nKeys = nNotes * 3;
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < ratings.length; i++) if (inScope[i]) start[ratings.note[i] * 3 + ratings.helpful2[i] + 1]++;
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const raters = new Int32Array(start[nKeys]);
  const fill = start.slice(0, nKeys);
  for (let i = 0; i < ratings.length; i++) {
    if (inScope[i]) raters[fill[ratings.note[i] * 3 + ratings.helpful2[i]]++] = ratings.rater[i];
  }
  let maxEvents = 0;
  for (let k = 0; k < nKeys; k++) {
    const size = start[k + 1] - start[k];
    maxEvents += (size * (size - 1)) / 2;
    // Ascending raters make raters[j] the smaller index of every pair (j, i > j), so passes can skip early.
    if (size > 1) raters.subarray(start[k], start[k + 1]).sort();
  }
  // Per post, each rater a (as the smaller index) walks the later raters of its groups; a stamp per (post, a)
  // drops partners already met on another note of the post, so no pair repeats and nothing needs sorting.
  let maxPostRatings = 0;
  for (let p = 0; p < posts.nPosts; p++) {
    let r = 0;
    for (let q = posts.start[p]; q < posts.start[p + 1]; q++)
      r += start[posts.notes[q] * 3 + 3] - start[posts.notes[q] * 3];
    maxPostRatings = Math.max(maxPostRatings, r);
  }
  const itemRater = new Int32Array(maxPostRatings);
  const itemPos = new Int32Array(maxPostRatings);
  const itemEnd = new Int32Array(maxPostRatings);
  const order = new Int32Array(maxPostRatings);
  const stamp = new Int32Array(nParticipants).fill(-1);
  let token = 0;
  const enumerate: PairEnumerator = (emit, endPost, pass, passes) => {
    for (let p = 0; p < posts.nPosts; p++) {
      let m = 0;
      for (let q = posts.start[p]; q < posts.start[p + 1]; q++) {
        for (let k = posts.notes[q] * 3, end = k + 3; k < end; k++) {
          for (let j = start[k]; j < start[k + 1]; j++) {
            if (raters[j] % passes !== pass) continue;
            itemRater[m] = raters[j];
            itemPos[m] = j;
            itemEnd[m++] = start[k + 1];
          }
        }
      }
      for (let i = 0; i < m; i++) order[i] = i;
      const ord = order.subarray(0, m);
      if (posts.start[p + 1] - posts.start[p] > 1) ord.sort((x, y) => itemRater[x] - itemRater[y]);
      for (let i = 0; i < m; i++) {
        const item = ord[i];
        const a = itemRater[item];
        if (i === 0 || a !== itemRater[ord[i - 1]]) token++;
        for (let j = itemPos[item] + 1; j < itemEnd[item]; j++) {
          const b = raters[j];
          if (stamp[b] === token) continue;
          stamp[b] = token;
          emit(a, b);
        }
      }
      endPost(false);
    }
  };
  const pairs = countPairsOncePerPost(
    nParticipants,
    maxEvents,
    enumerate,
    (_a, _b, c) => c >= params.minAlignedRatings,
  );
  if (pairs.length === 0) return [];

  const inPool = new Uint8Array(nParticipants);
  for (let i = 0; i < pairs.length; i++) inPool[pairs.a[i]] = inPool[pairs.b[i]] = 1;
  const actions = buildActionIndex(posts, start, raters, inPool, nParticipants);
  const found = runSeeds(pairs, actions, nParticipants, params);
  // Stable sort keeps discovery order among equal sizes, like the reference's list sort.
  return found.sort((x, y) => x.members.length - y.members.length);
}

function scopeRows(ratings: RatingsTable, noteInfo: NoteInfo, postOfNote: Int32Array, cutoff: number): Uint8Array {
  const { tweetId, createdAt, classification } = noteInfo;
  let newest = -Infinity;
  for (let i = 0; i < ratings.length; i++) {
    const note = ratings.note[i];
    if (tweetId[note] !== null && createdAt[note] > newest) newest = createdAt[note];
  }
  const inScope = new Uint8Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const note = ratings.note[i];
    if (postOfNote[note] < 0 || !(createdAt[note] > newest - cutoff)) continue;
    if (classification[note] !== CLASS_MISLEADING) continue;
    const h = ratings.helpful2[i];
    if (h > 2)
      throw new Error(`quasiCliques: ratings row ${i} has helpful2 = ${h}; expected preprocessed ratings (0, 1, 2)`);
    inScope[i] = 1;
  }
  return inScope;
}

/** Actions restricted to pool raters, coded in (post, note, helpful) order so a post's actions are contiguous. */
function buildActionIndex(
  posts: ReturnType<typeof indexPosts>,
  keyStart: Int32Array,
  keyRaters: Int32Array,
  inPool: Uint8Array,
  nParticipants: number,
): ActionIndex {
  const actStartList: number[] = [0];
  const postList: number[] = [];
  const actRaterList: number[] = [];
  for (let p = 0; p < posts.nPosts; p++) {
    for (let q = posts.start[p]; q < posts.start[p + 1]; q++) {
      for (let k = posts.notes[q] * 3, end = k + 3; k < end; k++) {
        const before = actRaterList.length;
        for (let i = keyStart[k]; i < keyStart[k + 1]; i++) if (inPool[keyRaters[i]]) actRaterList.push(keyRaters[i]);
        if (actRaterList.length > before) {
          actStartList.push(actRaterList.length);
          postList.push(p);
        }
      }
    }
  }
  const nActions = postList.length;
  const actStart = Int32Array.from(actStartList);
  const actRaters = Int32Array.from(actRaterList);
  const raterStart = new Int32Array(nParticipants + 1);
  for (const r of actRaters) raterStart[r + 1]++;
  for (let r = 0; r < nParticipants; r++) raterStart[r + 1] += raterStart[r];
  const raterActions = new Int32Array(actRaters.length);
  const fill = raterStart.slice(0, nParticipants);
  for (let a = 0; a < nActions; a++) {
    for (let i = actStart[a]; i < actStart[a + 1]; i++) raterActions[fill[actRaters[i]]++] = a;
  }
  return {
    nActions,
    nPosts: posts.nPosts,
    postOfAction: Int32Array.from(postList),
    actStart,
    actRaters,
    raterStart,
    raterActions,
  };
}

function runSeeds(
  pairs: PairCounts,
  actions: ActionIndex,
  nParticipants: number,
  params: QuasiCliqueParams,
): QuasiClique[] {
  const seeds: number[] = [];
  for (let i = 0; i < pairs.length; i++) if (pairs.count[i] > params.minRaterPairCount) seeds.push(i);
  seeds.sort((x, y) => pairs.count[y] - pairs.count[x] || pairs.a[x] - pairs.a[y] || pairs.b[x] - pairs.b[y]);
  const seedsOf = new Map<number, number[]>();
  for (const s of seeds) {
    for (const r of [pairs.a[s], pairs.b[s]]) {
      const list = seedsOf.get(r);
      if (list === undefined) seedsOf.set(r, [s]);
      else list.push(s);
    }
  }
  const removed = new Uint8Array(pairs.length);
  const found: QuasiClique[] = [];
  const ws = new GrowWorkspace(nParticipants, actions);
  for (const s of seeds) {
    if (removed[s]) continue;
    const clique = growQuasiClique(pairs.a[s], pairs.b[s], actions, nParticipants, params, ws);
    for (const r of clique.members) for (const t of seedsOf.get(r) ?? []) removed[t] = 1;
    if (clique.members.length >= params.minCliqueRaters) found.push(clique);
  }
  return found;
}
