import { NOTE_STATUSES } from '../scoring/noteStatus.ts';
import { ensureLength, trimmed } from './growable.ts';
import { STATUS_HISTORY_LAYOUT } from './inputColumns.ts';
import { internDetached, type WithDroppedDuplicates } from './readRatings.ts';
import { KeyRowIndex, RowOrigins } from './rowOrigins.ts';
import type { Dictionary, StatusHistoryTable } from './tables.ts';
import type { LineSink } from './tsvLines.ts';
import { TsvRow, detach } from './tsvRow.ts';

/** What the status-history reader needs of the notes read before it. */
export interface NotesLookup {
  lookup(note: number): { createdAt: number; author: number; where: string } | null;
}

type NumKey = {
  [K in keyof StatusHistoryTable]: StatusHistoryTable[K] extends Float64Array ? K : never;
}[keyof StatusHistoryTable];
type StrKey = {
  [K in keyof StatusHistoryTable]: StatusHistoryTable[K] extends (string | null)[] ? K : never;
}[keyof StatusHistoryTable];

/** How each of columns 4..24 is read: a nullable number, a status, or free text (decidedBy). */
const COLUMNS: readonly { key: NumKey | StrKey; kind: 'number' | 'status' | 'text' }[] = [
  { key: 'timestampMillisOfFirstNonNMRStatus', kind: 'number' },
  { key: 'firstNonNMRStatus', kind: 'status' },
  { key: 'timestampMillisOfCurrentStatus', kind: 'number' },
  { key: 'currentStatus', kind: 'status' },
  { key: 'timestampMillisOfLatestNonNMRStatus', kind: 'number' },
  { key: 'mostRecentNonNMRStatus', kind: 'status' },
  { key: 'timestampMillisOfStatusLock', kind: 'number' },
  { key: 'lockedStatus', kind: 'status' },
  { key: 'timestampMillisOfRetroLock', kind: 'number' },
  { key: 'currentCoreStatus', kind: 'status' },
  { key: 'currentExpansionStatus', kind: 'status' },
  { key: 'currentGroupStatus', kind: 'status' },
  { key: 'currentDecidedBy', kind: 'text' },
  { key: 'currentModelingGroup', kind: 'number' },
  { key: 'timestampMillisOfMostRecentStatusChange', kind: 'number' },
  { key: 'timestampMillisOfNmrDueToMinStableCrhTime', kind: 'number' },
  { key: 'currentMultiGroupStatus', kind: 'status' },
  { key: 'currentModelingMultiGroup', kind: 'number' },
  { key: 'timestampMinuteOfFinalScoringOutput', kind: 'number' },
  { key: 'timestampMillisOfFirstNmrDueToMinStableCrhTime', kind: 'number' },
  { key: 'abovePcrhThresholdTime', kind: 'number' },
];
const FIRST = 3;
/** Field index of timestampMillisOfFirstNmrDueToMinStableCrhTime, discarded for the 23-column layout. */
const LEGACY_DISCARDED = 22;

/**
 * Streaming reader of noteStatusHistory-00000.tsv into a StatusHistoryTable (scoring-core.md §2.4), rows in
 * file order. Accepts 24 columns or the 23-column legacy layout; for the latter, as the reference does,
 * `timestampMillisOfFirstNmrDueToMinStableCrhTime` and `abovePcrhThresholdTime` are set to NaN.
 * Status cells must be empty or one of NOTE_STATUSES. Exact duplicate rows are dropped; a noteId repeated
 * with different content is an error. Usage as RatingsReader.
 */
export class StatusHistoryReader implements LineSink {
  private readonly row = new TsvRow(STATUS_HISTORY_LAYOUT);
  private readonly origins = new RowOrigins();
  private readonly rowOfNote = new KeyRowIndex();
  private readonly texts = new Map<string, string>();
  private n = 0;
  private dropped = 0;
  private note = new Int32Array(0);
  private author = new Int32Array(0);
  private createdAt = new Float64Array(0);
  private readonly nums = new Map<NumKey, Float64Array>();
  private readonly strs = new Map<StrKey, (string | null)[]>();
  private finished = false;

  /** `notes`: the notes read before this file, to check that both agree on each note's creation and author. */
  constructor(
    readonly participants: Dictionary,
    readonly noteIds: Dictionary,
    private readonly notes: NotesLookup | null = null,
  ) {
    for (const c of COLUMNS) {
      if (c.kind === 'number') this.nums.set(c.key as NumKey, new Float64Array(0));
      else this.strs.set(c.key as StrKey, []);
    }
  }

