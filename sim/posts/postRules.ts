import type { PostCounts } from './postCounts.ts';

/** §12 constants. */
export const FACTOR_SPLIT_POINT = 0.15;
export const MIN_LINGERS = 29;
export const QUANTILE_THRESHOLD = 0.7;

/** The names of the §12 conditions, in table order. */
export const POST_RULE_NAMES = ['LingerGate', 'DislikeVeto', 'EligibilityGate', 'TotalPosPath', 'MinPosPath'] as const;
export type PostRuleName = (typeof POST_RULE_NAMES)[number];

/** Every §12 threshold and switch; defaults in DEFAULT_POST_PARAMS. */
export interface PostScoringParams {
  /** bucket edges: L if factor < −split, M if −split ≤ factor < split, R if factor ≥ split */
  factorSplitPoint: number;
  /** LingerGate: minLingers must be strictly above this */
  minLingers: number;
  /** the cut-offs are max(1, this quantile) of totalPos / minPos over the candidates */
  quantileThreshold: number;
  /** rules switched off by name (POST_RULE_NAMES) */
  disabledRules: readonly string[];
}

export const DEFAULT_POST_PARAMS: PostScoringParams = {
  factorSplitPoint: FACTOR_SPLIT_POINT,
  minLingers: MIN_LINGERS,
  quantileThreshold: QUANTILE_THRESHOLD,
  disabledRules: [],
};

/** A candidacy condition (§12 step 5): a post failing an enabled gate is neither candidate nor active. */
export interface PostGate {
  kind: 'gate';
  name: PostRuleName;
  /** plain-words statement of what the gate requires */
  requires: string;
  passes: (i: number, post: PostCounts, params: PostScoringParams) => boolean;
}

/** An activation path (§12 step 6): a candidate is active when any enabled path reaches its cut-off. */
export interface PostPath {
  kind: 'path';
  name: PostRuleName;
  /** the column compared with max(1, quantile over candidates) */
  metric: 'totalPos' | 'minPos';
  requires: string;
}

export type PostRule = PostGate | PostPath;

/** The §12 conditions in order: the three candidacy gates, then the two activation paths. */
export const POST_RULES: readonly PostRule[] = [
  {
    kind: 'gate',
    name: 'LingerGate',
    requires: 'more than MIN_LINGERS lingers from each of L and R',
    passes: (i, post, p) => Math.min(post.linger_L[i], post.linger_R[i]) > p.minLingers,
  },
  {
    kind: 'gate',
    name: 'DislikeVeto',
    requires: 'no dislike from an L or R participant (M dislikes are ignored)',
    passes: (i, post) => post.L_neg[i] === 0 && post.R_neg[i] === 0,
  },
  {
    kind: 'gate',
    name: 'EligibilityGate',
    requires: 'eligibleForActiveState true on the highest boostId',
    passes: (i, post) => post.eligibleForActiveState[i] === 1,
  },
  { kind: 'path', name: 'TotalPosPath', metric: 'totalPos', requires: 'totalPos at or above its cut-off' },
  { kind: 'path', name: 'MinPosPath', metric: 'minPos', requires: 'minPos at or above its cut-off' },
];

/** Throws a plain-words error when a threshold is outside its range (split ≥ 0, lingers ≥ 0, quantile in [0, 1]). */
export function checkPostParams(p: PostScoringParams): void {
  const bad: string[] = [];
  if (!(p.factorSplitPoint >= 0 && Number.isFinite(p.factorSplitPoint)))
    bad.push(`factorSplitPoint ${p.factorSplitPoint} (expected ≥ 0)`);
  if (!(p.minLingers >= 0 && Number.isFinite(p.minLingers))) bad.push(`minLingers ${p.minLingers} (expected ≥ 0)`);
  if (!(p.quantileThreshold >= 0 && p.quantileThreshold <= 1))
    bad.push(`quantileThreshold ${p.quantileThreshold} (expected 0..1)`);
  if (bad.length > 0) throw new Error(`invalid post scoring parameter(s): ${bad.join(', ')}`);
}

/**
 * The enabled rules, in table order. Unknown names in `disabled` throw an error listing the known ones.
 *
 * @example enabledPostRules(['DislikeVeto']).map((r) => r.name) // LingerGate, EligibilityGate, TotalPosPath, MinPosPath
 */
export function enabledPostRules(disabled: readonly string[]): PostRule[] {
  const known = new Set<string>(POST_RULE_NAMES);
  const unknown = disabled.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    throw new Error(`unknown post rule(s) ${unknown.join(', ')}; known: ${POST_RULE_NAMES.join(', ')}`);
  }
  const off = new Set(disabled);
  return POST_RULES.filter((r) => !off.has(r.name));
}
