import { expandScoringProfile } from '../scoring/scoringProfiles.ts';
import { ADVERSARY_COMMON_FIELDS, ADVERSARY_FIELDS, SCENARIO_FIELDS, scorerNames, type FieldSpec } from './schema.ts';
import { ADVERSARY_KINDS, type AdversaryKind, type AdversarySpec, type Scenario } from './scenarioTypes.ts';

/** A scenario that does not fit the schema: names the field path, the offending value and what is allowed. */
export class ScenarioError extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`${path}: ${show(value)} is not allowed (${allowed})`);
    this.name = 'ScenarioError';
  }
}

type Json = Record<string, unknown>;

/**
 * Checks a parsed scenario JSON against the schema (schema.ts) and returns the typed Scenario with every missing
 * field set to its default. Throws a ScenarioError naming the first bad field (`scenario.world.raters`), its
 * value and the allowed range; unknown fields are errors too (typos must not pass silently). Rule names may omit
 * their version (`MinMinorityRaters` becomes `MinMinorityRaters (v1.0)`). A `scoring.profile` other than "full" is
 * expanded into scoring.scorers and scoring.disabledRules (scoring/scoringProfiles.ts).
 *
 * @example const scenario = validateScenario(JSON.parse(text)); scenario.world.raters; // 2000 unless set
 */
export function validateScenario(json: unknown): Scenario {
  if (!isObject(json)) throw new ScenarioError('scenario', json, 'expected a JSON object');
  const out: Json = {};
  checkUnknown(json, SCENARIO_FIELDS, 'scenario', ['adversaries']);
  for (const field of SCENARIO_FIELDS)
    setPath(out, field.path, checkField(field, getPath(json, field.path), `scenario.${field.path}`));
  const list = json.adversaries ?? [];
  if (!Array.isArray(list))
    throw new ScenarioError('scenario.adversaries', list, 'expected a list of adversary objects');
  out.adversaries = list.map((entry, i) => checkAdversary(entry, `scenario.adversaries[${i}]`, i));
  const scenario = out as unknown as Scenario;
  checkConsistency(scenario);
  if (scenario.scoring.profile !== 'full') Object.assign(scenario.scoring, expandScoringProfile(scenario.scoring));
  return scenario;
}

function checkAdversary(entry: unknown, where: string, index: number): AdversarySpec {
  if (!isObject(entry)) throw new ScenarioError(where, entry, 'expected an adversary object with a "kind"');
  const kind = entry.kind;
  if (typeof kind !== 'string' || !(ADVERSARY_KINDS as readonly string[]).includes(kind)) {
    throw new ScenarioError(`${where}.kind`, kind, `one of ${ADVERSARY_KINDS.join(', ')}`);
  }
  const fields = [...ADVERSARY_COMMON_FIELDS, ...ADVERSARY_FIELDS[kind as AdversaryKind]];
  checkUnknown(entry, fields, where, ['kind']);
  const out: Json = { kind };
  for (const field of fields)
    setPath(out, field.path, checkField(field, getPath(entry, field.path), `${where}.${field.path}`));
  if (out.label === '') out.label = `${kind}#${index + 1}`;
  return out as unknown as AdversarySpec;
}

