import { NotesReader } from './readNotes.ts';
import { RatingsReader, type WithDroppedDuplicates } from './readRatings.ts';
import { EnrollmentReader } from './readEnrollment.ts';
import { StatusHistoryReader } from './readStatusHistory.ts';
import {
  Dictionary,
  type Dataset,
  type EnrollmentTable,
  type NotesTable,
  type RatingsTable,
  type StatusHistoryTable,
} from './tables.ts';
import { DataFormatError } from './dataFormatError.ts';
import { DataWarnings, type DataWarning } from './dataWarnings.ts';
import { TsvLineSplitter } from './tsvLines.ts';

/**
 * A Dataset as read from files: every table also tells how many exact duplicate rows were dropped, and
 * `warnings` lists what the run tolerates but the user should hear about (README, "Warnings").
 */
export interface ReadDataset extends Dataset {
  notes: WithDroppedDuplicates<NotesTable>;
  ratings: WithDroppedDuplicates<RatingsTable>;
  statusHistory: WithDroppedDuplicates<StatusHistoryTable>;
  enrollment: WithDroppedDuplicates<EnrollmentTable>;
  warnings: DataWarning[];
}

/** Options of DatasetReader.finish. */
export interface FinishOptions {
  /**
   * A whole download is being read (the CLI, the dashboard): no note rows, no rating rows, or no rating on a
   * known note is then an error rather than an empty result.
   */
  requireRows?: boolean;
}

/**
 * The four table readers of one data directory, sharing the participant and note-id dictionaries.
 * Feed each file through its reader (`startFile`, `push` lines, e.g. with a TsvLineSplitter), then call
 * `finish()` once. A table whose file was never started comes out empty (NSH and enrollment are optional;
 * the Node adapter decides which files are required).
 *
 * @example
 * const reader = new DatasetReader();
 * reader.notes.startFile('notes-00000.tsv'); pushTsvText(notesText, reader.notes);
 * const dataset = reader.finish();
 */
export class DatasetReader {
  readonly participants = new Dictionary();
  readonly noteIds = new Dictionary();
  readonly notes = new NotesReader(this.participants, this.noteIds);
  readonly ratings = new RatingsReader(this.participants, this.noteIds);
  readonly statusHistory = new StatusHistoryReader(this.participants, this.noteIds, this.notes);
  readonly enrollment = new EnrollmentReader(this.participants);

  finish(options: FinishOptions = {}): ReadDataset {
    const noteRows = this.notes.length;
    const noteFile = this.notes.files[0] ?? 'notes-00000.tsv';
    if (options.requireRows && noteRows === 0) {
      throw new DataFormatError({ file: noteFile, line: 2, reason: 'no notes: the file has a header but no rows' });
    }
    const notes = this.notes.finish();
    const statusHistory = this.statusHistory.finish();
    const known = new Uint8Array(this.noteIds.size);
    for (const n of notes.note) known[n] = 1;
    for (const n of statusHistory.note) known[n] = 1;
    const unknown = this.ratings.unknownNotes(known);
    const ratingFiles = this.ratings.files;
    const ratings = this.ratings.finish();
    const enrollment = this.enrollment.finish();
    const ratingRows = ratings.length + ratings.droppedDuplicates;
    if (options.requireRows && ratingRows === 0) {
      throw new DataFormatError({
        file: ratingFiles.join(', ') || 'ratings-00000.tsv',
        line: 2,
        reason: 'no ratings: the ratings file(s) have a header but no rows',
      });
    }
    if (options.requireRows && unknown.first !== null && unknown.count === ratingRows) {
      const [file, line] = splitWhere(unknown.first.where);
      throw new DataFormatError({
        file,
        line,
        column: 1,
        columnName: 'noteId',
        reason:
          `none of the ${ratingRows} ratings is on a note of ${noteFile} or the status history (this one rates ` +
          `note ${unknown.first.noteId}): are the files from the same download?`,
      });
    }
    const warnings = new DataWarnings();
    if (unknown.first !== null) {
      warnings.add(
        'ratingsOnUnknownNotes',
        unknown.first.where,
        `${unknown.count} of ${ratingRows} ratings are on notes in neither ${noteFile} nor the status history ` +
          `(first: note ${unknown.first.noteId}); they cannot count for any note`,
        unknown.count,
      );
    }
    for (const [files, dropped] of [
      [this.notes.files, notes.droppedDuplicates],
      [ratingFiles, ratings.droppedDuplicates],
      [this.statusHistory.files, statusHistory.droppedDuplicates],
      [this.enrollment.files, enrollment.droppedDuplicates],
    ] as const) {
      const where = files.join(', ');
      warnings.add(
        'exactDuplicateRowsDropped',
        where,
        `${dropped} exact duplicate row(s) dropped, as the reference does`,
        dropped,
      );
    }
    return {
      participants: this.participants,
      noteIds: this.noteIds,
      notes,
      ratings,
      statusHistory,
      enrollment,
      warnings: warnings.list(),
    };
  }
}

/** A file given as text: its name (used in error messages) and content. */
export interface NamedText {
  name: string;
  text: string;
}

/** The texts of a data directory; absent tables come out empty. */
export interface DatasetTexts {
  notes?: string | NamedText;
  ratings?: string | NamedText | readonly (string | NamedText)[];
  statusHistory?: string | NamedText;
  enrollment?: string | NamedText;
}

/**
 * Reads a whole dataset from in-memory texts (tests, browser uploads). Files are read in the order notes,
 * ratings, statusHistory, enrollment (the order the Node adapter uses, so dictionaries match). Plain strings
 * get the default public file names. Throws DataFormatError on bad input.
 */
export function readDatasetText(texts: DatasetTexts, options: FinishOptions = {}): ReadDataset {
  const reader = new DatasetReader();
  const named = (t: string | NamedText, name: string): NamedText => (typeof t === 'string' ? { name, text: t } : t);
  const feed = (sink: NotesReader | RatingsReader | StatusHistoryReader | EnrollmentReader, file: NamedText): void => {
    sink.startFile(file.name);
    const split = new TsvLineSplitter(sink);
    split.write(file.text);
    split.end();
    sink.endFile();
  };
  if (texts.notes !== undefined) feed(reader.notes, named(texts.notes, 'notes-00000.tsv'));
  if (texts.ratings !== undefined) {
    const list = Array.isArray(texts.ratings) ? texts.ratings : [texts.ratings as string | NamedText];
    list.forEach((t, k) => feed(reader.ratings, named(t, `ratings-${String(k).padStart(5, '0')}.tsv`)));
  }
  if (texts.statusHistory !== undefined) {
    feed(reader.statusHistory, named(texts.statusHistory, 'noteStatusHistory-00000.tsv'));
  }
  if (texts.enrollment !== undefined) feed(reader.enrollment, named(texts.enrollment, 'userEnrollment-00000.tsv'));
  return reader.finish(options);
}

/** `file:line` → [file, line]. */
function splitWhere(where: string): [string, number] {
  const k = where.lastIndexOf(':');
  return [where.slice(0, k), Number(where.slice(k + 1))];
}
