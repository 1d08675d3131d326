import type { Dictionary } from '../data/tables.ts';
import type { TsvRow } from '../data/tsvRow.ts';
import { internDetached } from '../data/readRatings.ts';

const TRUE_TEXTS = new Set(['True', 'true', 'TRUE', '1']);
const FALSE_TEXTS = new Set(['False', 'false', 'FALSE', '0']);

/**
 * A boolean cell: True/False (also true/TRUE/1, false/FALSE/0, as pandas reads them) as 1/0. An empty cell gives
 * `ifEmpty` (what the reference's comparison makes of a missing value), or is an error when `ifEmpty` is null.
 */
export function booleanCell(r: TsvRow, i: number, ifEmpty: number | null): number {
  const s = r.text(i);
  if (TRUE_TEXTS.has(s)) return 1;
  if (FALSE_TEXTS.has(s)) return 0;
  if (s.length === 0 && ifEmpty !== null) return ifEmpty;
  return r.fail(
    i,
    s.length === 0 ? 'empty cell; expected True or False' : `expected True or False, got ${JSON.stringify(s)}`,
  );
}

/**
 * A tag-list cell written as a Python list literal (`[]`, `['NOT_APPLICABLE']`, `['INFORMATIVE', 'FUNNY']`),
 * interned as written: §12 compares the text itself. An empty cell is an error (the reference would read it as
 * NaN, which counts as a non-empty list).
 */
export function tagListCell(r: TsvRow, i: number, tagLists: Dictionary): number {
  const s = r.text(i);
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) {
    r.fail(
      i,
      s.length === 0
        ? "empty cell; expected a tag list such as [] or ['NOT_APPLICABLE']"
        : `expected a tag list such as [] or ['INFORMATIVE', 'FUNNY'], got ${JSON.stringify(s.length > 60 ? s.slice(0, 57) + '...' : s)}`,
    );
  }
  return internDetached(tagLists, s);
}

const WHOLE_WITH_ZERO_FRACTION = /^-?\d+\.0*$/;
const DECIMAL_FLOAT = /^-?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;

/**
 * An id cell interned into `dict`; -1 for an empty cell when `optional`. Integer text is kept exactly; an id
 * written as a float by pandas (`123.0`, `1.86e+18`, when the column had missing values) is accepted when whole.
 */
export function idCell(r: TsvRow, i: number, dict: Dictionary, optional: boolean): number {
  if (optional && r.isEmpty(i)) return -1;
  const s = r.text(i);
  if (WHOLE_WITH_ZERO_FRACTION.test(s)) return internDetached(dict, canonical(s.slice(0, s.indexOf('.'))));
  if (DECIMAL_FLOAT.test(s) && Number.isInteger(Number(s))) return internDetached(dict, BigInt(Number(s)).toString());
  return internDetached(dict, r.id(i));
}

/** Integer text without leading zeros ("-0" as "0"). */
function canonical(s: string): string {
  const v = BigInt(s).toString();
  return v === '-0' ? '0' : v;
}
