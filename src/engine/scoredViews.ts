/** Per-note and per-rater columns of a scoring result, copied out of its frames for the UI (see engineTypes.ts). */
import type { Dataset, ScoringResult } from '../../sim/index.ts';
import type { ScoredNotes, ScoredRaters } from './engineTypes.ts';

function numCol(frame: ScoringResult['notes'], name: string): Float64Array {
  const c = frame.get(name);
  return c instanceof Float64Array ? c.slice() : new Float64Array(frame.length).fill(NaN);
}

function strCol(frame: ScoringResult['notes'], name: string): (string | null)[] {
  const c = frame.get(name);
  return c === undefined || c instanceof Float64Array ? new Array<string | null>(frame.length).fill(null) : c.slice();
}

/** The note columns the dashboard shows, one row per scored note. */
export function notesView(data: Dataset, result: ScoringResult): ScoredNotes {
  const f = result.notes;
  return {
    length: f.length,
    noteId: Array.from(f.key, (k) => data.noteIds.values[k]),
    author: strCol(f, 'noteAuthorParticipantId'),
    classification: strCol(f, 'classification'),
    createdAt: numCol(f, 'createdAtMillis'),
    numRatings: numCol(f, 'numRatings'),
    intercept: numCol(f, 'coreNoteIntercept'),
    factor: numCol(f, 'coreNoteFactor1'),
    interceptMin: numCol(f, 'coreNoteInterceptMin'),
    interceptMax: numCol(f, 'coreNoteInterceptMax'),
    interceptNoHighVol: numCol(f, 'coreNoteInterceptNoHighVol'),
    interceptNoCorrelated: numCol(f, 'coreNoteInterceptNoCorrelated'),
    interceptPopulationSampled: numCol(f, 'coreNoteInterceptPopulationSampled'),
    status: strCol(f, 'finalRatingStatus'),
    coreStatus: strCol(f, 'coreRatingStatus'),
    decidedBy: strCol(f, 'decidedBy'),
    coreRules: strCol(f, 'coreActiveRules'),
    metaRules: strCol(f, 'metaScorerActiveRules'),
  };
}

/** The rater columns the dashboard shows, one row per participant in helpfulness_scores. */
export function ratersView(data: Dataset, result: ScoringResult): ScoredRaters {
  const f = result.raters;
  return {
    length: f.length,
    participantId: Array.from(f.key, (k) => data.participants.values[k]),
    intercept: numCol(f, 'coreRaterIntercept'),
    factor: numCol(f, 'coreRaterFactor1'),
    enrollmentState: strCol(f, 'enrollmentState'),
  };
}
