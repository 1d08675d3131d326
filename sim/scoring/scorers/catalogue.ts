import { CORE_GROUPS, COVERAGE_GROUPS, EXPANSION_GROUPS, EXPANSION_PLUS_GROUPS } from '../constants.ts';
import { TOPIC_IDS } from './topicIds.ts';
import {
  DEFAULT_HELPFULNESS,
  DEFAULT_MF,
  DEFAULT_THRESHOLDS,
  type ScorerConfig,
  type RuleThresholds,
} from './scorerConfig.ts';

const minority = { minMinorityNetHelpfulRatings: 4, minMinorityNetHelpfulRatio: 0.05 };

function scorer(
  p: Partial<ScorerConfig> & Pick<ScorerConfig, 'name' | 'prefix'>,
  t: Partial<RuleThresholds> = {},
): ScorerConfig {
  return {
    suffix: '',
    kind: 'mf',
    groups: null,
    includeUnassigned: false,
    strictInclusion: false,
    captureThreshold: null,
    topics: null,
    excludeTopics: false,
    stableInit: false,
    pseudoRaters: false,
    useReputation: true,
    prescoring: true,
    finalScoring: true,
    prescoringName: p.name,
    mf: DEFAULT_MF,
    helpfulness: DEFAULT_HELPFULNESS,
    ...p,
    thresholds: { ...DEFAULT_THRESHOLDS, ...t },
  };
}

/** MFCoreScorer (§12.2): core groups, notes without a topic, pseudo-raters, firm reject 0.3. */
export const CORE_SCORER = scorer(
  {
    name: 'MFCoreScorer',
    prefix: 'core',
    groups: CORE_GROUPS,
    includeUnassigned: true,
    captureThreshold: 0.5,
    excludeTopics: true,
    stableInit: true,
    pseudoRaters: true,
  },
  { firmReject: 0.3, ...minority },
);

const gaussianThresholds: Partial<RuleThresholds> = {
  crh: 0.51,
  crnhIntercept: -0.5,
  crnhFactorMultiplier: 0,
  crnhNM: -0.6,
  crnhUCB: -0.5,
  noHighVol: 0.45,
  noCorrelated: 0.45,
  factor: 1.0,
};

