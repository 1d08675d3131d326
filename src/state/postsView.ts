/**
 * The Posts page's part of the URL: the §12 parameters the run's posts are rescored with (each null = the run's
 * own), the rules switched off (null = the run's) and the selected post. Ranges come from sim's scenario schema
 * (posts.factorSplitPoint, posts.minLingers, posts.quantileThreshold), rule names from POST_RULE_NAMES.
 */
import { POST_RULE_NAMES, SCENARIO_FIELDS, type PostScoringParams, type Scenario } from '../../sim/index.ts';

export interface PostsView {
  factorSplitPoint: number | null;
  minLingers: number | null;
  quantileThreshold: number | null;
  disabledRules: string[] | null;
  /** actionTweetId of the selected post */
  post: string | null;
}

export const noPostsView = (): PostsView => ({
  factorSplitPoint: null,
  minLingers: null,
  quantileThreshold: null,
  disabledRules: null,
  post: null,
});

/** URL key of each numeric parameter, with the scenario field that gives its range. */
const NUMBERS = [
  { key: 'postSplit', param: 'factorSplitPoint', field: 'posts.factorSplitPoint' },
  { key: 'postLingers', param: 'minLingers', field: 'posts.minLingers' },
  { key: 'postQuantile', param: 'quantileThreshold', field: 'posts.quantileThreshold' },
] as const;

export const POSTS_VIEW_KEYS = ['postSplit', 'postLingers', 'postQuantile', 'postRulesOff', 'post'] as const;

/** The range of a numeric parameter, from the scenario schema. */
export function postParamRange(param: 'factorSplitPoint' | 'minLingers' | 'quantileThreshold'): {
  min: number;
  max: number;
  integer: boolean;
} {
  const path = NUMBERS.find((n) => n.param === param)!.field;
  const field = SCENARIO_FIELDS.find((f) => f.path === path);
  if (field?.kind !== 'number') throw new Error(`scenario field ${path} is not a number field`);
  return { min: field.min, max: field.max, integer: field.integer };
}

/** Writes `view` into `q` (only what is set). */
export function encodePostsView(view: PostsView, q: URLSearchParams): void {
  for (const n of NUMBERS) {
    const v = view[n.param];
    if (v !== null) q.set(n.key, String(v));
  }
  if (view.disabledRules !== null) q.set('postRulesOff', view.disabledRules.join(','));
  if (view.post !== null) q.set('post', view.post);
}

/** Reads the Posts view from `q`; malformed entries are skipped and described in `errors`. */
export function decodePostsView(q: URLSearchParams, errors: string[]): PostsView {
  const view = noPostsView();
  for (const n of NUMBERS) {
    const text = q.get(n.key);
    if (text === null) continue;
    const { min, max, integer } = postParamRange(n.param);
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      errors.push(`${n.key}=${text}: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    } else view[n.param] = v;
  }
  const off = q.get('postRulesOff');
  if (off !== null) {
    const names = off === '' ? [] : off.split(',');
    const unknown = names.filter((r) => !(POST_RULE_NAMES as readonly string[]).includes(r));
    if (unknown.length > 0)
      errors.push(`postRulesOff=${off}: unknown rule ${unknown.join(', ')} (known: ${POST_RULE_NAMES.join(', ')})`);
    else view.disabledRules = names;
  }
  view.post = q.get('post');
  return view;
}

/** The parameters the page scores with: the view's where set, else the scenario's. */
export function effectivePostParams(view: PostsView, scenario: Scenario): PostScoringParams {
  const p = scenario.posts;
  return {
    factorSplitPoint: view.factorSplitPoint ?? p.factorSplitPoint,
    minLingers: view.minLingers ?? p.minLingers,
    quantileThreshold: view.quantileThreshold ?? p.quantileThreshold,
    disabledRules: view.disabledRules ?? [...p.disabledRules],
  };
}

/** Whether `a` and `b` score alike (disabled rules compared as sets). */
export function sameParams(a: PostScoringParams, b: PostScoringParams): boolean {
  const off = (p: PostScoringParams) => [...new Set(p.disabledRules)].sort().join(',');
  return (
    a.factorSplitPoint === b.factorSplitPoint &&
    a.minLingers === b.minLingers &&
    a.quantileThreshold === b.quantileThreshold &&
    off(a) === off(b)
  );
}
