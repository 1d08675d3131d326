import type { Dictionary, RatingsTable } from '../data/tables.ts';

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