/** The whole catalogue of scorer instances the reference runs (§12.1). */
export function scorerCatalogue(): ScorerConfig[] {
  const list: ScorerConfig[] = [CORE_SCORER];
  list.push(
    scorer(
      {
        name: 'MFCoreWithTopicsScorer',
        prefix: 'coreWithTopics',
        groups: CORE_GROUPS,
        includeUnassigned: true,
        captureThreshold: 0.5,
        stableInit: true,
        pseudoRaters: true,
      },
      minority,
    ),
    scorer(
      {
        name: 'MFExpansionScorer',
        prefix: 'expansion',
        groups: [...CORE_GROUPS, ...EXPANSION_GROUPS],
        includeUnassigned: true,
        captureThreshold: 0.5,
        stableInit: true,
      },
      { firmReject: 0.3, ...minority },
    ),
    scorer(
      {
        name: 'MFExpansionPlusScorer',
        prefix: 'expansionPlus',
        groups: [...CORE_GROUPS, ...EXPANSION_GROUPS, ...EXPANSION_PLUS_GROUPS],
        includeUnassigned: true,
        stableInit: true,
      },
      minority,
    ),
  );
  for (let g = 1; g <= 13; g++) {
    list.push(
      scorer(
        { name: `MFGroupScorer_${g}`, prefix: 'group', suffix: `_${g}`, groups: [g], captureThreshold: 0.8 },
        minority,
      ),
    );
  }
  list.push(
    scorer(
      {
        name: 'MFGroupScorer_14',
        prefix: 'group',
        suffix: '_14',
        groups: [14],
        captureThreshold: 0.51,
        mf: {
          lambdas: {
            noteIntercept: 0.9,
            raterIntercept: 0.15,
            globalIntercept: 0.15,
            noteFactor: 0.01,
            raterFactor: 0.0075,
            diamond: 0.75,
          },
          useGlobalIntercept: true,
          initLearningRate: 0.02,
          noInitLearningRate: 0.02,
          weightedLoss: true,
        },
        helpfulness: {
          ...DEFAULT_HELPFULNESS,
          minMeanNoteScore: -0.01,
          harassmentThreshold: 2.5,
          harassmentPenaltyScaled: false,
        },
      },
      {
        crh: 0.15,
        crnhIntercept: -0.01,
        crnhFactorMultiplier: 0,
        crnhNM: -0.02,
        noHighVol: 0.12,
        noCorrelated: 0.12,
        lowDiligence: 1000,
        factor: 0.4,
        tagFilterPercentile: 90,
        incorrect: 1.5,
        ...minority,
      },
    ),
    scorer(
      {
        name: 'MFGroupScorer_33',
        prefix: 'group',
        suffix: '_33',
        groups: [33],
        strictInclusion: true,
        captureThreshold: 0.8,
      },
      minority,
    ),
    scorer(
      {
        name: 'MFGroupScorer_18',
        prefix: 'group',
        suffix: '_18',
        groups: [18],
        captureThreshold: 0.51,
        mf: {
          ...DEFAULT_MF,
          lambdas: {
            noteIntercept: 0.15,
            raterIntercept: 0.03,
            globalIntercept: 0,
            noteFactor: 0.03,
            raterFactor: 0.03,
            diamond: 0,
          },
        },
      },
      { crh: 0.2, noHighVol: 0.18, noCorrelated: 0.18, ...minority },
    ),
    scorer(
      {
        name: 'MFGroupScorer_15',
        prefix: 'group',
        suffix: '_15',
        groups: [15],
        captureThreshold: 0.8,
        finalScoring: false,
        mf: {
          ...DEFAULT_MF,
          lambdas: {
            noteIntercept: 0.09,
            raterIntercept: 0.03,
            globalIntercept: 0,
            noteFactor: 0.03,
            raterFactor: 0.03,
            diamond: 0,
          },
        },
      },
      { crh: 0.25 },
    ),
  );
  for (const [topicName, id] of Object.entries(TOPIC_IDS)) {
    if (id === 0) continue;
    const isDimTwo = topicName === 'InDimensionTwo';
    list.push(
      scorer({
        name: `MFTopicScorer_${topicName}`,
        prefix: 'topic',
        suffix: `_${topicName}`,
        topics: [id],
        useReputation: false,
        finalScoring: !isDimTwo,
        mf: isDimTwo
          ? { ...DEFAULT_MF, useGlobalIntercept: false, lambdas: { ...DEFAULT_MF.lambdas, raterIntercept: 5 } }
          : DEFAULT_MF,
      }),
    );
  }
  list.push(
    scorer(
      {
        name: 'MFMultiGroupScorer_1',
        prefix: 'multiGroup',
        suffix: '_1',
        groups: [4, 5, 7, 12, 26],
        captureThreshold: 0.8,
      },
      minority,
    ),
    scorer(
      {
        name: 'GaussianScorer',
        prefix: 'gaussian',
        kind: 'gaussian',
        groups: COVERAGE_GROUPS,
        includeUnassigned: true,
        captureThreshold: 0.5,
        excludeTopics: true,
        prescoring: false,
        prescoringName: 'MFCoreScorer',
      },
      gaussianThresholds,
    ),
    scorer(
      {
        name: 'GaussianCoreWithTopicsScorer',
        prefix: 'gaussianCoreWithTopics',
        kind: 'gaussian',
        groups: COVERAGE_GROUPS,
        includeUnassigned: true,
        captureThreshold: 0.5,
        prescoring: false,
        prescoringName: 'MFCoreScorer',
      },
      gaussianThresholds,
    ),
    scorer(
      {
        name: 'GaussianGroupScorer_15',
        prefix: 'group',
        suffix: '_15',
        kind: 'gaussian',
        groups: [15],
        captureThreshold: 0.8,
        prescoring: false,
        prescoringName: 'MFGroupScorer_15',
      },
      { crh: 0.25, crnhUCB: -0.5 },
    ),
    scorer(
      {
        name: 'GaussianTopicScorer_InDimensionTwo',
        prefix: 'topic',
        suffix: '_InDimensionTwo',
        kind: 'gaussian',
        topics: [TOPIC_IDS.InDimensionTwo],
        useReputation: false,
        prescoring: false,
        prescoringName: 'MFTopicScorer_InDimensionTwo',
      },
      { crnhUCB: -0.5 },
    ),
  );
  return list;
}
