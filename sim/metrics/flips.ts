import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { STATUS_SHORT_NAMES, StatusCode } from '../scoring/noteStatus.ts';

/** Status changes between consecutive successful runs. */
export interface Flips {
  /** count by kind, e.g. `CRH->NMR` */
  byKind: Record<string, number>;
  total: number;
  /** notes that were Helpful in some run and not Helpful in a later one */
  notesLosingHelpful: number;
  /** notes whose status changed more than once */
  notesFlippingRepeatedly: number;
}

/** Counts finalRatingStatus changes of each note between consecutive runs (failed runs are skipped). */
export function flips(runs: readonly RunSnapshot[]): Flips {
  const ok = runs.filter((r) => r.error === null);
  const byKind: Record<string, number> = {};
  let total = 0;
  const maxNotes = ok.length > 0 ? ok[ok.length - 1].notes : 0;
  const changes = new Int32Array(maxNotes);
  const lost = new Uint8Array(maxNotes);
  for (let k = 1; k < ok.length; k++) {
    const prev = ok[k - 1];
    const cur = ok[k];
    for (let n = 0; n < prev.notes; n++) {
      const a = prev.status[n];
      const b = cur.status[n];
      if (a === b) continue;
      const kind = `${STATUS_SHORT_NAMES[a] ?? a}->${STATUS_SHORT_NAMES[b] ?? b}`;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      total++;
      changes[n]++;
      if (a === StatusCode.CRH) lost[n] = 1;
    }
  }
  let repeated = 0;
  let losing = 0;
  for (let n = 0; n < maxNotes; n++) {
    if (changes[n] > 1) repeated++;
    losing += lost[n];
  }
  return { byKind: sortKeys(byKind), total, notesLosingHelpful: losing, notesFlippingRepeatedly: repeated };
}

/** The same record with keys in sorted order (stable JSON). */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
