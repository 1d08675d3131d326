import type { OutputColumn } from '../data/writeTsv.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { ExpandedCell } from './expandSweep.ts';
import { meanInterval } from './meanInterval.ts';
import { valueAtPath } from './scenarioPath.ts';
import type { SweepSpec } from './sweepTypes.ts';
import { SweepError } from './validateSweep.ts';

/** The fixed columns of runs.tsv beside the varied paths and the metrics. */
export const SEED_COLUMN = 'seed';
export const KEY_COLUMN = 'run_key';
export const WALL_COLUMN = 'wall_ms';

/** The columns of runs.tsv: every varied path, seed, run_key, every kept metric, wall_ms. */
export function runsHeader(spec: SweepSpec): string[] {
  return [...spec.axes.flatMap((a) => a.paths), SEED_COLUMN, KEY_COLUMN, ...spec.metrics, WALL_COLUMN];
}

/** A value as one TSV cell: numbers in their shortest form, lists and objects as canonical JSON, null empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : canonicalJson(value);
  return text.replace(/[\t\r\n]/g, ' ');
}

/** The varied values of a cell as TSV cells (how runs are grouped into summary rows). */
export function paramCells(cell: ExpandedCell): string[] {
  return cell.params.map((p) => cellText(p.value));
}

/**
 * One runs.tsv row: the cell's varied values, seed, key, the metrics picked from `metrics` (a run's parsed
 * metrics.json) and the wall time. A metric whose path stops before its last step throws a SweepError naming it
 * (a typo); a missing last key (a count never reached) or a null gives an empty cell.
 */
export function runRow(
  spec: SweepSpec,
  cell: ExpandedCell,
  seed: number,
  key: string,
  metrics: unknown,
  wallMillis: number,
): string[] {
  const picked = spec.metrics.map((path, i) => {
    const value = valueAtPath(metrics, path);
    const parent = path.includes('.') ? valueAtPath(metrics, path.slice(0, path.lastIndexOf('.'))) : metrics;
    if (value === undefined && (parent === undefined || (typeof parent !== 'object' && parent !== null)))
      throw new SweepError(
        `sweep.metrics[${i}]`,
        path,
        'a path into the run’s metrics.json (see a simulate run’s metrics.json)',
      );
    return cellText(value);
  });
  return [...paramCells(cell), String(seed), key, ...picked, String(Math.round(wallMillis))];
}

/** Typed output columns of text rows: a column whose non-empty cells are all numbers is float (int for seed), else string. */
export function typedColumns(header: readonly string[], rows: readonly (readonly string[])[]): OutputColumn[] {
  return header.map((name, c) => {
    const cells = rows.map((r) => r[c]);
    const numeric = cells.every((s) => s === '' || (s.trim() !== '' && Number.isFinite(Number(s))));
    if (!numeric || name === KEY_COLUMN)
      return { name, kind: 'string', values: cells.map((s) => (s === '' ? null : s)) };
    const values = cells.map((s) => (s === '' ? NaN : Number(s)));
    return name === SEED_COLUMN ? { name, kind: 'int', values } : { name, kind: 'float', values };
  });
}

/**
 * The summary table: one row per cell (in `cells` order; rows of cells no longer in the sweep after them), with
 * the varied values, `runs` (rows found) and, per metric, `<metric>.mean`, `<metric>.ci95_low`,
 * `<metric>.ci95_high` (meanInterval: t with n − 1 degrees of freedom over the runs with a numeric value).
 */
export function summaryColumns(
  spec: SweepSpec,
  cells: readonly ExpandedCell[],
  rows: readonly (readonly string[])[],
): OutputColumn[] {
  const header = runsHeader(spec);
  const nParams = header.indexOf(SEED_COLUMN);
  const groups = new Map<string, (readonly string[])[]>();
  for (const cell of cells) groups.set(paramCells(cell).join('\t'), []);
  for (const row of rows) {
    const id = row.slice(0, nParams).join('\t');
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(row);
  }
  const ids = [...groups.keys()].filter((id) => groups.get(id)!.length > 0);
  const params = ids.map((id) => (nParams === 0 ? [] : id.split('\t')));
  const columns: OutputColumn[] = typedColumns(header.slice(0, nParams), params);
  columns.push({ name: 'runs', kind: 'int', values: ids.map((id) => groups.get(id)!.length) });
  spec.metrics.forEach((metric) => {
    const c = header.indexOf(metric);
    const stats = ids.map((id) =>
      meanInterval(groups.get(id)!.map((r) => (r[c] === '' || !Number.isFinite(Number(r[c])) ? NaN : Number(r[c])))),
    );
    const round = (x: number) => (Number.isNaN(x) ? NaN : Number(x.toPrecision(9)));
    columns.push({ name: `${metric}.mean`, kind: 'float', values: stats.map((s) => round(s.mean)) });
    columns.push({ name: `${metric}.ci95_low`, kind: 'float', values: stats.map((s) => round(s.low)) });
    columns.push({ name: `${metric}.ci95_high`, kind: 'float', values: stats.map((s) => round(s.high)) });
  });
  return columns;
}
