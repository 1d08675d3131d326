import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { expandSweep, type ExpandedCell } from '../sweep/expandSweep.ts';
import type { SweepSpec } from '../sweep/sweepTypes.ts';
import { SweepError, validateSweep } from '../sweep/validateSweep.ts';
import { PRESET_DIR, presetNames } from './simulateCommand.ts';

/** A sweep file read, validated and expanded: every cell's scenario already checked. */
export interface LoadedSweep {
  path: string;
  spec: SweepSpec;
  cells: ExpandedCell[];
}

/**
 * Reads a sweep file, validates it and every expanded scenario before anything runs. The base scenario is a
 * path relative to the sweep file (or absolute), else a preset name (datasets/scenarios), else the inline object.
 * Throws an Error starting with the file's path and naming the field (`…: sweep.vary[0].range.step: …`).
 */
export async function loadSweep(path: string): Promise<LoadedSweep> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${existsSync(path) ? 'not valid JSON' : 'cannot be read'} (${(err as Error).message})`);
  }
  try {
    const spec = validateSweep(json);
    const base = typeof spec.base === 'string' ? await readBase(spec.base, dirname(path)) : spec.base;
    return { path, spec, cells: expandSweep(spec, base) };
  } catch (err) {
    if (err instanceof SweepError) throw new SweepError(`${path}: ${err.path}`, err.value, err.allowed);
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}

async function readBase(name: string, dir: string): Promise<Record<string, unknown>> {
  const candidates = [
    isAbsolute(name) ? name : join(dir, name),
    join(PRESET_DIR, `${name.replace(/\.json$/, '')}.json`),
  ];
  const file = candidates.find((c) => name.length > 0 && existsSync(c));
  if (!file)
    throw new SweepError(
      'sweep.base',
      name,
      `a scenario file beside the sweep or a preset (${(await presetNames()).join(', ')})`,
    );
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new SweepError('sweep.base', name, `${file} must hold a scenario JSON object (${(err as Error).message})`);
  }
}
