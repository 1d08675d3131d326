/**
 * The URL <-> dashboard state codec. The whole state lives in the query string, seed included, so a link
 * reproduces a view: `?page=run&preset=quick&seed=7&world.raters=500&teach=1`. Scenario fields are written only
 * when they differ from the preset (paths and values from sim's scenario schema); adversaries as JSON.
 */
import { ScenarioError, validateScenario, SCENARIO_FIELDS, type FieldSpec, type Scenario } from '../../sim/index.ts';
import type { ClassroomWorld } from '../engine/engineTypes.ts';
import { DEFAULT_PRESET, PRESETS, presetScenario } from './presets.ts';
import { decodePostsView, encodePostsView, noPostsView, POSTS_VIEW_KEYS, type PostsView } from './postsView.ts';
import { decodeSweepsView, encodeSweepsView, noSweepsView, SWEEPS_VIEW_KEYS, type SweepsView } from './sweepsView.ts';

export const PAGES = ['scenario', 'run', 'map', 'note', 'robustness', 'posts', 'sweeps', 'classroom', 'data'] as const;
export type PageName = (typeof PAGES)[number];

/** Which result the map and the note inspector show: the simulation run or the user's scored files. */
export type ResultSource = 'run' | 'data';

/** Everything the URL holds. */
export interface UrlState {
  page: PageName;
  preset: string;
  scenario: Scenario;
  /** the note open in the inspector */
  note: string | null;
  source: ResultSource;
  classroom: ClassroomWorld;
  /** teaching mode: controls hidden */
  teach: boolean;
  /** the Posts page: rescoring parameters, rules off, selected post */
  posts: PostsView;
  /** the Sweeps page: bundled example, metric, parameters, chart */
  sweeps: SweepsView;
}

/** 8 raters (4 on each side) × 5 notes; a note everyone likes, one per side, one nobody likes, one half-rated. */
export function defaultClassroom(): ClassroomWorld {
  const raters = 8;
  const notes = 5;
  const cells = new Int8Array(raters * notes);
  for (let r = 0; r < raters; r++) {
    const left = r < 4;
    cells.set([2, left ? 2 : 0, left ? 0 : 2, 0, r % 2 === 0 ? 2 : -1], r * notes);
  }
  return { raters, notes, cells, seed: 1 };
}

/** The state of a fresh visit: the default preset on the scenario page. */
export function defaultState(): UrlState {
  return {
    page: 'scenario',
    preset: DEFAULT_PRESET,
    scenario: presetScenario(DEFAULT_PRESET),
    note: null,
    source: 'run',
    classroom: defaultClassroom(),
    teach: false,
    posts: noPostsView(),
    sweeps: noSweepsView(),
  };
}

const getPath = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const k of parts.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function formatField(field: FieldSpec, value: unknown): string {
  if (field.kind === 'stringList') return (value as string[]).join(',');
  return String(value);
}

