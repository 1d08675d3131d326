import { quantileOfSorted } from '../scoring/stats.ts';
import { checkPostParams, enabledPostRules, type PostRuleName, type PostScoringParams } from './postRules.ts';
import type { PostCounts } from './postCounts.ts';

/** §12 steps 5-6 over counted posts: candidacy, the cut-offs, activation, and the reason bits. */
export interface PostDecisions {
  /** 1 when every enabled gate passes */
  candidate: Uint8Array;
  active: Uint8Array;
  /** bit k set: rule `rules[k]` (a gate) blocked the post */
  blockedBy: Uint8Array;
  /** bit k set: rule `rules[k]` (a path) reached its cut-off (for candidates and non-candidates alike) */
  reached: Uint8Array;
  /** the enabled rules, in table order */
  rules: PostRuleName[];
  totalPosCutoff: number;
  minPosCutoff: number;
  candidates: number;
}

/**
 * Applies the enabled POST_RULES to `n` counted posts: the gates make candidates, the cut-offs are max(1, the
 * `quantileThreshold` quantile (numpy's linear interpolation) of totalPos and of minPos over the candidates; 1 when
 * there is none), and a candidate is active when an enabled path's metric is at or above its cut-off. Only
 * `minLingers`, `quantileThreshold` and `disabledRules` matter here (the split point acts on the counts), so a
 * dashboard can move those and call this again without recounting.
 *
 * @example const d = applyPostRules(scored, scored.length, { ...scored.params, quantileThreshold: 0.5 });
 */
export function applyPostRules(post: PostCounts, n: number, params: PostScoringParams): PostDecisions {
  checkPostParams(params);
  const rules = enabledPostRules(params.disabledRules);
  const candidate = new Uint8Array(n);
  const blockedBy = new Uint8Array(n);
  const reached = new Uint8Array(n);
  const active = new Uint8Array(n);
  let candidates = 0;
  for (let r = 0; r < n; r++) {
    let blocked = 0;
    rules.forEach((rule, k) => {
      if (rule.kind === 'gate' && !rule.passes(r, post, params)) blocked |= 1 << k;
    });
    blockedBy[r] = blocked;
    if (blocked === 0) {
      candidate[r] = 1;
      candidates++;
    }
  }
  const cutoff = (metric: Int32Array): number => {
    const values = new Float64Array(candidates);
    for (let r = 0, c = 0; r < n; r++) if (candidate[r] === 1) values[c++] = metric[r];
    const q = quantileOfSorted(values.sort(), params.quantileThreshold);
    return Number.isNaN(q) ? 1 : Math.max(1, q);
  };
  const totalPosCutoff = cutoff(post.totalPos);
  const minPosCutoff = cutoff(post.minPos);
  rules.forEach((rule, k) => {
    if (rule.kind !== 'path') return;
    const metric = post[rule.metric];
    const threshold = rule.metric === 'totalPos' ? totalPosCutoff : minPosCutoff;
    for (let r = 0; r < n; r++) {
      if (metric[r] >= threshold) {
        reached[r] |= 1 << k;
        if (candidate[r] === 1) active[r] = 1;
      }
    }
  });
  return {
    candidate,
    active,
    blockedBy,
    reached,
    rules: rules.map((r) => r.name),
    totalPosCutoff,
    minPosCutoff,
    candidates,
  };
}
