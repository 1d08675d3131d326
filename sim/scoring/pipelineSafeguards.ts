/**
 * Pipeline safeguards: robustness mechanisms that act on the rating set before any scorer runs, rather than as a
 * status rule inside a scorer or in meta scoring. They are switched off by name through the same `disabledRules`
 * list as the rules (scenario `scoring.disabledRules`, `compare.abDisabledRules`, CLI `--disable-rules`), so an A/B
 * run can remove them. These names are Bridgelab's own: the reference scorer has no switch for them.
 */

/**
 * Post-selection-similarity coalescing (scoring-robustness.md §5.4): drops a PSS clique's ratings on its own
 * members' notes and keeps one rating per (note, clique). Switched off, every rating is kept; the
 * `correlatedRater` flags (and so NoCorrelatedIntercept) are unaffected.
 */
export const POST_SELECTION_COALESCING = 'PostSelectionCoalescing';

/** Pseudo-raters (§10): the extreme-rating sensitivity bounds behind UcbCRNH; off, no bounds are computed. */
export const PSEUDO_RATERS = 'PseudoRaters';
/** Flip prediction (robustness §10): off, the pflip model is not trained and every note is predicted not to flip. */
export const FLIP_PREDICTION = 'FlipPrediction';
/** The low-diligence model (§8); off, it is not fitted and lowDiligenceIntercept stays empty. */
export const LOW_DILIGENCE_MODEL = 'LowDiligenceModel';
/** The rater-helpfulness filter (§7.5–7.8); off, every rater of the first round enters the final rounds. */
export const RATER_HELPFULNESS_FILTER = 'RaterHelpfulnessFilter';
/** The valid-rating window (§7.4: within 48 h, before the latest non-NMR status); off, every rating is valid. */
export const VALID_RATING_WINDOW = 'ValidRatingWindow';

/** One switchable pipeline safeguard: its name (as given in disabledRules) and what switching it off does. */
export interface PipelineSafeguard {
  name: string;
  description: string;
}

/** Every pipeline safeguard, in the order the pipeline applies them. */
export const PIPELINE_SAFEGUARDS: readonly PipelineSafeguard[] = [
  {
    name: POST_SELECTION_COALESCING,
    description:
      'post-selection-similarity coalescing (one rating per note and clique, none on own-clique notes); off keeps every rating',
  },
  { name: PSEUDO_RATERS, description: 'pseudo-rater intercept bounds (§10, UcbCRNH); off computes no bounds' },
  {
    name: FLIP_PREDICTION,
    description: 'flip prediction (robustness §10); off predicts "will not flip" for every note',
  },
  { name: LOW_DILIGENCE_MODEL, description: 'the low-diligence model (§8); off leaves lowDiligenceIntercept empty' },
  {
    name: RATER_HELPFULNESS_FILTER,
    description: 'the rater-helpfulness filter (§7.5–7.8); off lets every first-round rater into the final rounds',
  },
  {
    name: VALID_RATING_WINDOW,
    description: 'the valid-rating window of rater helpfulness (§7.4); off counts every rating as valid',
  },
];

/** Names of every pipeline safeguard (accepted in rule lists alongside the rule names). */
export function pipelineSafeguardNames(): string[] {
  return PIPELINE_SAFEGUARDS.map((s) => s.name);
}

/**
 * Whether the safeguard `name` is on, given the set of disabled names.
 *
 * @example safeguardEnabled(new Set(['PostSelectionCoalescing']), POST_SELECTION_COALESCING) // false
 */
export function safeguardEnabled(disabled: ReadonlySet<string>, name: string): boolean {
  return !disabled.has(name);
}
