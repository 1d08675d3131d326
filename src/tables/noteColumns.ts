/** The notes table's columns for a scored dataset or a simulation result (with truth columns when present). */
import type { ScoredNotes, SimNotes } from '../engine/engineTypes.ts';
import { statusLabel } from '../charts/palette.ts';
import type { TableColumn } from './tsv.ts';

const WRITERS = ['human', 'AI', 'adversary'];

/** Columns: id, status, decidedBy, intercept, factor, ratings, and for simulations true helpfulness and writer. */
export function noteColumns(notes: ScoredNotes | SimNotes): TableColumn[] {
  const cols: TableColumn[] = [
    { key: 'noteId', label: 'Note', kind: 'str', values: notes.noteId },
    {
      key: 'finalRatingStatus',
      label: 'Status',
      kind: 'str',
      values: notes.status,
      format: (v) => statusLabel(v as string | null),
    },
    {
      key: 'decidedBy',
      label: 'Decided by',
      kind: 'str',
      values: notes.decidedBy,
      format: (v) => String(v ?? '').replace(/ \(v[0-9.]+\)$/, ''),
    },
    { key: 'coreNoteIntercept', label: 'Intercept', kind: 'num', values: notes.intercept },
    { key: 'coreNoteFactor1', label: 'Factor', kind: 'num', values: notes.factor },
    { key: 'numRatings', label: 'Ratings', kind: 'num', values: notes.numRatings },
  ];
  if ('helpfulness' in notes) {
    cols.push(
      { key: 'trueHelpfulness', label: 'True helpfulness', kind: 'num', values: notes.helpfulness },
      {
        key: 'writer',
        label: 'Writer',
        kind: 'str',
        values: Array.from(notes.writerKind, (w) => WRITERS[w] ?? String(w)),
      },
    );
  }
  return cols;
}