/** Parses a URL value for `field`; returns undefined (and records why) when it is not of the field's type. */
function parseField(field: FieldSpec, text: string, errors: string[]): unknown {
  switch (field.kind) {
    case 'number': {
      const v = Number(text);
      if (text.trim() === '' || !Number.isFinite(v)) errors.push(`${field.path}=${text}: not a number`);
      else return v;
      return undefined;
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      errors.push(`${field.path}=${text}: expected true or false`);
      return undefined;
    case 'enum': {
      const match = field.values.find((v) => String(v) === text);
      if (match === undefined) errors.push(`${field.path}=${text}: expected one of ${field.values.join(', ')}`);
      return match;
    }
    case 'string':
      return text;
    case 'stringList':
      return text === '' ? [] : text.split(',');
  }
}

/** The query string of `state` (without '?'): only what differs from the defaults. */
export function encodeState(state: UrlState): string {
  const q = new URLSearchParams();
  if (state.page !== 'scenario') q.set('page', state.page);
  if (state.preset !== DEFAULT_PRESET) q.set('preset', state.preset);
  let base: Scenario | null = null;
  try {
    base = presetScenario(state.preset);
  } catch (_err) {
    base = null;
  }
  for (const field of SCENARIO_FIELDS) {
    const value = getPath(state.scenario, field.path);
    if (base === null || !same(value, getPath(base, field.path))) q.set(field.path, formatField(field, value));
  }
  if (base === null || !same(state.scenario.adversaries, base.adversaries)) {
    q.set('adversaries', JSON.stringify(state.scenario.adversaries));
  }
  if (state.note !== null) q.set('note', state.note);
  if (state.source !== 'run') q.set('source', state.source);
  const cls = state.classroom;
  const def = defaultClassroom();
  if (cls.raters !== def.raters || cls.notes !== def.notes || !same(Array.from(cls.cells), Array.from(def.cells))) {
    q.set('grid', `${cls.raters}x${cls.notes}.${Array.from(cls.cells, (c) => (c < 0 ? '-' : String(c))).join('')}`);
  }
  if (cls.seed !== def.seed) q.set('gridSeed', String(cls.seed));
  if (state.teach) q.set('teach', '1');
  encodePostsView(state.posts, q);
  encodeSweepsView(state.sweeps, q);
  return q.toString();
}

/**
 * The state in a query string. Unknown or malformed entries are skipped and listed in `errors` (the rest of the
 * link still works); an invalid scenario falls back to its preset, with the validator's message.
 */
export function decodeState(search: string): { state: UrlState; errors: string[] } {
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  const state = defaultState();
  const known = new Set([
    'page',
    'preset',
    'adversaries',
    'note',
    'source',
    'grid',
    'gridSeed',
    'teach',
    ...POSTS_VIEW_KEYS,
    ...SWEEPS_VIEW_KEYS,
    ...SCENARIO_FIELDS.map((f) => f.path),
  ]);
  for (const key of q.keys()) if (!known.has(key)) errors.push(`${key}: unknown link parameter (ignored)`);

  const page = q.get('page');
  if (page !== null) {
    if ((PAGES as readonly string[]).includes(page)) state.page = page as PageName;
    else errors.push(`page=${page}: expected one of ${PAGES.join(', ')}`);
  }
  const preset = q.get('preset');
  if (preset !== null) {
    if (PRESETS.has(preset)) state.preset = preset;
    else errors.push(`preset=${preset}: unknown preset (known: ${[...PRESETS.keys()].join(', ')})`);
  }
  const base = presetScenario(state.preset);
  const json = structuredClone(base) as unknown as Record<string, unknown>;
  let changed = false;
  for (const field of SCENARIO_FIELDS) {
    const text = q.get(field.path);
    if (text === null) continue;
    const value = parseField(field, text, errors);
    if (value === undefined) continue;
    setPath(json, field.path, value);
    changed = true;
  }
  const adversaries = q.get('adversaries');
  if (adversaries !== null) {
    try {
      json.adversaries = JSON.parse(adversaries);
      changed = true;
    } catch (_err) {
      errors.push('adversaries: not valid JSON (ignored)');
    }
  }
  if (changed) {
    try {
      state.scenario = validateScenario(json);
    } catch (err) {
      const message = err instanceof ScenarioError || err instanceof Error ? err.message : String(err);
      errors.push(`${message} (the link's scenario was replaced by preset "${state.preset}")`);
    }
  } else {
    state.scenario = base;
  }

  state.note = q.get('note');
  const source = q.get('source');
  if (source === 'run' || source === 'data') state.source = source;
  else if (source !== null) errors.push(`source=${source}: expected run or data`);
  const grid = q.get('grid');
  if (grid !== null) {
    const m = /^(\d+)x(\d+)\.([-012]*)$/.exec(grid);
    const raters = m ? Number(m[1]) : 0;
    const notes = m ? Number(m[2]) : 0;
    if (!m || m[3].length !== raters * notes || raters < 1 || notes < 1 || raters > 40 || notes > 20) {
      errors.push('grid: expected <raters>x<notes>.<one of - 0 1 2 per cell> with at most 40 raters and 20 notes');
    } else {
      state.classroom = { raters, notes, cells: Int8Array.from(m[3], (c) => (c === '-' ? -1 : Number(c))), seed: 1 };
    }
  }
  const gridSeed = q.get('gridSeed');
  if (gridSeed !== null) {
    const s = Number(gridSeed);
    if (Number.isInteger(s) && s >= 0 && s < 2 ** 32) state.classroom.seed = s;
    else errors.push(`gridSeed=${gridSeed}: expected a non-negative integer`);
  }
  state.teach = q.get('teach') === '1' || q.get('teach') === 'true';
  state.posts = decodePostsView(q, errors);
  state.sweeps = decodeSweepsView(q, errors);
  return { state, errors };
}
