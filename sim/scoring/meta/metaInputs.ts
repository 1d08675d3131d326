import { CRH, CRNH, FIRM_REJECT, NMR, NYH } from '../noteStatus.ts';
import type { Frame, NumColumn, StrColumn } from '../frame.ts';

const STATUSES: ReadonlySet<string> = new Set([CRH, CRNH, NMR, NYH, FIRM_REJECT]);
const checked = new WeakSet<object>();

const where = (frame: Frame, name: string, row: number) => `${name} (row ${row}, note index ${frame.key[row]})`;

/** String column `name`, or null when absent; throws if it is numeric. */
export function optStr(frame: Frame, name: string): StrColumn | null {
  const c = frame.get(name);
  if (c === undefined) return null;
  if (c instanceof Float64Array) throw new Error(`meta scoring: column ${name} must hold strings, got numbers`);
  return c;
}

/** Numeric column `name`, or null when absent; throws if it holds strings. */
export function optNum(frame: Frame, name: string): NumColumn | null {
  const c = frame.get(name);
  if (c === undefined) return null;
  if (!(c instanceof Float64Array)) throw new Error(`meta scoring: column ${name} must be numeric, got strings`);
  return c;
}

/** Status column `name` (null when absent), checked once to hold only the five status strings or null. */
export function optStatus(frame: Frame, name: string): StrColumn | null {
  const c = optStr(frame, name);
  if (c === null || checked.has(c)) return c;
  for (let i = 0; i < c.length; i++) {
    const s = c[i];
    if (s !== null && !STATUSES.has(s))
      throw new Error(`meta scoring: ${where(frame, name, i)} holds unknown status "${s}"`);
  }
  checked.add(c);
  return c;
}

/** A required column (the runner guarantees presence through `requires`). */
export function reqStatus(frame: Frame, name: string): StrColumn {
  const c = optStatus(frame, name);
  if (c === null) throw new Error(`meta scoring: column ${name} is required`);
  return c;
}

export function reqNum(frame: Frame, name: string): NumColumn {
  const c = optNum(frame, name);
  if (c === null) throw new Error(`meta scoring: column ${name} is required`);
  return c;
}

export function reqStr(frame: Frame, name: string): StrColumn {
  const c = optStr(frame, name);
  if (c === null) throw new Error(`meta scoring: column ${name} is required`);
  return c;
}

/** 'True'/'False' (any case) or null -> true / false / null; anything else throws. */
export function parseBool(frame: Frame, name: string, row: number, v: string | null): boolean | null {
  if (v === null) return null;
  const s = v.toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  throw new Error(`meta scoring: ${where(frame, name, row)} must be True, False or empty, got "${v}"`);
}

/**
 * Per-row "blocked" test of scoring-core.md §14.2: Core rejected the note (FIRM_REJECT or CRNH), or Core has no
 * status and Expansion rejected it. Absent columns count as all-null.
 */
export function blockedRows(frame: Frame): Uint8Array {
  const core = optStatus(frame, 'coreRatingStatus');
  const exp = optStatus(frame, 'expansionRatingStatus');
  const out = new Uint8Array(frame.length);
  const rejects = (s: string | null) => s === FIRM_REJECT || s === CRNH;
  for (let i = 0; i < frame.length; i++) {
    const c = core === null ? null : core[i];
    if (rejects(c) || (c === null && exp !== null && rejects(exp[i]))) out[i] = 1;
  }
  return out;
}
