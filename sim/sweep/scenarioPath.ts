/**
 * Scenario paths as a sweep names them: dotted object keys with optional list indices, `world.raters`,
 * `adversaries[0].share`. Pure helpers over parsed JSON.
 */
type Json = Record<string, unknown>;

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*)*$/;

/** True when `path` is a well-formed scenario path. */
export function isScenarioPath(path: string): boolean {
  return PATH.test(path);
}

/** The steps of a path: object keys (strings) and list indices (numbers). */
function steps(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const [key, ...indices] = part.split('[');
    return [key, ...indices.map((i) => Number(i.slice(0, -1)))];
  });
}

/**
 * A copy of `obj` with `path` set to `value`: missing objects on the way are created; a list index must name an
 * existing entry (throws an Error saying which step is missing otherwise).
 *
 * @example withPath({ world: { raters: 10 } }, 'world.raters', 20) // { world: { raters: 20 } }
 */
export function withPath(obj: Json, path: string, value: unknown): Json {
  const root = JSON.parse(JSON.stringify(obj)) as Json;
  const parts = steps(path);
  let cur: unknown = root;
  for (let k = 0; k < parts.length - 1; k++) {
    const part = parts[k];
    const next = parts[k + 1];
    if (typeof part === 'number') {
      if (!Array.isArray(cur) || part >= cur.length) throw new Error(`no entry [${part}] to set ${path} in`);
      cur = cur[part];
      continue;
    }
    const o = cur as Json;
    if (o[part] === undefined && typeof next === 'string') o[part] = {};
    if (typeof next === 'number' && !Array.isArray(o[part])) throw new Error(`${part} is not a list in ${path}`);
    if (typeof next === 'string' && (typeof o[part] !== 'object' || o[part] === null || Array.isArray(o[part])))
      throw new Error(`${part} is not an object in ${path}`);
    cur = o[part];
  }
  const last = parts[parts.length - 1];
  if (typeof last === 'number') {
    if (!Array.isArray(cur) || last >= cur.length) throw new Error(`no entry [${last}] to set ${path} in`);
    cur[last] = value;
  } else (cur as Json)[last] = value;
  return root;
}

/**
 * The value at a dotted path of parsed JSON (metrics use plain keys: `main.helpfulVsTruth.all.shown`);
 * `undefined` when a step is missing, `null` when a step is null.
 */
export function valueAtPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of steps(path)) {
    if (cur === null) return null;
    if (typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}
