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
import { TsvLineSplitter } from './tsvLines.ts';

/** A Dataset as read from files: every table also tells how many exact duplicate rows were dropped. */
export interface ReadDataset extends Dataset {
  notes: WithDroppedDuplicates<NotesTable>;
  ratings: WithDroppedDuplicates<RatingsTable>;
  statusHistory: WithDroppedDuplicates<StatusHistoryTable>;
  enrollment: WithDroppedDuplicates<EnrollmentTable>;
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
  readonly statusHistory = new StatusHistoryReader(this.participants, this.noteIds);
  readonly enrollment = new EnrollmentReader(this.participants);

  finish(): ReadDataset {
    return {
      participants: this.participants,
      noteIds: this.noteIds,
      notes: this.notes.finish(),
      ratings: this.ratings.finish(),
      statusHistory: this.statusHistory.finish(),
      enrollment: this.enrollment.finish(),
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
export function readDatasetText(texts: DatasetTexts): ReadDataset {
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
  return reader.finish();
}
