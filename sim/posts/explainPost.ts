import type { ScoredPosts } from './scoredPosts.ts';

/** Why a scored post is or is not active: a verdict and the reasons behind it, in plain words. */
export interface PostExplanation {
  active: boolean;
  /** e.g. "Active: liked by 4 L and 5 R participants; minPos 4 reaches its cut-off 3." */
  summary: string;
  /** one sentence per gate that blocked it, or per path that activated it */
  reasons: string[];
}

/** A cut-off as words show it: six significant digits (an interpolated quantile can be 59.599999999999994). */
const cut = (c: number): string => String(Number(c.toPrecision(6)));

/**
 * Explains row `r` of a ScoredPosts from its reason bits (blockedBy, reached) and counts, for a dashboard's
 * "why". Only enabled rules are mentioned.
 *
 * @example explainPost(scored, 0).reasons // ['a dislike from an R participant vetoes it (1 R dislike)']
 */
export function explainPost(s: ScoredPosts, r: number): PostExplanation {
  const reasons: string[] = [];
  const p = s.params;
  s.rules.forEach((name, k) => {
    const blocked = (s.blockedBy[r] >> k) & 1;
    const reached = (s.reached[r] >> k) & 1;
    if (name === 'LingerGate' && blocked) {
      const sides = [`${s.linger_L[r]} from L`, `${s.linger_R[r]} from R`].join(' and ');
      reasons.push(`not seen by enough people on both sides: ${sides}, each side needs more than ${p.minLingers}`);
    } else if (name === 'DislikeVeto' && blocked) {
      reasons.push(`a dislike from an L or R participant vetoes it (${s.L_neg[r]} L, ${s.R_neg[r]} R dislikes)`);
    } else if (name === 'EligibilityGate' && blocked) {
      reasons.push(
        s.eligibleForActiveState[r] < 0
          ? 'no counted linger, so its eligibility is unknown'
          : `not eligible (eligibleForActiveState False on boost ${s.boostId[r] ?? '(none)'})`,
      );
    } else if (name === 'TotalPosPath' && reached && s.candidate[r]) {
      reasons.push(`${s.totalPos[r]} likes in all (totalPos) reach the cut-off ${cut(s.totalPosCutoff)}`);
    } else if (name === 'MinPosPath' && reached && s.candidate[r]) {
      reasons.push(
        `liked by ${s.minPos[r]} on its less-liking side (minPos) reaching the cut-off ${cut(s.minPosCutoff)}`,
      );
    }
  });
  const active = s.active[r] === 1;
  let summary: string;
  if (active) summary = `Active: ${reasons.join('; ')}.`;
  else if (s.candidate[r] === 1) {
    summary = `Not active: a candidate, but below both cut-offs (totalPos ${s.totalPos[r]} < ${cut(s.totalPosCutoff)}, minPos ${s.minPos[r]} < ${cut(s.minPosCutoff)}).`;
    reasons.push(summary.slice('Not active: '.length, -1));
  } else summary = `Not active: ${reasons.join('; ')}.`;
  return { active, summary, reasons };
}
