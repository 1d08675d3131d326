import { Frame } from '../../frame.ts';

/**
 * Test support: a tiny TSV reader for the conformance files (header row, tab-separated, no quoting), and helpers
 * to lift its columns into a Frame. Not a public reader (see sim/data for that).
 */
export interface Tsv {
  header: string[];
  rows: string[][];
  /** column values by name; throws if the column does not exist */
  col(name: string): string[];
  has(name: string): boolean;
}

export function parseTsv(text: string): Tsv {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0].replace(/\r$/, '').split('\t');
  const rows = lines.slice(1).map((l) => l.replace(/\r$/, '').split('\t'));
  const index = new Map(header.map((h, i) => [h, i]));
  return {
    header,
    rows,
    has: (name) => index.has(name),
    col(name) {
      const i = index.get(name);
      if (i === undefined) throw new Error(`TSV has no column ${name}`);
      return rows.map((r) => r[i] ?? '');
    },
  };
}

/** '' -> null. */
export const strValues = (v: string[]): (string | null)[] => v.map((s) => (s === '' ? null : s));
/** '' -> NaN. */
export const numValues = (v: string[]): Float64Array => Float64Array.from(v, (s) => (s === '' ? NaN : Number(s)));

/**
 * Copy columns of `tsv` into `frame`, aligning rows through `id` (values of tsv column `idColumn` -> frame row).
 * `num` lists numeric columns, `str` string columns; `rename` maps tsv names to frame names.
 */
export function addColumns(
  frame: Frame,
  tsv: Tsv,
  rowOfId: Map<string, number>,
  spec: { idColumn: string; num?: string[]; str?: string[]; rename?: Record<string, string> },
): void {
  const ids = tsv.col(spec.idColumn);
  const rows = ids.map((id) => rowOfId.get(id) ?? -1);
  const target = (name: string) => spec.rename?.[name] ?? name;
  for (const name of spec.num ?? []) {
    const v = numValues(tsv.col(name));
    const out = frame.num(target(name));
    rows.forEach((r, k) => r >= 0 && (out[r] = v[k]));
  }
  for (const name of spec.str ?? []) {
    const v = strValues(tsv.col(name));
    const out = frame.str(target(name));
    rows.forEach((r, k) => r >= 0 && (out[r] = v[k]));
  }
}
