import type { RatingsTable } from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';

/** Rows of a ratings table grouped by note (CSR): rows of note n are `rows[start[n] .. start[n+1])`. */
export interface RowsByNote {
  start: Int32Array;
  rows: Int32Array;
}

/** Notes grouped by post (CSR) plus each note's post index (−1: no post). */
export interface PostIndex {
  nPosts: number;
  /** per global note index: post index, or −1 (note not in the notes table, or the no-post sentinel "-1"). */
  postOfNote: Int32Array;
  /** post id string of each post index. */
  postIds: string[];
  start: Int32Array;
  notes: Int32Array;
}

/**
 * Throws a clear error when a ratings table does not fit the note and participant universes
 * (indices out of range, columns of unequal length). `who` names the caller in the message.
 */
export function checkRatings(ratings: RatingsTable, nNotes: number, nParticipants: number, who: string): void {
  const n = ratings.length;
  for (const [name, col] of [
    ['note', ratings.note],
    ['rater', ratings.rater],
    ['createdAt', ratings.createdAt],
    ['flags', ratings.flags],
    ['helpful2', ratings.helpful2],
  ] as const) {
    if (col.length < n) throw new Error(`${who}: ratings.${name} has ${col.length} rows, expected ${n}`);
  }
  for (let i = 0; i < n; i++) {
    const note = ratings.note[i];
    const rater = ratings.rater[i];
    if (note < 0 || note >= nNotes)
      throw new Error(`${who}: ratings row ${i} has note index ${note}, outside [0, ${nNotes})`);
    if (rater < 0 || rater >= nParticipants) {
      throw new Error(`${who}: ratings row ${i} has rater index ${rater}, outside [0, ${nParticipants})`);
    }
  }
}

/**
 * Groups rating rows by note. `keep` (optional, per row) selects rows; with `byTime` the rows of each note are
 * ordered by `createdAt`, ties by row index, else by row index.
 */
export function indexRowsByNote(
  ratings: RatingsTable,
  nNotes: number,
  keep: Uint8Array | null,
  byTime: boolean,
): RowsByNote {
  const start = new Int32Array(nNotes + 1);
  const n = ratings.length;
  for (let i = 0; i < n; i++) if (keep === null || keep[i] === 1) start[ratings.note[i] + 1]++;
  for (let k = 0; k < nNotes; k++) start[k + 1] += start[k];
  const rows = new Int32Array(start[nNotes]);
  const fill = start.slice(0, nNotes);
  for (let i = 0; i < n; i++) if (keep === null || keep[i] === 1) rows[fill[ratings.note[i]]++] = i;
  if (byTime) {
    // Missing times sort last, as pandas does.
    const t = ratings.createdAt.map((v) => (Number.isNaN(v) ? Infinity : v));
    const cmp = (a: number, b: number): number => (t[a] < t[b] ? -1 : t[a] > t[b] ? 1 : a - b);
    for (let k = 0; k < nNotes; k++) {
      const s = start[k];
      const e = start[k + 1];
      if (e - s > 1) sortSegment(rows, s, e, t, cmp);
    }
  }
  return { start, rows };
}

function sortSegment(
  rows: Int32Array,
  s: number,
  e: number,
  t: Float64Array,
  cmp: (a: number, b: number) => number,
): void {
  // Rows arrive in ascending index order, so short segments are cheapest with insertion sort.
  if (e - s > 32) {
    rows.subarray(s, e).sort(cmp);
    return;
  }
  for (let i = s + 1; i < e; i++) {
    const v = rows[i];
    const tv = t[v];
    let j = i - 1;
    while (j >= s && (t[rows[j]] > tv || (t[rows[j]] === tv && rows[j] > v))) {
      rows[j + 1] = rows[j];
      j--;
    }
    rows[j + 1] = v;
  }
}

/**
 * Posts of the notes table. A note belongs to the notes table when its `tweetId` is known (deleted notes,
 * known only from the status history, have none). Notes whose post id is "-1" get no post unless
 * `keepNoPostSentinel`. Posts are numbered in order of their first note (ascending note index).
 */
export function indexPosts(noteInfo: NoteInfo, keepNoPostSentinel = false): PostIndex {
  const nNotes = noteInfo.size;
  const postOfNote = new Int32Array(nNotes).fill(-1);
  const ids = new Map<string, number>();
  const postIds: string[] = [];
  for (let k = 0; k < nNotes; k++) {
    const tweet = noteInfo.tweetId[k];
    if (tweet === null || tweet === undefined) continue;
    if (tweet === '-1' && !keepNoPostSentinel) continue;
    let p = ids.get(tweet);
    if (p === undefined) {
      p = postIds.length;
      postIds.push(tweet);
      ids.set(tweet, p);
    }
    postOfNote[k] = p;
  }
  const nPosts = postIds.length;
  const start = new Int32Array(nPosts + 1);
  for (let k = 0; k < nNotes; k++) if (postOfNote[k] >= 0) start[postOfNote[k] + 1]++;
  for (let p = 0; p < nPosts; p++) start[p + 1] += start[p];
  const notes = new Int32Array(start[nPosts]);
  const fill = start.slice(0, nPosts);
  for (let k = 0; k < nNotes; k++) if (postOfNote[k] >= 0) notes[fill[postOfNote[k]]++] = k;
  return { nPosts, postOfNote, postIds, start, notes };
}
