import { DataFormatError } from './dataFormatError.ts';
import { ensureLength, trimmed } from './growable.ts';
import { RATINGS_LAYOUT } from './inputColumns.ts';
import { RowOrigins } from './rowOrigins.ts';
import {
  FLAG,
  HELPFUL_TAGS,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  NOT_HELPFUL_TAGS,
  type Dictionary,
  type RatingsTable,
} from './tables.ts';
import type { LineSink } from './tsvLines.ts';
import { TsvRow, detach } from './tsvRow.ts';

/** helpfulnessLevel values; code = index + 1 (LEVEL_NOT_HELPFUL, LEVEL_SOMEWHAT_HELPFUL, LEVEL_HELPFUL). */
export const HELPFULNESS_LEVELS = ['NOT_HELPFUL', 'SOMEWHAT_HELPFUL', 'HELPFUL'] as const;
/** ratingSourceBucketed values; code = index + 1. */
export const RATING_SOURCES = ['DEFAULT', 'POPULATION_SAMPLED'] as const;

/** A table as read, with the number of exact duplicate rows dropped (the reference drops them silently). */
export type WithDroppedDuplicates<T> = T & { droppedDuplicates: number };

// Field indices (0-based) of the ratings layout.
const C_NOTE = 0;
const C_RATER = 1;
const C_CREATED = 2;
const C_HELPFUL = 6;
const C_NOT_HELPFUL = 7;
const C_LEVEL = 8;
const C_TAG0 = 9;
const C_TWEET = 31;
const C_SOURCE = 32;
const N_TAGS = HELPFUL_TAGS.length + NOT_HELPFUL_TAGS.length;

/**
 * Streaming reader of ratings files into a RatingsTable (scoring-core.md §2.3, §2.6 steps 1-2).
 * Call `startFile(name)`, `push(line, lineNo)` for each line (header first), then `finish()` once after all
 * files. Several files (ratings-00000.tsv, ratings-00001.tsv, ...) go through one reader. Participant and
 * note ids are interned into the dataset's shared dictionaries.
 *
 * `helpful2` follows §2.6 step 2 (later wins): helpful == 1 -> 2; notHelpful == 1 -> 0; helpfulnessLevel
 * NOT_HELPFUL -> 0, SOMEWHAT_HELPFUL -> 1, HELPFUL -> 2; otherwise 255. `finish()` drops exact duplicate
 * rows (same values in the first 33 columns) and throws when a rater rated a note twice differently.
 */
export class RatingsReader implements LineSink {
  private readonly row = new TsvRow(RATINGS_LAYOUT);
  private readonly origins = new RowOrigins();
  private n = 0;
  private note = new Int32Array(0);
  private rater = new Int32Array(0);
  private createdAt = new Float64Array(0);
  private flags = new Uint32Array(0);
  private helpful2 = new Uint8Array(0);
  private lastNoteText = '';
  private lastNote = -1;
  private lastTweetText = '\u0000';
  private lastTweetHash = 0;
  private finished = false;

  constructor(
    readonly participants: Dictionary,
    readonly noteIds: Dictionary,
  ) {}

  /** Rows read so far (before duplicate removal). */
  get length(): number {
    return this.n;
  }

  startFile(file: string): void {
    if (this.finished) throw new Error('RatingsReader: finish() was already called');
    this.row.endFile();
    this.row.startFile(file);
    this.origins.startFile(file, this.n);
  }

