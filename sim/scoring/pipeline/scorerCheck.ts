/**
 * The reference's per-scorer assertions (scoring-core.md §6.4, §6.8, §19), as a named table: what each checks and
 * what a user can do when it fails. By default a failing scorer is skipped (its columns stay empty and the run
 * reports it); with `strictChecks` the run stops, as the reference does (conformance runs).
 */
export const SCORER_CHECKS = {
  firstTrainError: {
    spec: '§6.4',
    remedy:
      "the scorer's ratings fit the model poorly (too few, too one-sided or adversarial ratings in its scope); " +
      "its notes keep the other scorers' statuses. Leave it out with --scorers, or pass --strict to stop as the reference does",
  },
  stableInitSubset: {
    spec: '§6.8',
    remedy:
      'stable initialisation needs notes rated mostly (≥ 75 %, ≥ 5 enrolled ratings) by modeling group 13; ' +
      'check userEnrollment-00000.tsv (modelingGroup) or leave the scorer out with --scorers; --strict stops instead',
  },
} as const;

export type ScorerCheckName = keyof typeof SCORER_CHECKS;

/** A scorer left out of a run because one of its checks failed: structured-cloneable (crosses worker threads). */
export interface SkippedScorer {
  scorer: string;
  check: ScorerCheckName;
  /** what was measured against what, e.g. "first MF train error 0.1766 is above 0.16" */
  finding: string;
  /** the whole sentence for users: scorer, check, finding, spec section, consequence and remedy */
  message: string;
}

/** A failed scorer check in strict mode: stops the run (exit 1), naming scorer, check and remedy. */
export class ScorerCheckError extends Error {
  constructor(readonly skipped: SkippedScorer) {
    super(skipped.message);
    this.name = 'ScorerCheckError';
  }
}

/**
 * The outcome of a failed check: throws a ScorerCheckError when `strict`, else returns the SkippedScorer the
 * task hands back in place of its result.
 *
 * @example if (err > 0.16) return failScorerCheck('MFCoreScorer', 'firstTrainError', `train error ${err} is above 0.16`, ctx.strictChecks);
 */
export function failScorerCheck(
  scorer: string,
  check: ScorerCheckName,
  finding: string,
  strict: boolean,
): { skipped: SkippedScorer } {
  const { spec, remedy } = SCORER_CHECKS[check];
  const consequence = strict
    ? 'the run stops here (--strict, as the reference)'
    : 'the scorer is skipped and its columns are left empty';
  const message = `${scorer}: check ${check} failed: ${finding} (scoring-core.md ${spec}); ${consequence}. Remedy: ${remedy}`;
  const skipped = { scorer, check, finding, message };
  if (strict) throw new ScorerCheckError(skipped);
  return { skipped };
}

/** Whether a scorer task's result is a skipped scorer rather than its output. */
export function isSkippedScorer(result: unknown): result is { skipped: SkippedScorer } {
  return typeof result === 'object' && result !== null && 'skipped' in result;
}
