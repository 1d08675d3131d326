import {
  FLIP_PREDICTION,
  LOW_DILIGENCE_MODEL,
  POST_SELECTION_COALESCING,
  PSEUDO_RATERS,
  VALID_RATING_WINDOW,
} from './pipelineSafeguards.ts';

/**
 * A scorer profile: a named set of switches over the one pipeline (no fork). `scorers` replaces an empty scorer
 * list; `disabled` names rules and pipeline safeguards (pipelineSafeguards.ts) switched off, each of which can also
 * be switched off alone through `scoring.disabledRules`, or kept on despite the profile through
 * `scoring.keepRules`.
 */
export interface ScoringProfile {
  name: string;
  description: string;
  scorers: readonly string[];
  disabled: readonly string[];
}

/** Every profile; 'full' (the production pipeline) is the default and changes nothing. */
export const SCORING_PROFILES: readonly ScoringProfile[] = [
  { name: 'full', description: 'the production pipeline: every scorer, rule and safeguard', scorers: [], disabled: [] },
  {
    name: 'published-simplified',
    description:
      'the simplified set-up of published studies (e.g. arXiv 2511.02615): Core only, post-selection similarity, pseudo-raters, flip prediction, the low-diligence model and the tag / incorrect / low-diligence filters off, every rating valid; the rater-helpfulness filter stays on (add RaterHelpfulnessFilter to scoring.disabledRules to switch it off)',
    scorers: ['MFCoreScorer'],
    disabled: [
      POST_SELECTION_COALESCING,
      PSEUDO_RATERS,
      FLIP_PREDICTION,
      LOW_DILIGENCE_MODEL,
      'FilterLowDiligence (v1.0)',
      'TagFilter (v1.0)',
      'FilterIncorrect (v1.0)',
      VALID_RATING_WINDOW,
    ],
  },
];

/** Names accepted in scoring.profile. */
export const SCORING_PROFILE_NAMES: readonly string[] = SCORING_PROFILES.map((p) => p.name);

/**
 * Expands `profile` into the scorer list and disabled names a run uses: the profile's scorers when `scorers` is
 * empty, and `disabledRules` plus the profile's switches not listed in `keepRules` (order kept, no duplicates).
 *
 * @example expandScoringProfile({ profile: 'published-simplified', scorers: [], disabledRules: [], keepRules: ['PseudoRaters'] })
 */
export function expandScoringProfile(s: {
  profile: string;
  scorers: readonly string[];
  disabledRules: readonly string[];
  keepRules: readonly string[];
}): { scorers: string[]; disabledRules: string[] } {
  const profile = SCORING_PROFILES.find((p) => p.name === s.profile);
  if (!profile) throw new Error(`unknown scoring profile ${JSON.stringify(s.profile)}`);
  const keep = new Set(s.keepRules);
  const disabled = [...s.disabledRules];
  for (const name of profile.disabled) if (!keep.has(name) && !disabled.includes(name)) disabled.push(name);
  return { scorers: s.scorers.length > 0 ? [...s.scorers] : [...profile.scorers], disabledRules: disabled };
}
