/**
 * Colours and labels shared by every chart and table: the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies), one colour and one short label per note status.
 */
import { CRH, CRNH, FIRM_REJECT, NMR, NYH, type NoteStatus } from '../../sim/index.ts';

/** Okabe–Ito colours. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#7a7a7a',
  black: '#000000',
} as const;

/** Colour of each note status (finalRatingStatus values). */
export const STATUS_COLORS: Readonly<Record<string, string>> = {
  CURRENTLY_RATED_HELPFUL: OKABE_ITO.bluishGreen,
  CURRENTLY_RATED_NOT_HELPFUL: OKABE_ITO.vermillion,
  NEEDS_MORE_RATINGS: OKABE_ITO.grey,
  NEEDS_YOUR_HELP: OKABE_ITO.orange,
  FIRM_REJECT: OKABE_ITO.reddishPurple,
};

/** Short human labels of statuses. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {
  CURRENTLY_RATED_HELPFUL: 'Helpful',
  CURRENTLY_RATED_NOT_HELPFUL: 'Not Helpful',
  NEEDS_MORE_RATINGS: 'Needs more ratings',
  NEEDS_YOUR_HELP: 'Needs your help',
  FIRM_REJECT: 'Firm reject',
};

/** Very short labels of statuses, for chips in tight places. */
export const STATUS_SHORT: Readonly<Record<string, string>> = {
  CURRENTLY_RATED_HELPFUL: 'Helpful',
  CURRENTLY_RATED_NOT_HELPFUL: 'Not helpful',
  NEEDS_MORE_RATINGS: 'Needs more',
  NEEDS_YOUR_HELP: 'Needs help',
  FIRM_REJECT: 'Rejected',
};

/** Label of a status, the raw value when unknown, '—' when missing. */
export const statusLabel = (status: string | null | undefined): string =>
  status == null || status === '' ? '—' : (STATUS_LABELS[status] ?? status);

/** Colour of a status, grey when unknown. */
export const statusColor = (status: string | null | undefined): string =>
  status == null ? OKABE_ITO.grey : (STATUS_COLORS[status] ?? OKABE_ITO.grey);

/** The statuses in display order, with labels and colours, for Plot colour scales and legends. */
export const STATUS_ORDER: readonly NoteStatus[] = [CRH, NMR, CRNH, NYH, FIRM_REJECT];

/** A Plot colour scale over status labels. */
export function statusColorScale(): { domain: string[]; range: string[] } {
  return { domain: STATUS_ORDER.map((s) => STATUS_LABELS[s]), range: STATUS_ORDER.map((s) => STATUS_COLORS[s]) };
}

/** Verdict labels and colours by helpful2 (0 not helpful, 1 somewhat, 2 helpful). */
export const VERDICT_LABELS = ['Not helpful', 'Somewhat helpful', 'Helpful'] as const;
export const VERDICT_COLORS = [OKABE_ITO.vermillion, OKABE_ITO.yellow, OKABE_ITO.bluishGreen] as const;
