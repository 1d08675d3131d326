/**
 * What a sweep's runs table holds, read from its columns (the layout `bridgelab sweep` writes, sim's runsHeader):
 * the varied parameters (every column before `seed`, named by scenario path), `seed`, `run_key`, the kept metrics,
 * `wall_ms`. A parameter is numeric when every non-empty cell is a number (only those can be an axis).
 */
import { DataFormatError, KEY_COLUMN, SEED_COLUMN, WALL_COLUMN, type TextTable } from '../../sim/index.ts';
import { isNumberCell } from '../tables/textTableColumns.ts';

export interface SweepParameter {
  name: string;
  numeric: boolean;
  /** distinct values in first-seen order, as text */
  values: string[];
}

export interface SweepLayout {
  params: SweepParameter[];
  metrics: string[];
}

/** The layout of a runs table; a table without `seed` and `run_key` is not a sweep's runs table (a located error). */
export function sweepLayout(table: TextTable): SweepLayout {
  const seedAt = table.header.indexOf(SEED_COLUMN);
  const keyAt = table.header.indexOf(KEY_COLUMN);
  if (seedAt < 0 || keyAt < 0)
    throw new DataFormatError({
      file: table.file,
      line: 1,
      reason: `no ${seedAt < 0 ? SEED_COLUMN : KEY_COLUMN} column: not the runs table of a sweep (runs.parquet or runs.tsv)`,
    });
  const params = table.header.slice(0, seedAt).map((name) => {
    const cells = table.columns.get(name)!;
    return { name, numeric: cells.every(isNumberCell), values: [...new Set(cells.map((c) => c ?? ''))] };
  });
  const metrics = table.header.slice(keyAt + 1).filter((n) => n !== WALL_COLUMN && n !== SEED_COLUMN);
  return { params, metrics };
}

/** The axes a view names, resolved against a table: unknown names fall back to the first fitting column, with a note. */
export interface SweepAxes {
  metric: string | null;
  x: string | null;
  by: string | null;
  chart: 'heat' | 'lines';
  notes: string[];
}

export function sweepAxes(
  layout: SweepLayout,
  view: { metric: string | null; x: string | null; by: string | null; chart: 'heat' | 'lines' },
): SweepAxes {
  const notes: string[] = [];
  const numeric = layout.params.filter((p) => p.numeric).map((p) => p.name);
  const pick = (asked: string | null, from: readonly string[], what: string): string | null => {
    if (asked !== null && from.includes(asked)) return asked;
    if (asked !== null) notes.push(`${what} ${asked} is not in this sweep; showing ${from[0] ?? 'nothing'}`);
    return from[0] ?? null;
  };
  const metric = pick(view.metric, layout.metrics, 'metric');
  const x = pick(view.x, numeric, 'parameter');
  let by: string | null = null;
  if (view.by !== null && view.by !== x && layout.params.some((p) => p.name === view.by)) by = view.by;
  else if (view.by !== null && view.by !== x) notes.push(`parameter ${view.by} is not in this sweep`);
  const chart = by !== null && view.chart === 'heat' && numeric.includes(by) ? 'heat' : 'lines';
  return { metric, x, by, chart, notes };
}
