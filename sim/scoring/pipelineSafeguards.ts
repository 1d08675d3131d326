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
