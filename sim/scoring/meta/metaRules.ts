import { NMR } from '../noteStatus.ts';
import type { Frame } from '../frame.ts';
import { applyRules, type MetaOptions, type MetaResult } from './applyRules.ts';
import { driftGuardRule } from './driftGuardRule.ts';
import { insufficientExplanationRule, type ExplanationParams } from './explanationTags.ts';
import type { MetaRule } from './metaRule.ts';
import {
  coverageRule,
  groupDemotionRule,
  groupPromotionRule,
  initialStatusRule,
  modelResultRule,
  populationSampledRule,
  topicVetoRule,
  type PopulationSampledParams,
} from './modelRules.ts';
import { META_RULE, groupRuleName, topicRuleName } from './ruleNames.ts';
import { stabilizationRule, type StabilizationParams } from './stabilizationRule.ts';

/** Every threshold of the meta rules (scoring-core.md §14.3–14.7); defaults in DEFAULT_META_PARAMS. */
export interface MetaParams {
  /** upper bound on the Core / Expansion intercept for group models 1–13 (their CRH threshold 0.40) */
  coreCrhThreshold: number;
  expansionCrhThreshold: number;
  /** lower bound on that intercept for groups 1–13 (0.3) and for groups 14 and 33 (0.25, no upper bound) */
  groupMinSafeguard: number;
  lenientGroupMinSafeguard: number;
  /** topic vetoes: (intercept bound, |factor| bound) per topic, in TopicModel01.. order */
  topics: readonly { topic: string; interceptBound: number; factorBound: number }[];
  populationSampled: PopulationSampledParams;
  stabilization: StabilizationParams;
  explanation: ExplanationParams;
}

export const DEFAULT_META_PARAMS: MetaParams = {
  coreCrhThreshold: 0.4,
  expansionCrhThreshold: 0.4,
  groupMinSafeguard: 0.3,
  lenientGroupMinSafeguard: 0.25,
  topics: [
    { topic: 'UkraineConflict', interceptBound: 0.24, factorBound: 0.51 },
    { topic: 'GazaConflict', interceptBound: 0.24, factorBound: 0.51 },
    { topic: 'MessiRonaldo', interceptBound: 0.24, factorBound: 0.51 },
    { topic: 'Scams', interceptBound: 0.24, factorBound: 0.51 },
    { topic: 'InDimensionTwo', interceptBound: 0.51, factorBound: 1.0 },
  ],
  populationSampled: { minRatings: 8, minPerSign: 2, maxIntercept: 0.3, minDivergence: 0.15 },
  stabilization: { requiredStableMinutes: 30, maxCrhMinutes: 60, maxNyhMinutes: 360 },
  explanation: { minRatingsToGetTag: 2, minTagsNeeded: 2 },
};

/**
 * The ordered meta-rule table with every scorer family enabled (scoring-core.md §14.3; names in ruleNames.ts):
 * MetaInitialNMR, ExpansionPlus, Expansion, CoreWithTopics, Core, MultiGroupModel01, GroupModel01–13 (promotion,
 * 0.3 < intercept < 0.40), GroupModel14 and GroupModel33 (promotion, 0.25 <), GroupModel33NMR / 18NMR / 15NMR
 * (demotion), GaussianModel, GaussianCoreWithTopicsModel (coverage), TopicModel01–05 (vetoes),
 * PopulationSampledIntercept, NmrDueToMinStableCrhTime, ScoringDriftGuard, InsufficientExplanation.
 * Every entry is enabled; switch entries off with `withEnabled` or `MetaOptions.disabled`.
 */
export function metaRules(params: Partial<MetaParams> = {}): MetaRule[] {
  const p = { ...DEFAULT_META_PARAMS, ...params };
  const rules: MetaRule[] = [
    initialStatusRule(META_RULE.metaInitialNMR, NMR),
    modelResultRule(META_RULE.expansionPlus, 'expansionPlusRatingStatus'),
    modelResultRule(META_RULE.expansion, 'expansionRatingStatus'),
    modelResultRule(META_RULE.coreWithTopics, 'coreWithTopicsRatingStatus'),
    modelResultRule(META_RULE.core, 'coreRatingStatus'),
    modelResultRule(META_RULE.multiGroup01, 'multiGroupRatingStatus', {
      blockCheck: true,
      filter: { column: 'modelingMultiGroup', value: 1 },
    }),
  ];
  for (let g = 1; g <= 13; g++) {
    rules.push(
      groupPromotionRule(groupRuleName(g), g, p.groupMinSafeguard, p.coreCrhThreshold, p.expansionCrhThreshold),
    );
  }
  for (const g of [14, 33]) rules.push(groupPromotionRule(groupRuleName(g), g, p.lenientGroupMinSafeguard, null, null));
  for (const g of [33, 18, 15]) rules.push(groupDemotionRule(groupRuleName(g, true), g));
  rules.push(coverageRule(META_RULE.gaussian, 'gaussianRatingStatus'));
  rules.push(coverageRule(META_RULE.gaussianCoreWithTopics, 'gaussianCoreWithTopicsRatingStatus'));
  p.topics.forEach((t, i) => rules.push(topicVetoRule(topicRuleName(i + 1), t.topic, t.interceptBound, t.factorBound)));
  rules.push(populationSampledRule(META_RULE.populationSampled, p.populationSampled));
  rules.push(stabilizationRule(META_RULE.stabilization, p.stabilization));
  rules.push(driftGuardRule(META_RULE.driftGuard));
  rules.push(insufficientExplanationRule(META_RULE.insufficientExplanation, p.explanation));
  return rules;
}

/**
 * Meta scoring with the default table: `applyRules(metaRules(params), frame, options)`. `frame` is the note frame
 * of scoring-core.md §14.1 (per-model public columns, coalesced; previous-run NSH columns `currentStatus`,
 * `lockedStatus`, `timestampMillisOfNmrDueToMinStableCrhTime`, `firstNonNMRStatus`; the 22 tag counts; optional
 * `pflipLabel`). Example: `metaScore(frame, { now: 1748736000000 }).frame.str('finalRatingStatus')`.
 */
export function metaScore(frame: Frame, options: MetaOptions, params: Partial<MetaParams> = {}): MetaResult {
  return applyRules(metaRules(params), frame, options);
}