  startFile(file: string): void {
    if (this.finished) throw new Error('StatusHistoryReader: finish() was already called');
    this.row.endFile();
    this.row.startFile(file);
    this.origins.startFile(file, this.n);
  }

  push(line: string, lineNo: number, unterminated = false): void {
    const r = this.row;
    if (!r.load(line, lineNo, unterminated)) return;
    const note = internDetached(this.noteIds, r.id(0));
    const hash = r.hash(0, r.columns - 1);
    const seen = this.rowOfNote.get(note);
    if (seen >= 0) {
      this.origins.assertExactDuplicate(seen, hash, {
        file: r.file,
        line: lineNo,
        columnName: 'noteId',
        key: this.noteIds.values[note],
      });
      this.dropped++;
      return;
    }
    const i = this.n;
    if (i >= this.note.length) this.grow(i + 1);
    this.note[i] = note;
    this.author[i] = internDetached(this.participants, r.participant(1));
    this.createdAt[i] = r.timestamp(2);
    this.checkAgainstNotes(note, this.author[i], this.createdAt[i]);
    const legacy = r.columns === 23;
    for (let k = 0; k < COLUMNS.length; k++) {
      const f = FIRST + k;
      const c = COLUMNS[k];
      if (c.kind === 'number') {
        const v = f < r.columns ? r.optionalNumber(f) : NaN;
        this.nums.get(c.key as NumKey)![i] = legacy && f === LEGACY_DISCARDED ? NaN : v;
      } else if (c.kind === 'status') {
        const code = r.code(f, NOTE_STATUSES, true);
        this.strs.get(c.key as StrKey)!.push(code === 0 ? null : NOTE_STATUSES[code - 1]);
      } else {
        this.strs.get(c.key as StrKey)!.push(r.isEmpty(f) ? null : this.sharedText(r.text(f)));
      }
    }
    this.origins.record(i, lineNo, hash);
    this.rowOfNote.set(note, i);
    this.n = i + 1;
  }

  endFile(): void {
    this.row.endFile();
  }

  /** Files started so far. */
  get files(): readonly string[] {
    return this.origins.files;
  }

  finish(): WithDroppedDuplicates<StatusHistoryTable> {
    if (this.finished) throw new Error('StatusHistoryReader: finish() was already called');
    this.row.endFile();
    this.finished = true;
    this.origins.release();
    const n = this.n;
    const table = {
      length: n,
      note: trimmed(this.note, n),
      author: trimmed(this.author, n),
      createdAt: trimmed(this.createdAt, n),
      droppedDuplicates: this.dropped,
    } as WithDroppedDuplicates<StatusHistoryTable>;
    const record = table as unknown as Record<string, unknown>;
    for (const [key, values] of this.nums) record[key] = trimmed(values, n);
    for (const [key, values] of this.strs) record[key] = values;
    return table;
  }

  /** §2.6 step 5: a note in both files must have the same creation time and author (the reference aborts). */
  private checkAgainstNotes(note: number, author: number, createdAt: number): void {
    const known = this.notes?.lookup(note);
    if (!known) return;
    const id = this.noteIds.values[note];
    if (known.createdAt !== createdAt) {
      const iso = (t: number): string => new Date(t).toISOString();
      this.row.fail(
        2,
        `note ${id} was created at ${createdAt} (${iso(createdAt)}) by this file but at ${known.createdAt} ` +
          `(${iso(known.createdAt)}) by ${known.where}; the status history and the notes must agree`,
      );
    }
    if (known.author !== author) {
      this.row.fail(
        1,
        `note ${id} has author ${this.participants.values[author]} here but ${this.participants.values[known.author]} ` +
          `in ${known.where}; the status history and the notes must agree`,
      );
    }
  }

  /** One string object per distinct free-text value (decidedBy has a handful). */
  private sharedText(s: string): string {
    let t = this.texts.get(s);
    if (t === undefined) {
      t = detach(s);
      this.texts.set(t, t);
    }
    return t;
  }

  private grow(length: number): void {
    this.note = ensureLength(this.note, length);
    this.author = ensureLength(this.author, length);
    this.createdAt = ensureLength(this.createdAt, length);
    for (const [key, values] of this.nums) this.nums.set(key, ensureLength(values, length));
  }
}
