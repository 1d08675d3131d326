/**
 * Names (with versions) of the meta-scoring rules, exactly as the reference writes them into `decidedBy` and
 * `metaScorerActiveRules` (scoring-core.md §14.3), and which of them may lock a note's status (§15 step 4).
 */
export const META_RULE = {
  metaInitialNMR: 'MetaInitialNMR (v1.0)',
  expansionPlus: 'ExpansionPlusModel (v1.1)',
  expansion: 'ExpansionModel (v1.1)',
  coreWithTopics: 'CoreWithTopicsModel (v1.1)',
  core: 'CoreModel (v1.1)',
  multiGroup01: 'MultiGroupModel01 (v1.0)',
  gaussian: 'GaussianModel (v1.0)',
  gaussianCoreWithTopics: 'GaussianCoreWithTopicsModel (v1.0)',
  populationSampled: 'PopulationSampledIntercept (v1.0)',
  stabilization: 'NmrDueToMinStableCrhTime (v1.0)',
  driftGuard: 'ScoringDriftGuard (v1.0)',
  insufficientExplanation: 'InsufficientExplanation (v1.0)',
} as const;

/** `GroupModel07 (v1.1)` for 7; `GroupModel33NMR (v1.1)` for (33, true). */
export const groupRuleName = (group: number, nmr = false): string =>
  `GroupModel${String(group).padStart(2, '0')}${nmr ? 'NMR' : ''} (v1.1)`;

/** `TopicModel03 (v1.0)` for 3. */
export const topicRuleName = (i: number): string => `TopicModel${String(i).padStart(2, '0')} (v1.0)`;

/**
 * Rules whose decision locks a note after 14 days (scoring-core.md §15 step 4): the reference's `lockingEnabled` set.
 * It includes names the current meta table never emits (GroupModel15, GroupModel18, CoverageModel is excluded).
 */
export const LOCKING_ENABLED_RULES: ReadonlySet<string> = new Set([
  META_RULE.expansion,
  META_RULE.core,
  META_RULE.coreWithTopics,
  ...Array.from({ length: 15 }, (_, i) => groupRuleName(i + 1)),
  groupRuleName(15, true),
  groupRuleName(18),
  groupRuleName(18, true),
  groupRuleName(33),
  groupRuleName(33, true),
  META_RULE.multiGroup01,
  META_RULE.insufficientExplanation,
  META_RULE.gaussian,
  META_RULE.gaussianCoreWithTopics,
]);

/** A rule name without its version suffix: `CoreModel (v1.1)` -> `CoreModel`. */
export const baseRuleName = (name: string): string => name.replace(/ \(v[0-9.]+\)$/, '');
