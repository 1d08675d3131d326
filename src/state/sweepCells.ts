/**
 * A sweep's runs grouped into what a chart shows: the metric's mean with its 95 % confidence interval per value of
 * the x parameter (one curve per value of a grouping parameter), or per pair of values (a heat map). Runs that
 * differ only in parameters not chosen are pooled. The statistics are sim's meanInterval, the one the sweep's
 * summary table is made with, so choosing every varied parameter gives the summary's cells.
 */
import { meanInterval, type MeanInterval, type TextTable } from '../../sim/index.ts';

export interface MeanPoint extends MeanInterval {
  x: number;
}

export interface MeanCurve {
  /** the grouping parameter's value ('' without one) */
  group: string;
  points: MeanPoint[];
}

const numberOf = (s: string | null | undefined): number =>
  s === null || s === undefined || s.trim() === '' ? NaN : Number(s);

/** The metric's values grouped by the text of `keys` columns, groups in first-seen order. */
function groupRuns(
  table: TextTable,
  metric: string,
  keys: readonly string[],
): Map<string, { at: string[]; values: number[] }> {
  const metricCells = table.columns.get(metric);
  if (!metricCells) throw new Error(`no metric column ${metric}`);
  const keyCells = keys.map((k) => {
    const c = table.columns.get(k);
    if (!c) throw new Error(`no parameter column ${k}`);
    return c;
  });
  const groups = new Map<string, { at: string[]; values: number[] }>();
  for (let r = 0; r < table.length; r++) {
    const at = keyCells.map((c) => c[r] ?? '');
    const id = at.join('\t');
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { at, values: [] }));
    g.values.push(numberOf(metricCells[r]));
  }
  return groups;
}

/** Mean and 95 % CI of `metric` per value of `x` (numeric), one curve per value of `group` (or one curve), x ascending. */
export function meanCurves(table: TextTable, metric: string, x: string, group: string | null): MeanCurve[] {
  const curves = new Map<string, MeanPoint[]>();
  for (const { at, values } of groupRuns(table, metric, group === null ? [x] : [x, group]).values()) {
    const name = group === null ? '' : at[1];
    if (!curves.has(name)) curves.set(name, []);
    curves.get(name)!.push({ x: numberOf(at[0]), ...meanInterval(values) });
  }
  return [...curves].map(([name, points]) => ({ group: name, points: points.sort((a, b) => a.x - b.x) }));
}

/** Mean of `metric` per (x, y) pair of values (both numeric), with its 95 % CI. */
export function meanGrid(table: TextTable, metric: string, x: string, y: string): (MeanPoint & { y: number })[] {
  return [...groupRuns(table, metric, [x, y]).values()].map(({ at, values }) => ({
    x: numberOf(at[0]),
    y: numberOf(at[1]),
    ...meanInterval(values),
  }));
}
