/**
 * The typed form of a scenario (what validateScenario returns). Every field, its default, range and meaning is
 * listed in schema.ts; this file only gives the shapes.
 */

/** World models: today's behavioural model, or the latent-factor model of arXiv 2511.02615 (world/latentWorld.ts). */
export const WORLD_MODELS = ['organic', 'latent'] as const;
export type WorldModel = (typeof WORLD_MODELS)[number];

/** Parameters of the latent-factor world (world.model "latent"); see schema.ts for meanings and ranges. */
export interface LatentParams {
  mu: number;
  temperature: number;
  raterInterceptSd: number;
  raterPolarization: number;
  notePolarization: number;
  factorSd: number;
  noteInterceptMean: number;
  noteInterceptSd: number;
  homophily: number;
  helpfulIntercept: number;
  helpfulFactor: number;
}

/** The generative model of the organic community (sim/world). */
export interface WorldParams {
  model: WorldModel;
  latent: LatentParams;
  raters: number;
  notes: number;
  ratings: number;
  notesPerPost: number;
  perspectiveDims: number;
  perspectiveMode: number;
  perspectiveSd: number;
  secondDimSd: number;
  secondDimWeight: number;
  leniencySd: number;
  activitySigma: number;
  helpfulnessWeight: number;
  alignmentWeight: number;
  verdictOffset: number;
  authorFraction: number;
  writerQualitySd: number;
  noteNoiseSd: number;
  slantFollowsAuthor: number;
  aiWriters: number;
  aiNoteShare: number;
  aiQualityMean: number;
  aiQualitySd: number;
  notMisleadingFraction: number;
  topicFraction: number;
  abusiveFraction: number;
  viralitySigma: number;
  noteDelayHours: number;
  expansionFraction: number;
  expansionPlusFraction: number;
  mainGroupFraction: number;
  groupLocality: number;
  unenrolledFraction: number;
  newUserFraction: number;
}

/** The simulated clock. */
export interface TimeParams {
  startMillis: number;
  days: number;
  stepMinutes: number;
  scoringEveryHours: number;
  attentionHalfLifeHours: number;
}

/** How organic ratings reach notes. */
export interface ChannelParams {
  needsYourHelpShare: number;
  populationSampledShare: number;
  shownExposure: number;
  previewExposure: number;
  needsYourHelpMaxRatings: number;
  populationSampledMinRatings: number;
}

/** What the periodic scoring runs. */
export interface ScoringParams {
  profile: string;
  keepRules: string[];
  scorers: string[];
  disabledRules: string[];
  engine: string;
  prescoreEveryHours: number;
  incremental: boolean;
}

/** Ground-truth thresholds used by the metrics. */
export interface MetricParams {
  helpfulThreshold: number;
  unhelpfulThreshold: number;
}

/** Posts "liked by people who disagree" (robustness §12): the pilot population, boosts, lingers, likes. */
export interface PostParams {
  enabled: boolean;
  admittedShare: number;
  boostedShare: number;
  boostDelayHours: number;
  reboostShare: number;
  reboostDelayHours: number;
  maxBoosts: number;
  lingersPerBoost: number;
  boostHalfLifeHours: number;
  homophily: number;
  actShare: number;
  appealMean: number;
  appealSd: number;
  appealWeight: number;
  alignmentWeight: number;
  likeOffset: number;
  dislikeOffset: number;
  eligibleDays: number;
  crossSideAppeal: number;
  rankK: number;
  factorSplitPoint: number;
  minLingers: number;
  quantileThreshold: number;
  disabledRules: string[];
}

/** Extra runs of the same world and seed. */
export interface CompareParams {
  counterfactual: boolean;
  abDisabledRules: string[];
}

/** Adversary strategies, one file each in sim/world/adversaries. */
export const ADVERSARY_KINDS = [
  'pileOn',
  'coordinatedRing',
  'highVolumeSybils',
  'writerRaterCollusion',
  'targetedSuppression',
  'badRaters',
  'postLikeWave',
  'postDislikeVeto',
  'postFactorLaundering',
  'postMFlooding',
] as const;
export type AdversaryKind = (typeof ADVERSARY_KINDS)[number];

/** How an adversary picks target notes (see schema.ts, targets.selector). */
export const TARGET_SELECTORS = ['any', 'slant', 'topic', 'helpful', 'unhelpful', 'own'] as const;
export type TargetSelector = (typeof TARGET_SELECTORS)[number];

