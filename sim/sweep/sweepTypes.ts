/** A scenario path (`world.raters`, `adversaries[0].share`) and the value it takes in one cell. */
export interface SweepParam {
  path: string;
  value: unknown;
}

/** One axis of the grid: one path over a list of values, or several paths zipped (their i-th values together). */
export interface SweepAxis {
  paths: string[];
  /** values[i][j] is the value of paths[j] at the axis's i-th step */
  values: unknown[][];
}

/** A validated sweep file (validateSweep.ts). */
export interface SweepSpec {
  name: string;
  description: string;
  /** a preset name, a scenario file path (relative to the sweep file), or an inline scenario object */
  base: string | Record<string, unknown>;
  /** fixed overrides applied to the base before the axes (e.g. a scorer profile) */
  set: SweepParam[];
  /** the axes, crossed as a grid in this order (the last varies fastest) */
  axes: SweepAxis[];
  seeds: number[];
  /** paths into the run's metrics.json (ExperimentMetrics), one column each */
  metrics: string[];
}

/** One cell of the grid: its index, the value of every varied path, and the scenario JSON before validation. */
export interface SweepCell {
  index: number;
  params: SweepParam[];
  scenario: Record<string, unknown>;
}
