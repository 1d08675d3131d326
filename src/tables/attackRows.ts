/**
 * The attack-success table of the Robustness page: one row per reported quantity, side A next to side B, read from
 * the engine's AttackSummary of each side (nothing is computed here), with display formats and the TSV export.
 */
import type { AttackOutcome } from '../../sim/index.ts';
import type { AttackSummary } from '../engine/engineTypes.ts';
import type { TableColumn } from './tsv.ts';

/** How a value reads: a count, a share, a signed change, hours. */
export type AttackValueKind = 'count' | 'share' | 'signed' | 'hours';

/** One row of the table: `group` (an adversary, collateral, deltas), what it measures, the value of each side. */
export interface AttackRow {
  group: string;
  metric: string;
  kind: AttackValueKind;
  /** NaN when the side has no report (or the value is undefined there) */
  a: number;
  b: number;
}

const ADVERSARY_ROWS: { metric: string; kind: AttackValueKind; get: (o: AttackOutcome) => number }[] = [
  { metric: 'success rate', kind: 'share', get: (o) => o.successRate },
  { metric: 'successes', kind: 'count', get: (o) => o.successes },
  { metric: 'targets', kind: 'count', get: (o) => o.targets },
  { metric: 'targets Helpful at the end, with the attack', kind: 'count', get: (o) => o.targetsHelpfulWithAttack },
  { metric: 'targets Helpful at the end, without it', kind: 'count', get: (o) => o.targetsHelpfulWithout },
  { metric: 'mean target intercept shift', kind: 'signed', get: (o) => o.meanTargetInterceptShift },
  { metric: 'target Helpful-hours with the attack', kind: 'hours', get: (o) => o.targetHelpfulHoursWithAttack },
  { metric: 'target Helpful-hours without it', kind: 'hours', get: (o) => o.targetHelpfulHoursWithout },
  { metric: 'accounts', kind: 'count', get: (o) => o.accounts },
  { metric: 'attack ratings', kind: 'count', get: (o) => o.attackRatings },
  { metric: 'camouflage ratings', kind: 'count', get: (o) => o.camouflageRatings },
];

const SUMMARY_ROWS: { group: string; metric: string; kind: AttackValueKind; get: (s: AttackSummary) => number }[] = [
  {
    group: 'collateral (untargeted organic notes)',
    metric: 'final status changed',
    kind: 'count',
    get: (s) => s.report.collateral.statusChanged,
  },
  {
    group: 'collateral (untargeted organic notes)',
    metric: 'Helpful only with the attack',
    kind: 'count',
    get: (s) => s.report.collateral.gainedHelpful,
  },
  {
    group: 'collateral (untargeted organic notes)',
    metric: 'Helpful only without it',
    kind: 'count',
    get: (s) => s.report.collateral.lostHelpful,
  },
  {
    group: 'flips, attack minus none',
    metric: 'status flips',
    kind: 'signed',
    get: (s) => s.report.deltas.flips.total,
  },
  {
    group: 'flips, attack minus none',
    metric: 'notes losing Helpful',
    kind: 'signed',
    get: (s) => s.report.deltas.flips.notesLosingHelpful,
  },
  {
    group: 'flips, attack minus none',
    metric: 'notes flipping repeatedly',
    kind: 'signed',
    get: (s) => s.report.deltas.flips.notesFlippingRepeatedly,
  },
  {
    group: 'preview exposure, attack minus none',
    metric: 'notes ever in preview',
    kind: 'signed',
    get: (s) => s.report.deltas.previewExposure.notesEverInPreview,
  },
  {
    group: 'preview exposure, attack minus none',
    metric: 'preview note-hours',
    kind: 'signed',
    get: (s) => s.report.deltas.previewExposure.previewHours,
  },
  {
    group: 'preview exposure, attack minus none',
    metric: 'previews released to Helpful',
    kind: 'signed',
    get: (s) => s.report.deltas.previewExposure.previewsReleasedToHelpful,
  },
  {
    group: 'preview exposure, attack minus none',
    metric: 'previews ended otherwise',
    kind: 'signed',
    get: (s) => s.report.deltas.previewExposure.previewsEndedOtherwise,
  },
  {
    group: 'preview exposure, attack minus none',
    metric: 'notes ever held as Needs your help',
    kind: 'signed',
    get: (s) => s.report.deltas.previewExposure.notesEverNeedsYourHelp,
  },
];

/**
 * The rows for sides `a` and `b` (either may be null: not run yet). Adversaries are matched by position (both sides
 * run the same scenario); each adversary's group is named by its label and kind.
 */
export function attackRows(a: AttackSummary | null, b: AttackSummary | null): AttackRow[] {
  const rows: AttackRow[] = [];
  const count = Math.max(a?.report.adversaries.length ?? 0, b?.report.adversaries.length ?? 0);
  for (let i = 0; i < count; i++) {
    const oa = a?.report.adversaries[i];
    const ob = b?.report.adversaries[i];
    const named = oa ?? ob;
    const group = named ? `${named.label} (${named.kind})` : `adversary ${i + 1}`;
    for (const r of ADVERSARY_ROWS)
      rows.push({ group, metric: r.metric, kind: r.kind, a: oa ? r.get(oa) : NaN, b: ob ? r.get(ob) : NaN });
  }
  for (const r of SUMMARY_ROWS)
    rows.push({ group: r.group, metric: r.metric, kind: r.kind, a: a ? r.get(a) : NaN, b: b ? r.get(b) : NaN });
  return rows;
}

/** Display text of a value of `kind`; '—' when missing. */
export function formatAttackValue(value: number, kind: AttackValueKind): string {
  if (Number.isNaN(value)) return '—';
  switch (kind) {
    case 'share':
      return `${(100 * value).toFixed(1)}%`;
    case 'signed': {
      const text = Number.isInteger(value) ? String(Math.abs(value)) : Math.abs(value).toFixed(3);
      return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '0';
    }
    case 'hours':
      return value.toFixed(0);
    case 'count':
      return String(value);
  }
}

/** The rows as table columns (group, metric, A, B) for tableTsv. */
export function attackColumns(rows: readonly AttackRow[]): TableColumn[] {
  return [
    { key: 'group', label: 'group', kind: 'str', values: rows.map((r) => r.group) },
    { key: 'metric', label: 'metric', kind: 'str', values: rows.map((r) => r.metric) },
    { key: 'A', label: 'A', kind: 'num', values: Float64Array.from(rows, (r) => r.a) },
    { key: 'B', label: 'B', kind: 'num', values: Float64Array.from(rows, (r) => r.b) },
  ];
}
