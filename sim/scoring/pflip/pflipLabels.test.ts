import { describe, expect, it } from 'vitest';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import { LABEL_CRH, LABEL_FLIP, LABEL_NONE, pflipLabels } from './pflipLabels.ts';
import { emptyHistory } from './testing/syntheticFlipHistory.ts';

interface Row {
  label: string;
  locked: string | null;
  first: string | null;
  enteredAt?: number;
  decidedBy?: string;
  want: number;
}

const ROWS: Row[] = [
  { label: 'locked CRH', locked: CRH, first: CRH, want: LABEL_CRH },
  {
    label: 'locked CRH by the drift guard',
    locked: CRH,
    first: CRH,
    decidedBy: 'ScoringDriftGuard (v1.0)',
    want: LABEL_NONE,
  },
  { label: 'first CRH, locked NMR', locked: NMR, first: CRH, want: LABEL_FLIP },
  { label: 'first CRH, locked CRNH', locked: CRNH, first: CRH, want: LABEL_FLIP },
  {
    label: 'stabilized, never non-NMR, locked NMR',
    locked: NMR,
    first: null,
    enteredAt: 1_700_000_000_000,
    want: LABEL_FLIP,
  },
  {
    label: 'stabilized, never non-NMR, locked CRNH',
    locked: CRNH,
    first: null,
    enteredAt: 1_700_000_000_000,
    want: LABEL_FLIP,
  },
  {
    label: 'stabilized, first CRNH, locked NMR',
    locked: NMR,
    first: CRNH,
    enteredAt: 1_700_000_000_000,
    want: LABEL_NONE,
  },
  { label: 'unlocked, first CRH', locked: null, first: CRH, enteredAt: 1_700_000_000_000, want: LABEL_NONE },
  { label: 'locked NMR, never stabilized', locked: NMR, first: null, want: LABEL_NONE },
  { label: 'timer -1 is not an entry', locked: NMR, first: null, enteredAt: -1, want: LABEL_NONE },
  {
    label: 'FLIP kept under the drift guard',
    locked: NMR,
    first: CRH,
    decidedBy: 'ScoringDriftGuard (v1.0)',
    want: LABEL_FLIP,
  },
];

describe('pflipLabels', () => {
  const h = emptyHistory(ROWS.length);
  ROWS.forEach((r, i) => {
    h.lockedStatus[i] = r.locked;
    h.firstNonNMRStatus[i] = r.first;
    h.timestampMillisOfFirstNmrDueToMinStableCrhTime[i] = r.enteredAt ?? NaN;
    h.currentDecidedBy[i] = r.decidedBy ?? 'CoreModel (v1.1)';
  });
  // One more note index than history rows: absent from the history.
  const labels = pflipLabels(h, ROWS.length + 1);
  ROWS.forEach((r, i) => it(r.label, () => expect(labels[i]).toBe(r.want)));
  it('a note absent from the history is unlabelled', () => expect(labels[ROWS.length]).toBe(LABEL_NONE));
  it('rejects a history row outside the note universe', () => {
    expect(() => pflipLabels(h, 3)).toThrow(/status history row 3 has note index 3/);
  });
});
