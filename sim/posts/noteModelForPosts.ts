import { DataFormatError } from '../data/dataFormatError.ts';
import type { TextTable } from '../data/readOutputTable.ts';
import type { Dictionary, RatingsTable } from '../data/tables.ts';
import { parseDecimal } from '../data/tsvRow.ts';

/** The columns of a `bridgelab score` output folder that §12 step 1 reads. Missing numbers are NaN. */
export interface NoteModelForPosts {
  /** scored_notes.tsv */
  scoredNotes: {
    length: number;
    noteId: string[];
    classification: (string | null)[];
    noteTopic: (string | null)[];
    decidedBy: (string | null)[];
    coreNoteFactor1: Float64Array;
  };
  /** helpfulness_scores.tsv */
  raterFactors: {
    length: number;
    raterParticipantId: string[];
    coreRaterFactor1: Float64Array;
  };
}

/** Note ratings as read from ratings-*.tsv (a Dataset's ratings with its id dictionaries). */
export interface NoteRatingsForPosts {
  ratings: RatingsTable;
  participants: Dictionary;
  noteIds: Dictionary;
}

/** Columns of scored_notes.tsv and helpfulness_scores.tsv that §12 step 1 reads. */
export const NOTE_MODEL_COLUMNS = {
  scoredNotes: ['noteId', 'classification', 'noteTopic', 'decidedBy', 'coreNoteFactor1'],
  raterFactors: ['raterParticipantId', 'coreRaterFactor1'],
} as const;

/**
 * The NoteModelForPosts of a `bridgelab score` output folder, from its scored_notes.tsv and
 * helpfulness_scores.tsv read with readOutputTable (required columns: NOTE_MODEL_COLUMNS). An unparsable factor
 * is a DataFormatError naming the file, line and column.
 *
 * @example noteModelFromOutputTables(readOutputTable('scored_notes.tsv', text, NOTE_MODEL_COLUMNS.scoredNotes), ...)
 */
export function noteModelFromOutputTables(scoredNotes: TextTable, helpfulness: TextTable): NoteModelForPosts {
  const col = (t: TextTable, name: string) => t.columns.get(name) ?? [];
  return {
    scoredNotes: {
      length: scoredNotes.length,
      noteId: col(scoredNotes, 'noteId').map((v) => v ?? ''),
      classification: col(scoredNotes, 'classification'),
      noteTopic: col(scoredNotes, 'noteTopic'),
      decidedBy: col(scoredNotes, 'decidedBy'),
      coreNoteFactor1: numbers(scoredNotes, 'coreNoteFactor1'),
    },
    raterFactors: {
      length: helpfulness.length,
      raterParticipantId: col(helpfulness, 'raterParticipantId').map((v) => v ?? ''),
      coreRaterFactor1: numbers(helpfulness, 'coreRaterFactor1'),
    },
  };
}

function numbers(t: TextTable, name: string): Float64Array {
  const cells = t.columns.get(name) ?? [];
  const out = new Float64Array(t.length);
  cells.forEach((v, k) => {
    const x = v === null || v === 'nan' || v === 'NaN' ? NaN : parseDecimal(v);
    if (v !== null && v !== 'nan' && v !== 'NaN' && Number.isNaN(x)) {
      throw new DataFormatError({
        file: t.file,
        line: k + 2,
        column: t.header.indexOf(name) + 1,
        columnName: name,
        reason: `expected a number or an empty cell, got ${JSON.stringify(v)}`,
      });
    }
    out[k] = x;
  });
  return out;
}