/** Helpfulness levels an adversary can give. */
export const VERDICTS = ['HELPFUL', 'SOMEWHAT_HELPFUL', 'NOT_HELPFUL'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Which notes an adversary goes after. */
export interface TargetSpec {
  selector: TargetSelector;
  count: number;
  side: number;
  topic: string;
  includeExisting: boolean;
}

/** Fields every adversary has. */
export interface AdversaryCommon {
  kind: AdversaryKind;
  label: string;
  startHours: number;
  durationHours: number;
  size: number;
  budget: number;
  targets: TargetSpec;
  verdict: Verdict;
  modelingGroup: number;
  perspective: number;
  camouflageRatingsPerDay: number;
}

/** sim/world/adversaries/pileOn.ts */
export interface PileOnSpec extends AdversaryCommon {
  kind: 'pileOn';
  recruit: boolean;
  accountsPerTarget: number;
  waves: number;
  waveMinutes: number;
}

/** sim/world/adversaries/coordinatedRing.ts */
export interface CoordinatedRingSpec extends AdversaryCommon {
  kind: 'coordinatedRing';
  latencyMinutes: number;
  spreadMinutes: number;
  sharedCamouflagePerDay: number;
}

/** sim/world/adversaries/highVolumeSybils.ts */
export interface HighVolumeSybilsSpec extends AdversaryCommon {
  kind: 'highVolumeSybils';
  ratingsPerAccount: number;
  equalizeVolumes: boolean;
  agenda: 'verdict' | 'side';
}

/** sim/world/adversaries/writerRaterCollusion.ts */
export interface WriterRaterCollusionSpec extends AdversaryCommon {
  kind: 'writerRaterCollusion';
  writers: number;
  notesPerWriter: number;
  noteHelpfulness: number;
  latencyMinutes: number;
}

/** sim/world/adversaries/targetedSuppression.ts */
export interface TargetedSuppressionSpec extends AdversaryCommon {
  kind: 'targetedSuppression';
  ratingsPerHour: number;
}

/** sim/world/adversaries/badRaters.ts */
export interface BadRatersSpec extends AdversaryCommon {
  kind: 'badRaters';
  share: number;
  frequency: number;
  factorBias: number;
  targeted: boolean;
}

/** Fields of every post adversary (sim/world/adversaries/post*.ts): targets.count and targets.side pick posts. */
export interface PostAdversaryCommon extends AdversaryCommon {
  actionsPerHour: number;
  minLingers: number;
}

/** sim/world/adversaries/postLikeWave.ts */
export interface PostLikeWaveSpec extends PostAdversaryCommon {
  kind: 'postLikeWave';
  recruit: boolean;
}

/** sim/world/adversaries/postDislikeVeto.ts */
export interface PostDislikeVetoSpec extends PostAdversaryCommon {
  kind: 'postDislikeVeto';
  recruit: boolean;
}

/** sim/world/adversaries/postFactorLaundering.ts */
export interface PostFactorLaunderingSpec extends PostAdversaryCommon {
  kind: 'postFactorLaundering';
}

/** sim/world/adversaries/postMFlooding.ts */
export interface PostMFloodingSpec extends PostAdversaryCommon {
  kind: 'postMFlooding';
}

/** Adversaries acting on post likes and dislikes. */
export type PostAdversarySpec = PostLikeWaveSpec | PostDislikeVetoSpec | PostFactorLaunderingSpec | PostMFloodingSpec;

/** One entry of scenario.adversaries, discriminated by `kind`. */
export type AdversarySpec =
  | PileOnSpec
  | CoordinatedRingSpec
  | HighVolumeSybilsSpec
  | WriterRaterCollusionSpec
  | TargetedSuppressionSpec
  | BadRatersSpec
  | PostAdversarySpec;

/** A validated scenario: world, clock, channels, scoring, metrics, adversaries and comparisons. */
export interface Scenario {
  name: string;
  description: string;
  seed: number;
  world: WorldParams;
  time: TimeParams;
  channels: ChannelParams;
  scoring: ScoringParams;
  metrics: MetricParams;
  compare: CompareParams;
  posts: PostParams;
  adversaries: AdversarySpec[];
}
