import { readOutputTable } from '../data/readOutputTable.ts';
import { writeTsv } from '../data/writeTsv.ts';
import type { PreviousOutputs } from '../scoring/pipeline/incrementalRescoring.ts';
import { outputTables, type ScoringResult } from '../scoring/pipeline/scoreDataset.ts';

/**
 * A scoring result as the next incremental run reads it: its scored_notes and aux_note_info written as the public
 * files and read back, exactly as production feeds the previous run's files in.
 */
export function previousOutputs(result: ScoringResult): PreviousOutputs {
  const tables = outputTables(result);
  const text = (name: 'scored_notes' | 'aux_note_info') => [...writeTsv(tables[name])].join('');
  return {
    scoredNotes: readOutputTable('scored_notes.tsv', text('scored_notes'), [
      'noteId',
      'timestampMillisOfCurrentStatus',
    ]),
    auxNoteInfo: readOutputTable('aux_note_info.tsv', text('aux_note_info'), ['noteId']),
  };
}