function checkField(field: FieldSpec, value: unknown, where: string): unknown {
  if (value === undefined) return field.kind === 'stringList' ? [...field.default] : field.default;
  switch (field.kind) {
    case 'number': {
      const range = `${field.integer ? 'an integer' : 'a number'} in [${field.min}, ${field.max}]`;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScenarioError(where, value, range);
      if (field.integer && !Number.isInteger(value)) throw new ScenarioError(where, value, range);
      if (value < field.min || value > field.max) throw new ScenarioError(where, value, range);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new ScenarioError(where, value, 'true or false');
      return value;
    case 'string':
      if (typeof value !== 'string' || value.length > field.maxLength) {
        throw new ScenarioError(where, value, `a string of at most ${field.maxLength} characters`);
      }
      return value;
    case 'enum':
      if (!field.values.includes(value as string | number)) {
        throw new ScenarioError(where, value, `one of ${field.values.map((v) => JSON.stringify(v)).join(', ')}`);
      }
      return value;
    case 'stringList': {
      if (!Array.isArray(value)) throw new ScenarioError(where, value, 'a list of strings');
      const allowed = field.values?.();
      return value.map((item, i) => {
        if (typeof item !== 'string') throw new ScenarioError(`${where}[${i}]`, item, 'a string');
        if (!allowed) return item;
        const resolved = allowed.includes(item) ? item : allowed.find((a) => a.replace(/ \(v[0-9.]+\)$/, '') === item);
        if (resolved === undefined) {
          throw new ScenarioError(
            `${where}[${i}]`,
            item,
            `a known name, e.g. ${allowed
              .slice(0, 3)
              .map((a) => JSON.stringify(a))
              .join(', ')} (${allowed.length} in all)`,
          );
        }
        return resolved;
      });
    }
  }
}

function checkConsistency(s: Scenario): void {
  const stepsPerScoring = (s.time.scoringEveryHours * 60) / s.time.stepMinutes;
  if (Math.abs(stepsPerScoring - Math.round(stepsPerScoring)) > 1e-9) {
    throw new ScenarioError(
      'scenario.time.scoringEveryHours',
      s.time.scoringEveryHours,
      `a whole number of steps of time.stepMinutes = ${s.time.stepMinutes}`,
    );
  }
  if (s.time.scoringEveryHours > s.time.days * 24) {
    throw new ScenarioError(
      'scenario.time.scoringEveryHours',
      s.time.scoringEveryHours,
      `at most the simulated period, ${s.time.days * 24} hours`,
    );
  }
  const prescore = s.scoring.prescoreEveryHours / s.time.scoringEveryHours;
  if (s.scoring.prescoreEveryHours > 0 && Math.abs(prescore - Math.round(prescore)) > 1e-9) {
    throw new ScenarioError(
      'scenario.scoring.prescoreEveryHours',
      s.scoring.prescoreEveryHours,
      `0 or a multiple of time.scoringEveryHours = ${s.time.scoringEveryHours}`,
    );
  }
  const channels = s.channels.needsYourHelpShare + s.channels.populationSampledShare;
  if (channels > 1)
    throw new ScenarioError(
      'scenario.channels.populationSampledShare',
      s.channels.populationSampledShare,
      `at most ${1 - s.channels.needsYourHelpShare} so that the channel shares sum to at most 1`,
    );
  const populations = s.world.expansionFraction + s.world.expansionPlusFraction;
  if (populations > 1)
    throw new ScenarioError(
      'scenario.world.expansionPlusFraction',
      s.world.expansionPlusFraction,
      `at most ${1 - s.world.expansionFraction} so that the population shares sum to at most 1`,
    );
  if (s.world.ratings > s.world.raters * s.world.notes) {
    throw new ScenarioError(
      'scenario.world.ratings',
      s.world.ratings,
      `at most raters × notes = ${s.world.raters * s.world.notes} (one rating per rater and note)`,
    );
  }
  if (s.world.authorFraction === 0 && s.world.aiWriters === 0) {
    throw new ScenarioError(
      'scenario.world.authorFraction',
      0,
      'more than 0 when world.aiWriters is 0: somebody has to write the notes',
    );
  }
  if (s.metrics.unhelpfulThreshold > s.metrics.helpfulThreshold) {
    throw new ScenarioError(
      'scenario.metrics.unhelpfulThreshold',
      s.metrics.unhelpfulThreshold,
      `at most metrics.helpfulThreshold = ${s.metrics.helpfulThreshold}`,
    );
  }
  const end = s.time.days * 24;
  s.adversaries.forEach((a, i) => {
    if (a.startHours >= end)
      throw new ScenarioError(
        `scenario.adversaries[${i}].startHours`,
        a.startHours,
        `before the end of the simulated period, ${end} hours`,
      );
    if (a.kind.startsWith('post') && !s.posts.enabled)
      throw new ScenarioError(
        `scenario.adversaries[${i}].kind`,
        a.kind,
        'a note adversary, or posts.enabled true: post adversaries act on the post pilot',
      );
    if (a.targets.selector === 'topic' && a.targets.topic === '')
      throw new ScenarioError(
        `scenario.adversaries[${i}].targets.topic`,
        '',
        'a topic name when targets.selector is "topic"',
      );
    if (a.targets.selector === 'own' && a.kind !== 'writerRaterCollusion')
      throw new ScenarioError(
        `scenario.adversaries[${i}].targets.selector`,
        'own',
        'only writerRaterCollusion has notes of its own',
      );
    if (a.kind === 'coordinatedRing' && a.size < 2)
      throw new ScenarioError(`scenario.adversaries[${i}].size`, a.size, 'a ring needs at least 2 accounts');
  });
  if (s.scoring.scorers.length > 0 && !s.scoring.scorers.some((n) => scorerNames().includes(n))) {
    throw new ScenarioError('scenario.scoring.scorers', s.scoring.scorers, 'at least one known scorer');
  }
}

/** Rejects keys that are neither fields nor groups of fields. */
function checkUnknown(json: Json, fields: readonly FieldSpec[], where: string, extra: string[]): void {
  const known = new Set<string>();
  for (const f of fields) {
    const parts = f.path.split('.');
    for (let k = 1; k <= parts.length; k++) known.add(parts.slice(0, k).join('.'));
  }
  for (const e of extra) known.add(e);
  const walk = (obj: Json, prefix: string): void => {
    for (const key of Object.keys(obj)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!known.has(path)) {
        const siblings = [...known].filter(
          (k) => k.startsWith(prefix ? `${prefix}.` : '') && !k.slice(prefix ? prefix.length + 1 : 0).includes('.'),
        );
        throw new ScenarioError(
          `${where}.${path}`,
          obj[key],
          `unknown field; known here: ${siblings.map((k) => k.slice(prefix ? prefix.length + 1 : 0)).join(', ')}`,
        );
      }
      const isGroup = fields.some((f) => f.path.startsWith(`${path}.`));
      if (isGroup) {
        if (!isObject(obj[key])) throw new ScenarioError(`${where}.${path}`, obj[key], 'expected an object of fields');
        walk(obj[key] as Json, path);
      }
    }
  };
  walk(json, '');
}

function getPath(obj: Json, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setPath(obj: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(cur[part])) cur[part] = {};
    cur = cur[part] as Json;
  }
  cur[parts[parts.length - 1]] = value;
}

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  // JSON.parse reads 1e999 as Infinity, which JSON.stringify would print as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} (a number too large to represent)`;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
