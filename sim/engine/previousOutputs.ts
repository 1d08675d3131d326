import { outputTextTable } from '../data/writeTsv.ts';
import type { PreviousOutputs } from '../scoring/pipeline/incrementalRescoring.ts';
import { outputTable, type ScoringResult } from '../scoring/pipeline/scoreDataset.ts';

/**
 * A scoring result as the next incremental run reads it: its scored_notes and aux_note_info as the public files'
 * text cells (what reading the written files gives, as production feeds the previous run's files in).
 */
export function previousOutputs(result: ScoringResult): PreviousOutputs {
  return {
    scoredNotes: outputTextTable('scored_notes.tsv', outputTable(result, 'scored_notes'), [
      'noteId',
      'timestampMillisOfCurrentStatus',
    ]),
    auxNoteInfo: outputTextTable('aux_note_info.tsv', outputTable(result, 'aux_note_info'), ['noteId']),
  };
}
