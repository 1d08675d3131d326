import { ScenarioError, validateScenario } from '../scenario/validateScenario.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import { withPath } from './scenarioPath.ts';
import type { SweepParam, SweepSpec } from './sweepTypes.ts';
import { SweepError } from './validateSweep.ts';

/** One cell of an expanded sweep: the varied values and the validated scenario they give. */
export interface ExpandedCell {
  index: number;
  params: SweepParam[];
  scenario: Scenario;
}

/** One run of a sweep: a cell and a seed; `scenario` is the cell's with `seed` set. */
export interface SweepRun {
  cell: ExpandedCell;
  seed: number;
  scenario: Scenario;
}

/** The varied paths of a sweep, in column order (axes in order, zipped paths in order). */
export function variedPaths(spec: SweepSpec): string[] {
  return spec.axes.flatMap((a) => a.paths);
}

/**
 * Every cell of the grid (the axes crossed, the last varying fastest), each scenario validated before any run:
 * `base` (parsed JSON) with `spec.set` then the cell's values applied. An invalid cell throws a SweepError
 * naming the cell, its values and the scenario field (`cells[3] {world.raters: 1}: scenario.world.raters`).
 *
 * @example const cells = expandSweep(spec, baseJson); cells.length // product of the axes' lengths
 */
export function expandSweep(spec: SweepSpec, base: Record<string, unknown>): ExpandedCell[] {
  let fixed = base;
  for (const { path, value } of spec.set) {
    try {
      fixed = withPath(fixed, path, value);
    } catch (err) {
      throw new SweepError(`sweep.set["${path}"]`, value, (err as Error).message);
    }
  }
  let combos: SweepParam[][] = [[]];
  for (const axis of spec.axes)
    combos = combos.flatMap((prefix) =>
      axis.values.map((vals) => [...prefix, ...axis.paths.map((path, j) => ({ path, value: vals[j] }))]),
    );
  return combos.map((params, index) => {
    const where = `cells[${index}] {${params.map((p) => `${p.path}: ${JSON.stringify(p.value)}`).join(', ')}}`;
    let json = fixed;
    for (const p of params) {
      try {
        json = withPath(json, p.path, p.value);
      } catch (err) {
        throw new SweepError(`${where}: ${p.path}`, p.value, (err as Error).message);
      }
    }
    try {
      return { index, params, scenario: validateScenario(json) };
    } catch (err) {
      if (err instanceof ScenarioError) throw new SweepError(`${where}: ${err.path}`, err.value, err.allowed);
      throw err;
    }
  });
}

/** The runs of a sweep: every cell with every seed, cell-major (the order of runs.parquet). */
export function sweepRuns(cells: readonly ExpandedCell[], seeds: readonly number[]): SweepRun[] {
  return cells.flatMap((cell) => seeds.map((seed) => ({ cell, seed, scenario: { ...cell.scenario, seed } })));
}
