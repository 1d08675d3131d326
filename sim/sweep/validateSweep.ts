import { ScenarioError } from '../scenario/validateScenario.ts';
import { isScenarioPath } from './scenarioPath.ts';
import type { SweepAxis, SweepParam, SweepSpec } from './sweepTypes.ts';

/** A sweep file that does not fit the format: names the field path (`sweep.vary[1].range.step`) like ScenarioError. */
export class SweepError extends ScenarioError {
  constructor(path: string, value: unknown, allowed: string) {
    super(path, value, allowed);
    this.name = 'SweepError';
  }
}

type Json = Record<string, unknown>;

/** Most values one axis may take, most runs one sweep may hold (a typo such as step 1e-9 must not hang). */
export const MAX_AXIS_VALUES = 10_000;
export const MAX_SWEEP_RUNS = 1_000_000;
const TOP_FIELDS = ['name', 'description', 'base', 'set', 'vary', 'seeds', 'metrics'];

/**
 * Checks a parsed sweep file and returns the SweepSpec. Format (README "Sweeps"):
 * `{ name, description?, base: "<preset>" | "<file>" | {scenario}, set?: {path: value}, vary: [axis, ...],
 * seeds: [n, ...] | {count, from?}, metrics: ["main.helpfulVsTruth.all.shown", ...] }`, where an axis is
 * `{path, values: [...]}`, `{path, range: {from, to, step}}` or `{zip: [{path, values}, ...]}` (equal lengths);
 * axes are crossed as a grid. Throws a SweepError naming the first bad field.
 *
 * @example validateSweep({ base: 'classroom', vary: [{ path: 'world.raters', values: [10, 12] }], seeds: { count: 3 }, metrics: ['main.notes'] })
 */
export function validateSweep(json: unknown): SweepSpec {
  if (!isObject(json)) throw new SweepError('sweep', json, 'expected a JSON object');
  for (const key of Object.keys(json))
    if (!TOP_FIELDS.includes(key))
      throw new SweepError(`sweep.${key}`, json[key], `a known field: ${TOP_FIELDS.join(', ')}`);
  const name = json.name ?? 'sweep';
  if (typeof name !== 'string' || name.length === 0 || name.length > 200)
    throw new SweepError('sweep.name', name, 'a string of 1 to 200 characters');
  const description = json.description ?? '';
  if (typeof description !== 'string') throw new SweepError('sweep.description', description, 'a string');
  const base = json.base;
  if (!((typeof base === 'string' && base.length > 0) || isObject(base)))
    throw new SweepError('sweep.base', base, 'a preset name, a scenario file path or an inline scenario object');
  const set = checkSet(json.set ?? {});
  if (!Array.isArray(json.vary)) throw new SweepError('sweep.vary', json.vary, 'a list of axes (may be empty)');
  const axes = json.vary.map((axis, i) => checkAxis(axis, `sweep.vary[${i}]`));
  const varied = new Set<string>();
  axes.forEach((axis, i) =>
    axis.paths.forEach((p) => {
      if (varied.has(p) || set.some((s) => s.path === p))
        throw new SweepError(`sweep.vary[${i}]`, p, 'a path not already varied or set');
      varied.add(p);
    }),
  );
  const seeds = checkSeeds(json.seeds);
  const metrics = checkMetrics(json.metrics);
  const runs = axes.reduce((n, a) => n * a.values.length, seeds.length);
  if (runs > MAX_SWEEP_RUNS) throw new SweepError('sweep.vary', runs, `at most ${MAX_SWEEP_RUNS} runs (cells × seeds)`);
  return { name, description, base: base as SweepSpec['base'], set, axes, seeds, metrics };
}

function checkSet(set: unknown): SweepParam[] {
  if (!isObject(set)) throw new SweepError('sweep.set', set, 'an object of {"scenario.path": value}');
  return Object.entries(set).map(([path, value]) => {
    checkPath(path, `sweep.set["${path}"]`);
    if (value === undefined) throw new SweepError(`sweep.set["${path}"]`, value, 'a JSON value');
    return { path, value };
  });
}