  push(line: string, lineNo: number, unterminated = false): void {
    const r = this.row;
    if (!r.load(line, lineNo, unterminated)) return;

    const noteText = r.text(C_NOTE);
    let note = this.lastNote;
    if (noteText !== this.lastNoteText || note < 0) {
      note = internDetached(this.noteIds, r.id(C_NOTE));
      this.lastNote = note;
      this.lastNoteText = noteText;
    }
    const rater = internDetached(this.participants, r.participant(C_RATER));
    const createdAt = r.timestamp(C_CREATED);
    const version = r.optionalInteger(3);
    const agree = r.optionalInteger(4);
    const disagree = r.optionalInteger(5);
    const v1 = r.flagBits(C_HELPFUL, 2);
    const v1Empty = r.emptyMask;
    const helpful = v1 & 1;
    const notHelpful = v1 >>> 1;
    const level = r.code(C_LEVEL, HELPFULNESS_LEVELS, true);
    let flags = r.flagBits(C_TAG0, N_TAGS);
    const tagsEmpty = r.emptyMask;
    const tweetText = r.text(C_TWEET);
    if (tweetText !== this.lastTweetText) {
      const tweet = r.optionalId(C_TWEET);
      this.lastTweetHash = tweet === null ? 0x9e3779b9 : hashText(tweet);
      this.lastTweetText = tweetText;
    }
    const source = r.code(C_SOURCE, RATING_SOURCES, true);
    // What `flags` does not keep but the reference's exact-duplicate test compares (§2.6 step 1).
    let sig = this.lastTweetHash;
    sig = mix(sig, version);
    sig = mix(sig, agree);
    sig = mix(sig, disagree);
    sig = mix(sig, tagsEmpty | (v1Empty << N_TAGS));
    sig = mix(sig, source);

    flags |= level << FLAG.levelShift;
    if (source === 2) flags |= FLAG.populationSampled;
    if (helpful === 1) flags |= FLAG.v1Helpful;
    if (notHelpful === 1) flags |= FLAG.v1NotHelpful;
    let h2 = 255;
    if (helpful === 1) h2 = 2;
    if (notHelpful === 1) h2 = 0;
    if (level === LEVEL_NOT_HELPFUL) h2 = 0;
    else if (level === LEVEL_SOMEWHAT_HELPFUL) h2 = 1;
    else if (level === LEVEL_HELPFUL) h2 = 2;

    const i = this.n;
    if (i >= this.note.length) this.grow(i + 1);
    this.note[i] = note;
    this.rater[i] = rater;
    this.createdAt[i] = createdAt;
    this.flags[i] = flags >>> 0;
    this.helpful2[i] = h2;
    this.origins.record(i, lineNo, sig);
    this.n = i + 1;
  }

  /** Files started so far. */
  get files(): readonly string[] {
    return this.origins.files;
  }

  /** Rows read so far whose note is not marked in `known`: how many, and the first one's `file:line` and note id. */
  unknownNotes(known: Uint8Array): { count: number; first: { where: string; noteId: string } | null } {
    let count = 0;
    let first = -1;
    for (let i = 0; i < this.n; i++) {
      if (known[this.note[i]] === 1) continue;
      if (count++ === 0) first = i;
    }
    const at = first < 0 ? null : { where: this.origins.where(first), noteId: this.noteIds.values[this.note[first]] };
    return { count, first: at };
  }

  /** Ends the current file (checks it had a header); `startFile` and `finish` call it too. */
  endFile(): void {
    this.row.endFile();
  }

  /** The table: duplicates removed, arrays trimmed to length (21 bytes per rating). */
  finish(): WithDroppedDuplicates<RatingsTable> {
    if (this.finished) throw new Error('RatingsReader: finish() was already called');
    this.row.endFile();
    this.finished = true;
    const keep = this.findDuplicates();
    let n = this.n;
    let dropped = 0;
    if (keep !== null) {
      let w = 0;
      for (let i = 0; i < n; i++) {
        if (keep[i] === 0) continue;
        this.note[w] = this.note[i];
        this.rater[w] = this.rater[i];
        this.createdAt[w] = this.createdAt[i];
        this.flags[w] = this.flags[i];
        this.helpful2[w] = this.helpful2[i];
        w++;
      }
      dropped = n - w;
      n = w;
    }
    this.origins.release();
    return {
      length: n,
      note: trimmed(this.note, n),
      rater: trimmed(this.rater, n),
      createdAt: trimmed(this.createdAt, n),
      flags: trimmed(this.flags, n),
      helpful2: trimmed(this.helpful2, n),
      droppedDuplicates: dropped,
    };
  }

  private grow(length: number): void {
    this.note = ensureLength(this.note, length);
    this.rater = ensureLength(this.rater, length);
    this.createdAt = ensureLength(this.createdAt, length);
    this.flags = ensureLength(this.flags, length);
    this.helpful2 = ensureLength(this.helpful2, length);
  }

