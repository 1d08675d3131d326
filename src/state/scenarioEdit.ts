/**
 * Editing a validated scenario one field at a time: the edited JSON goes back through sim's validateScenario, so
 * the form can never hold an invalid scenario; a rejected edit returns the validator's message instead.
 */
import {
  ADVERSARY_COMMON_FIELDS,
  ADVERSARY_FIELDS,
  validateScenario,
  type AdversaryKind,
  type FieldSpec,
  type Scenario,
} from '../../sim/index.ts';

export type EditResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** The value at a dotted path. */
export const valueAt = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

function setAt(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const k of parts.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[parts[parts.length - 1]] = value;
}

function validated(json: unknown): EditResult {
  try {
    return { ok: true, scenario: validateScenario(json) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** `scenario` with the field at `path` set to `value`, validated. */
export function editField(scenario: Scenario, path: string, value: unknown): EditResult {
  const json = structuredClone(scenario) as unknown as Record<string, unknown>;
  setAt(json, path, value);
  return validated(json);
}

/** `scenario` with adversary `index`'s field at `path` set to `value`, validated. */
export function editAdversary(scenario: Scenario, index: number, path: string, value: unknown): EditResult {
  const json = structuredClone(scenario) as unknown as { adversaries: Record<string, unknown>[] };
  setAt(json.adversaries[index], path, value);
  return validated(json);
}

/** `scenario` with a new adversary of `kind` (schema defaults) appended. */
export function addAdversary(scenario: Scenario, kind: AdversaryKind): EditResult {
  const json = structuredClone(scenario) as unknown as { adversaries: unknown[] };
  json.adversaries.push({ kind });
  return validated(json);
}

/** `scenario` without adversary `index`. */
export function removeAdversary(scenario: Scenario, index: number): EditResult {
  const json = structuredClone(scenario) as unknown as { adversaries: unknown[] };
  json.adversaries.splice(index, 1);
  return validated(json);
}

/** The schema rows of one adversary entry. */
export function adversaryFields(kind: AdversaryKind): readonly FieldSpec[] {
  return [...ADVERSARY_COMMON_FIELDS, ...ADVERSARY_FIELDS[kind]];
}

/** A scenario from JSON text (a file the user loads), validated. */
export function scenarioFromText(text: string): EditResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
  return validated(json);
}