function checkAxis(axis: unknown, where: string): SweepAxis {
  if (!isObject(axis)) throw new SweepError(where, axis, 'an axis {path, values} | {path, range} | {zip: [...]}');
  if ('zip' in axis) {
    checkKeys(axis, ['zip'], where);
    const zip = axis.zip;
    if (!Array.isArray(zip) || zip.length < 2)
      throw new SweepError(`${where}.zip`, zip, 'a list of at least two {path, values} or {path, range}');
    const parts = zip.map((part, j) => checkAxis(part, `${where}.zip[${j}]`));
    parts.forEach((p, j) => {
      if (p.paths.length !== 1)
        throw new SweepError(`${where}.zip[${j}]`, zip[j], 'a single {path, values}, not a zip');
      if (p.values.length !== parts[0].values.length)
        throw new SweepError(
          `${where}.zip[${j}]`,
          p.values.length,
          `as many values as zip[0] (${parts[0].values.length})`,
        );
    });
    return {
      paths: parts.map((p) => p.paths[0]),
      values: parts[0].values.map((_v, i) => parts.map((p) => p.values[i][0])),
    };
  }
  const path = axis.path;
  if (typeof path !== 'string') throw new SweepError(`${where}.path`, path, 'a scenario path such as "world.raters"');
  checkPath(path, `${where}.path`);
  if ('values' in axis === 'range' in axis)
    throw new SweepError(where, axis, 'exactly one of "values" (a list) or "range" ({from, to, step})');
  checkKeys(axis, ['path', 'values' in axis ? 'values' : 'range'], where);
  const values =
    'values' in axis ? checkValues(axis.values, `${where}.values`) : rangeValues(axis.range, `${where}.range`);
  return { paths: [path], values: values.map((v) => [v]) };
}

function checkValues(values: unknown, where: string): unknown[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_AXIS_VALUES)
    throw new SweepError(where, values, `a list of 1 to ${MAX_AXIS_VALUES} values`);
  values.forEach((v, i) => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v)))
      throw new SweepError(`${where}[${i}]`, v, 'a finite number, string, boolean, list or object');
  });
  return values;
}

/** from, from + step, ... up to `to` inclusive (within 1e-9 of a step), rounded to 12 significant digits. */
function rangeValues(range: unknown, where: string): number[] {
  if (!isObject(range)) throw new SweepError(where, range, 'an object {from, to, step}');
  checkKeys(range, ['from', 'to', 'step'], where);
  for (const k of ['from', 'to', 'step'])
    if (typeof range[k] !== 'number' || !Number.isFinite(range[k]))
      throw new SweepError(`${where}.${k}`, range[k], 'a finite number');
  const { from, to, step } = range as { from: number; to: number; step: number };
  if (!(step > 0)) throw new SweepError(`${where}.step`, step, 'a number > 0');
  if (to < from) throw new SweepError(`${where}.to`, to, `a number ≥ from (${from})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_AXIS_VALUES)
    throw new SweepError(`${where}.step`, step, `a step giving at most ${MAX_AXIS_VALUES} values`);
  return Array.from({ length: count }, (_v, i) => Number((from + i * step).toPrecision(12)));
}

function checkSeeds(seeds: unknown): number[] {
  const seed = (v: unknown, where: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 32 - 1)
      throw new SweepError(where, v, 'an integer in [0, 4294967295]');
    return v;
  };
  if (Array.isArray(seeds)) {
    if (seeds.length === 0) throw new SweepError('sweep.seeds', seeds, 'a non-empty list of seeds or {count, from?}');
    const list = seeds.map((s, i) => seed(s, `sweep.seeds[${i}]`));
    const dup = list.findIndex((s, i) => list.indexOf(s) !== i);
    if (dup >= 0) throw new SweepError(`sweep.seeds[${dup}]`, list[dup], 'a seed not listed before');
    return list;
  }
  if (!isObject(seeds)) throw new SweepError('sweep.seeds', seeds, 'a list of seeds or {count, from?}');
  checkKeys(seeds, ['count', 'from'], 'sweep.seeds');
  const count = seeds.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_AXIS_VALUES)
    throw new SweepError('sweep.seeds.count', count, `an integer in [1, ${MAX_AXIS_VALUES}]`);
  const from = seed(seeds.from ?? 1, 'sweep.seeds.from');
  seed(from + count - 1, 'sweep.seeds.count');
  return Array.from({ length: count }, (_v, i) => from + i);
}

function checkMetrics(metrics: unknown): string[] {
  if (!Array.isArray(metrics) || metrics.length === 0)
    throw new SweepError(
      'sweep.metrics',
      metrics,
      'a non-empty list of paths into metrics.json, e.g. "main.helpfulVsTruth.all.shown"',
    );
  metrics.forEach((m, i) => {
    if (typeof m !== 'string' || !/^[^\s.]+(\.[^.]+)*$/.test(m) || /[\t\n]/.test(m))
      throw new SweepError(`sweep.metrics[${i}]`, m, 'a dotted path into metrics.json such as "main.flips.total"');
    if (metrics.indexOf(m) !== i) throw new SweepError(`sweep.metrics[${i}]`, m, 'a metric not listed before');
  });
  return metrics as string[];
}

function checkPath(path: string, where: string): void {
  if (!isScenarioPath(path) || path === 'seed')
    throw new SweepError(
      where,
      path,
      'a scenario path such as "world.raters" or "adversaries[0].share" (seeds go in "seeds")',
    );
}

function checkKeys(obj: Json, allowed: string[], where: string): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key))
      throw new SweepError(`${where}.${key}`, obj[key], `a known field: ${allowed.join(', ')}`);
}

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