  /**
   * Orders rows by (note, rater) with two stable counting sorts, so repeated pairs are adjacent and in file
   * order. Returns a keep-mask when exact duplicates exist, null when there are none; throws on a conflict.
   */
  private findDuplicates(): Uint8Array | null {
    const n = this.n;
    if (n < 2) return null;
    const { note, rater } = this;
    const byRater = countingOrder(rater, n, this.participants.size, null);
    const order = countingOrder(note, n, this.noteIds.size, byRater);
    let keep: Uint8Array | null = null;
    let conflictRow = -1;
    let conflictFirst = -1;
    let runStart = order[0];
    for (let k = 1; k < n; k++) {
      const i = order[k];
      if (note[i] !== note[runStart] || rater[i] !== rater[runStart]) {
        runStart = i;
        continue;
      }
      if (this.sameContent(runStart, i)) {
        keep ??= new Uint8Array(n).fill(1);
        keep[i] = 0;
      } else if (conflictRow < 0 || i < conflictRow) {
        conflictRow = i;
        conflictFirst = runStart;
      }
    }
    if (conflictRow >= 0) this.throwConflict(conflictFirst, conflictRow);
    return keep;
  }

  private sameContent(a: number, b: number): boolean {
    return (
      this.createdAt[a] === this.createdAt[b] &&
      this.flags[a] === this.flags[b] &&
      this.origins.hashes[a] === this.origins.hashes[b]
    );
  }

  private throwConflict(first: number, later: number): never {
    const { column, what } = this.describeDifference(first, later);
    const cols = RATINGS_LAYOUT.columns;
    throw new DataFormatError({
      file: this.origins.fileOf(later),
      line: this.origins.lines[later],
      column: column + 1,
      columnName: cols[column].name,
      reason:
        `duplicate rating: participant ${this.participants.values[this.rater[later]]} already rated note ` +
        `${this.noteIds.values[this.note[later]]} at ${this.origins.where(first)} with different content ` +
        `(${what}); a rater may rate a note once (exact duplicate rows are dropped)`,
    });
  }

  private describeDifference(a: number, b: number): { column: number; what: string } {
    if (this.createdAt[a] !== this.createdAt[b]) return { column: C_CREATED, what: 'createdAtMillis differs' };
    const fa = this.flags[a];
    const fb = this.flags[b];
    const differs = (bit: number): boolean => ((fa ^ fb) & bit) !== 0;
    if (differs(FLAG.levelMask)) return { column: C_LEVEL, what: 'helpfulnessLevel differs' };
    if (differs(FLAG.v1Helpful)) return { column: C_HELPFUL, what: 'helpful differs' };
    if (differs(FLAG.v1NotHelpful)) return { column: C_NOT_HELPFUL, what: 'notHelpful differs' };
    for (let t = 0; t < N_TAGS; t++) {
      if (differs(1 << t)) return { column: C_TAG0 + t, what: `${RATINGS_LAYOUT.columns[C_TAG0 + t].name} differs` };
    }
    if (differs(FLAG.populationSampled)) return { column: C_SOURCE, what: 'ratingSourceBucketed differs' };
    return {
      column: C_RATER,
      what: 'version, agree, disagree, ratedOnTweetId, ratingSourceBucketed or an empty-versus-0 cell differs',
    };
  }
}

/**
 * Row indices ordered by `key` (values in [0, range)), stable: ties keep the order of `input` (or of row
 * index when `input` is null). O(n + range).
 */
function countingOrder(key: Int32Array, n: number, range: number, input: Uint32Array | null): Uint32Array {
  const counts = new Uint32Array(range + 1);
  for (let i = 0; i < n; i++) counts[key[i] + 1]++;
  for (let v = 0; v < range; v++) counts[v + 1] += counts[v];
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = input === null ? k : input[k];
    out[counts[key[i]]++] = i;
  }
  return out;
}

/** 32-bit FNV-1a step over an integer value (NaN, i.e. an empty cell, has its own code). */
function mix(h: number, v: number): number {
  const x = Number.isNaN(v) ? 0x7fffffff : v | 0;
  return Math.imul(h ^ x, 0x01000193) >>> 0;
}

function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Dictionary index of `s`, storing a detached copy when it is new. */
export function internDetached(dict: Dictionary, s: string): number {
  const i = dict.get(s);
  return i >= 0 ? i : dict.intern(detach(s));
}
