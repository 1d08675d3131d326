import {
  CLASS_MISLEADING,
  CLASS_NOT_MISLEADING,
  CLASS_NULL,
  type Dataset,
  type RatingsTable,
} from '../../data/tables.ts';
import { NOT_MISLEADING_UI_LAUNCH_TIME } from '../constants.ts';
import type { NoteInfo } from '../noteInfo.ts';

/**
 * Merge notes into the status history (scoring-core.md §2.6 step 5): the universe of scored notes is
 * NSH ∪ notes. Notes in both must agree on creation time and author.
 */
export function buildNoteInfo(data: Dataset): NoteInfo {
  const size = data.noteIds.size;
  const info: NoteInfo = {
    size,
    inUniverse: new Uint8Array(size),
    author: new Int32Array(size).fill(-1),
    createdAt: new Float64Array(size).fill(NaN),
    tweetId: new Array<string | null>(size).fill(null),
    classification: new Uint8Array(size),
    summary: new Array<string>(size).fill(''),
  };
  const nsh = data.statusHistory;
  for (let i = 0; i < nsh.length; i++) {
    const n = nsh.note[i];
    info.inUniverse[n] = 1;
    info.author[n] = nsh.author[i];
    info.createdAt[n] = nsh.createdAt[i];
  }
  const notes = data.notes;
  for (let i = 0; i < notes.length; i++) {
    const n = notes.note[i];
    if (info.inUniverse[n]) {
      if (info.createdAt[n] !== notes.createdAt[i] || info.author[n] !== notes.author[i]) {
        throw new Error(
          `note ${data.noteIds.values[n]}: noteStatusHistory and notes disagree on ` +
            (info.createdAt[n] !== notes.createdAt[i] ? 'createdAtMillis' : 'the author'),
        );
      }
    }
    info.inUniverse[n] = 1;
    info.author[n] = notes.author[i];
    info.createdAt[n] = notes.createdAt[i];
    info.tweetId[n] = notes.tweetId[i];
    info.classification[n] = notes.classification[i];
    info.summary[n] = notes.summary[i];
  }
  return info;
}

/** Copy the given rows of a ratings table into a new compact table. */
export function selectRatings(r: RatingsTable, rows: Int32Array): RatingsTable {
  const n = rows.length;
  const out: RatingsTable = {
    length: n,
    note: new Int32Array(n),
    rater: new Int32Array(n),
    createdAt: new Float64Array(n),
    flags: new Uint32Array(n),
    helpful2: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const j = rows[i];
    out.note[i] = r.note[j];
    out.rater[i] = r.rater[j];
    out.createdAt[i] = r.createdAt[j];
    out.flags[i] = r.flags[j];
    out.helpful2[i] = r.helpful2[j];
  }
  return out;
}

/**
 * Rating preprocessing (§2.6 steps 2 and 6): drop ratings without a helpfulness answer and ratings on notes
 * whose classification makes them incomparable. Returns the kept ratings as a compact table.
 */
export function filterRatings(data: Dataset, info: NoteInfo): RatingsTable {
  const r = data.ratings;
  const keep = new Int32Array(r.length);
  let k = 0;
  for (let i = 0; i < r.length; i++) {
    if (r.helpful2[i] > 2) continue;
    const n = r.note[i];
    if (n >= info.size || !info.inUniverse[n]) continue;
    const c = info.classification[n];
    const ok =
      c === CLASS_MISLEADING ||
      (c === CLASS_NULL && !Number.isNaN(info.createdAt[n])) ||
      (c === CLASS_NOT_MISLEADING && info.createdAt[n] > NOT_MISLEADING_UI_LAUNCH_TIME);
    if (ok) keep[k++] = i;
  }
  return selectRatings(r, keep.subarray(0, k));
}

/** helpfulNum (0, 0.5, 1) per rating. */
export function helpfulNum(r: RatingsTable): Float32Array {
  const out = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r.helpful2[i] / 2;
  return out;
}
