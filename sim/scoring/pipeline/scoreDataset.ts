import type { OutputColumn } from '../../data/writeTsv.ts';
import {
  AUX_NOTE_INFO_COLUMNS,
  HELPFULNESS_SCORES_COLUMNS,
  NOTE_STATUS_HISTORY_COLUMNS,
  SCORED_NOTES_COLUMNS,
} from '../../data/outputColumns.ts';
import type { Dataset } from '../../data/tables.ts';
import { Frame } from '../frame.ts';
import { metaScore } from '../meta/metaRules.ts';
import { assembleNoteFrame } from './assembleNotes.ts';
import { assembleRaterFrame } from './assembleRaters.ts';
import { runScorers, type ScoringOptions, type ScoringRun } from './runScoring.ts';

/** The four output tables of one scoring run, as frames keyed by global note / participant index. */
export interface ScoringResult {
  run: ScoringRun;
  notes: Frame;
  raters: Frame;
  statusHistory: Frame | null;
}

/** Score a dataset end to end: scorers, meta combination, status history, contributor columns. */
export async function scoreDataset(data: Dataset, opts: ScoringOptions): Promise<ScoringResult> {
  const run = await runScorers(data, opts);
  const notes = assembleNoteFrame(run);
  opts.onProgress?.('meta scoring', 0, 1);
  const meta = metaScore(notes, { now: opts.now, disabled: run.ctx.disabledRules });
  for (const name of meta.frame.names()) notes.set(name, meta.frame.get(name) as never);
  notes.set('timestampMillisOfCurrentStatus', new Float64Array(notes.length).fill(opts.now));
  opts.onProgress?.('meta scoring', 1, 1);
  const raters = assembleRaterFrame(run);
  return { run, notes, raters, statusHistory: null };
}

/** Output columns in the public order; columns not computed are written empty. */
function columnsOf(frame: Frame, names: readonly string[], key: (k: number) => string, keyName: string): OutputColumn[] {
  return names.map((name): OutputColumn => {
    if (name === keyName) return { name, kind: 'string', values: Array.from(frame.key, key) };
    const c = frame.get(name);
    if (c === undefined) return { name, kind: 'string', values: new Array<string | null>(frame.length).fill(null) };
    return c instanceof Float64Array ? { name, kind: 'float', values: c } : { name, kind: 'string', values: c };
  });
}

/** The four public output files as column lists, ready for writeTsv. */
export function outputTables(result: ScoringResult): Record<'scored_notes' | 'helpfulness_scores' | 'note_status_history' | 'aux_note_info', OutputColumn[]> {
  const { data } = result.run.ctx;
  const noteId = (n: number) => data.noteIds.values[n];
  const participant = (u: number) => data.participants.values[u];
  const nsh = result.statusHistory ?? result.notes;
  return {
    scored_notes: columnsOf(result.notes, SCORED_NOTES_COLUMNS, noteId, 'noteId'),
    helpfulness_scores: columnsOf(result.raters, HELPFULNESS_SCORES_COLUMNS, participant, 'raterParticipantId'),
    note_status_history: columnsOf(nsh, NOTE_STATUS_HISTORY_COLUMNS, noteId, 'noteId'),
    aux_note_info: columnsOf(result.notes, AUX_NOTE_INFO_COLUMNS, noteId, 'noteId'),
  };
}
