import { ensureLength, trimmed } from './growable.ts';
import { NOTES_LAYOUT } from './inputColumns.ts';
import { internDetached, type WithDroppedDuplicates } from './readRatings.ts';
import { KeyRowIndex, RowOrigins } from './rowOrigins.ts';
import type { Dictionary, NotesTable } from './tables.ts';
import type { LineSink } from './tsvLines.ts';
import { TsvRow, detach } from './tsvRow.ts';

/** classification values; code = index + 1 (CLASS_NOT_MISLEADING, CLASS_MISLEADING); empty = CLASS_NULL. */
export const CLASSIFICATIONS = ['NOT_MISLEADING', 'MISINFORMED_OR_POTENTIALLY_MISLEADING'] as const;

/**
 * Streaming reader of notes-00000.tsv into a NotesTable (scoring-core.md §2.2, §2.6 step 4): keeps noteId,
 * author, createdAtMillis, tweetId (exact decimal text), classification and summary. Usage as RatingsReader:
 * `startFile`, `push` each line, `finish`. Exact duplicate rows are dropped; a noteId repeated with different
 * content is an error.
 */
export class NotesReader implements LineSink {
  private readonly row = new TsvRow(NOTES_LAYOUT);
  private readonly origins = new RowOrigins();
  private readonly rowOfNote = new KeyRowIndex();
  private n = 0;
  private dropped = 0;
  private note = new Int32Array(0);
  private author = new Int32Array(0);
  private createdAt = new Float64Array(0);
  private classification = new Uint8Array(0);
  private readonly tweetId: string[] = [];
  private readonly summary: string[] = [];
  private finished = false;

  constructor(
    readonly participants: Dictionary,
    readonly noteIds: Dictionary,
  ) {}

  startFile(file: string): void {
    if (this.finished) throw new Error('NotesReader: finish() was already called');
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
    const author = internDetached(this.participants, r.participant(1));
    const createdAt = r.timestamp(2);
    const tweetId = r.id(3);
    const classification = r.code(4, CLASSIFICATIONS, true);
    const summary = detach(r.text(21));

    const i = this.n;
    if (i >= this.note.length) this.grow(i + 1);
    this.note[i] = note;
    this.author[i] = author;
    this.createdAt[i] = createdAt;
    this.classification[i] = classification;
    this.tweetId.push(tweetId === '-1' ? '-1' : detach(tweetId));
    this.summary.push(summary);
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

  /** Rows kept so far. */
  get length(): number {
    return this.n;
  }

  /** Creation time, author and `file:line` of a note read so far, or null (cross-file checks, before finish). */
  lookup(note: number): { createdAt: number; author: number; where: string } | null {
    const i = this.rowOfNote.get(note);
    if (i < 0 || this.finished) return null;
    return { createdAt: this.createdAt[i], author: this.author[i], where: this.origins.where(i) };
  }

  finish(): WithDroppedDuplicates<NotesTable> {
    if (this.finished) throw new Error('NotesReader: finish() was already called');
    this.row.endFile();
    this.finished = true;
    this.origins.release();
    const n = this.n;
    return {
      length: n,
      note: trimmed(this.note, n),
      author: trimmed(this.author, n),
      createdAt: trimmed(this.createdAt, n),
      tweetId: this.tweetId,
      classification: trimmed(this.classification, n),
      summary: this.summary,
      droppedDuplicates: this.dropped,
    };
  }

  private grow(length: number): void {
    this.note = ensureLength(this.note, length);
    this.author = ensureLength(this.author, length);
    this.createdAt = ensureLength(this.createdAt, length);
    this.classification = ensureLength(this.classification, length);
  }
}
