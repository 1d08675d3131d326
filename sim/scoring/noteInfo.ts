/**
 * Per-note facts after the NSH/notes merge (scoring-core.md §2.6 step 5), indexed by global note index
 * (Dataset.noteIds). `inUniverse[i]` = the note is in the merged NSH (every scorer emits at most one row per such note).
 */
export interface NoteInfo {
  /** number of global note indices (Dataset.noteIds.size) */
  size: number;
  inUniverse: Uint8Array;
  /** participant index of the author, -1 unknown */
  author: Int32Array;
  /** note creation time (ms), NaN unknown */
  createdAt: Float64Array;
  /** post id as decimal string, null unknown; "-1" is the no-post sentinel */
  tweetId: (string | null)[];
  /** CLASS_* code from sim/data/tables.ts (0 = null/deleted) */
  classification: Uint8Array;
  /** note text, "" when unknown */
  summary: string[];
}
