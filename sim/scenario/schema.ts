/**
 * The scenario schema as data: one row per field with its type, default, allowed range and meaning.
 * validateScenario.ts walks these tables; the dashboard can render them as a parameter form.
 * Paths are dotted (`world.raters`); adversary fields are relative to one entry of `adversaries`.
 */
import { metaRules } from '../scoring/meta/metaRules.ts';
import { ENGINE_NAMES } from '../scoring/mf/engines.ts';
import { pipelineSafeguardNames } from '../scoring/pipelineSafeguards.ts';
import { SCORER_RULES } from '../scoring/rules/scorerRules.ts';
import { scorerCatalogue } from '../scoring/scorers/catalogue.ts';
import { SCORING_PROFILE_NAMES } from '../scoring/scoringProfiles.ts';
import { FACTOR_SPLIT_POINT, MIN_LINGERS, POST_RULE_NAMES, QUANTILE_THRESHOLD } from '../posts/postRules.ts';
import { TARGET_SELECTORS, VERDICTS, WORLD_MODELS, type AdversaryKind } from './scenarioTypes.ts';

interface FieldBase {
  path: string;
  description: string;
}
/** A number field; `integer` restricts it to whole numbers. */
export interface NumberField extends FieldBase {
  kind: 'number';
  integer: boolean;
  default: number;
  min: number;
  max: number;
}
/** A true/false field. */
export interface BooleanField extends FieldBase {
  kind: 'boolean';
  default: boolean;
}
/** A free-text field of bounded length. */
export interface StringField extends FieldBase {
  kind: 'string';
  default: string;
  maxLength: number;
}
/** A field taking one of `values`. */
export interface EnumField extends FieldBase {
  kind: 'enum';
  values: readonly (string | number)[];
  default: string | number;
}
/** A list of strings; `values` (when set) lists the allowed entries. */
export interface StringListField extends FieldBase {
  kind: 'stringList';
  default: readonly string[];
  values?: () => readonly string[];
}
/** One row of the schema. */
export type FieldSpec = NumberField | BooleanField | StringField | EnumField | StringListField;

const int = (path: string, def: number, min: number, max: number, description: string): NumberField => ({
  path,
  kind: 'number',
  integer: true,
  default: def,
  min,
  max,
  description,
});
const num = (path: string, def: number, min: number, max: number, description: string): NumberField => ({
  path,
  kind: 'number',
  integer: false,
  default: def,
  min,
  max,
  description,
});
const bool = (path: string, def: boolean, description: string): BooleanField => ({
  path,
  kind: 'boolean',
  default: def,
  description,
});
const oneOf = (
  path: string,
  values: readonly (string | number)[],
  def: string | number,
  description: string,
): EnumField => ({
  path,
  kind: 'enum',
  values,
  default: def,
  description,
});

/** Topics a post can be about (names of the scorer's topic model; '' = none). */
export const WORLD_TOPICS = ['UkraineConflict', 'GazaConflict', 'MessiRonaldo', 'Scams'] as const;

const HOUR_MAX = 24 * 365;

/** Posts "liked by people who disagree" (robustness §12): pilot, boosts, lingers, likes; off by default. */
export const POST_FIELDS: readonly FieldSpec[] = [
  bool(
    'posts.enabled',
    false,
    'Simulate the post pilot (§12): boosts, lingers, likes and dislikes, post scoring at every run.',
  ),
  num('posts.admittedShare', 0.3, 0, 1, 'Share of organic raters admitted to the post pilot (post raters).'),
  num('posts.boostedShare', 1, 0, 1, 'Share of posts that get the callout (boosted).'),
  num('posts.boostDelayHours', 2, 0, 240, 'Mean delay between a post and its first boost.'),
  num('posts.reboostShare', 0.3, 0, 1, 'Probability that a boost is followed by another one.'),
  num('posts.reboostDelayHours', 48, 0.1, HOUR_MAX, 'Mean delay between boosts of one post.'),
  int('posts.maxBoosts', 3, 1, 100, 'Most boosts a post gets.'),
  num(
    'posts.lingersPerBoost',
    300,
    0,
    1_000_000,
    'Mean callout impressions (lingers) of one boost of a post of virality 1.',
  ),
  num('posts.boostHalfLifeHours', 12, 0.1, HOUR_MAX, 'Half-life of the impressions a boost gets.'),
  num(
    'posts.homophily',
    1,
    0,
    20,
    "Audience lean: a viewer is on the + side with probability sigmoid(this × the post's first slant coordinate).",
  ),
  num(
    'posts.actShare',
    0.35,
    0,
    1,
    'Probability that a callout impression leads to a like, dislike or neutral rating.',
  ),
  num('posts.appealMean', 0, -5, 5, 'Mean true cross-perspective appeal of posts.'),
  num('posts.appealSd', 1, 0, 5, 'Spread of the true cross-perspective appeal.'),
  num(
    'posts.appealWeight',
    1.5,
    0,
    10,
    'Weight of appeal in a post rating: y = this·appeal + alignmentWeight·(perspective·slant) + leniency.',
  ),
  num('posts.alignmentWeight', 2.5, 0, 10, 'Weight of perspective·slant in a post rating.'),
  num('posts.likeOffset', 0.5, -5, 10, 'P(like) = sigmoid(y − this).'),
  num(
    'posts.dislikeOffset',
    4.5,
    -5,
    10,
    'P(dislike) = sigmoid(−y − this); otherwise a neutral rating (NOT_APPLICABLE likes).',
  ),
  num('posts.eligibleDays', 7, 0, 365, 'Boosts created within this many days before a run are eligibleForActiveState.'),
  num(
    'posts.crossSideAppeal',
    1,
    -10,
    10,
    'A post is truly cross-side when its true appeal is at least this (post ranking metrics).',
  ),
  int('posts.rankK', 20, 1, 100_000, 'k of precision and recall at k in the post ranking metrics.'),
  num(
    'posts.factorSplitPoint',
    FACTOR_SPLIT_POINT,
    0,
    10,
    '§12 FACTOR_SPLIT_POINT: L below −this, R at or above this.',
  ),
  int(
    'posts.minLingers',
    MIN_LINGERS,
    0,
    1_000_000,
    '§12 MIN_LINGERS: candidates need more lingers than this from L and R.',
  ),
  num(
    'posts.quantileThreshold',
    QUANTILE_THRESHOLD,
    0,
    1,
    '§12 QUANTILE_THRESHOLD of the totalPos and minPos cut-offs.',
  ),
  {
    path: 'posts.disabledRules',
    kind: 'stringList',
    default: [],
    description: '§12 conditions switched off (LingerGate, DislikeVeto, EligibilityGate, TotalPosPath, MinPosPath).',
    values: () => POST_RULE_NAMES,
  },
];

/**
 * The latent-factor world (world/latentWorld.ts, arXiv 2511.02615). Defaults: the softmax form and the ground-truth
 * rule (0.4, 0.5) are the study's; the other values are Bridgelab's choice (datasets/scenarios/README.md).
 */
export const LATENT_FIELDS: readonly FieldSpec[] = [
  num('world.latent.mu', 0.2, -3, 3, 'Latent world: global intercept μ of the rating model.'),
  num(
    'world.latent.temperature',
    3,
    0.01,
    100,
    'Latent world: softmax temperature γ on x = ½ − (μ + i_u + i_n + f_u·f_n); 3 makes the expected rating change one for one with the score near ½.',
  ),
  num(
    'world.latent.raterInterceptSd',
    0.15,
    0,
    3,
    'Latent world: rater intercepts i_u ~ N(0, this) (helpfulness spread).',
  ),
  num(
    'world.latent.raterPolarization',
    0.8,
    0,
    3,
    'Latent world: rater factors f_u = ±this (each side with probability ½) + N(0, factorSd).',
  ),
  num('world.latent.notePolarization', 0.4, 0, 3, 'Latent world: note factors f_n = ±this + N(0, factorSd).'),
  num('world.latent.factorSd', 0.3, 0, 3, 'Latent world: spread of rater and note factors around their side.'),
  num('world.latent.noteInterceptMean', 0, -3, 3, 'Latent world: note intercepts i_n ~ N(this, noteInterceptSd).'),
  num('world.latent.noteInterceptSd', 0.5, 0, 3, 'Latent world: spread of note intercepts.'),
  num(
    'world.latent.homophily',
    0,
    0,
    1,
    'Latent world: rater–note homophily; a rating across sides (f_u·f_n < 0) goes ahead with probability 1 − this.',
  ),
  num('world.latent.helpfulIntercept', 0.4, -3, 3, 'Latent world: a note is truly helpful when i_n > this …'),
  num('world.latent.helpfulFactor', 0.5, 0, 3, '… and |f_n| < this.'),
];

/** Every top-level scenario field except `adversaries` (see ADVERSARY_FIELDS). */
export const SCENARIO_FIELDS: readonly FieldSpec[] = [
  {
    path: 'name',
    kind: 'string',
    default: 'custom',
    maxLength: 80,
    description: 'Short name used in reports and file names.',
  },
  { path: 'description', kind: 'string', default: '', maxLength: 4000, description: 'What the scenario shows.' },
  int(
    'seed',
    42,
    0,
    2 ** 32 - 1,
    'Seed of every random draw (world, behaviour, adversaries, scoring); the CLI --seed overrides it.',
  ),

  oneOf(
    'world.model',
    WORLD_MODELS,
    'organic',
    'organic: the behavioural model (helpfulness, perspective × slant, leniency); latent: the latent-factor model of arXiv 2511.02615 (world.latent.*).',
  ),
  ...LATENT_FIELDS,
  int('world.raters', 2000, 2, 1_000_000, 'Organic raters.'),
  int('world.notes', 1000, 1, 1_000_000, 'Organic notes written during the simulated period.'),
  int(
    'world.ratings',
    60_000,
    0,
    100_000_000,
    'Organic ratings over the whole period (spread over time by note attention).',
  ),
  num('world.notesPerPost', 1.5, 1, 50, 'Mean number of notes per post (viral posts attract more).'),
  oneOf('world.perspectiveDims', [1, 2], 1, 'Dimensions of rater perspective and note slant.'),
  num('world.perspectiveMode', 0.5, 0, 1, "Raters' first perspective coordinate: two modes at ±this value."),
  num('world.perspectiveSd', 0.35, 0, 2, 'Spread of each perspective mode (clipped to [-1, 1]).'),
  num('world.secondDimSd', 0.5, 0, 2, 'Spread of the second perspective coordinate (2-D worlds).'),
  num('world.secondDimWeight', 1, 0, 10, 'Weight of the second coordinate in perspective·slant (2-D worlds).'),
  num('world.leniencySd', 0.3, 0, 3, 'Rater leniency ~ N(0, this): shifts every verdict towards Helpful.'),
  num('world.activitySigma', 1.0, 0, 3, 'Heavy-tailed rater activity: log-normal sigma of the rating propensity.'),
  num('world.helpfulnessWeight', 1.5, 0, 10, "beta: weight of the note's true helpfulness in a verdict."),
  num('world.alignmentWeight', 2.5, 0, 10, 'gamma: weight of perspective·slant in a verdict.'),
  num('world.verdictOffset', 0.6, 0, 5, 'P(helpful) = sigmoid(x - offset), P(not helpful) = sigmoid(-x - offset).'),
  num('world.authorFraction', 0.25, 0, 1, 'Share of raters who also write notes.'),
  num('world.writerQualitySd', 0.5, 0, 3, "Spread of human writers' mean note helpfulness (mean 0)."),
  num('world.noteNoiseSd', 0.85, 0, 3, "Spread of a note's helpfulness around its writer's mean."),
  num(
    'world.slantFollowsAuthor',
    0.5,
    0,
    1,
    "How much a note's slant follows its author's perspective (0 = uniform slant).",
  ),
  int('world.aiWriters', 0, 0, 10_000, 'AI note writer accounts (write notes, never rate).'),
  num('world.aiNoteShare', 0.1, 0, 1, 'Share of notes written by AI writers when there are any.'),
  num('world.aiQualityMean', 0.2, -3, 3, 'Mean helpfulness of AI-written notes.'),
  num('world.aiQualitySd', 0.6, 0, 3, 'Spread of AI-written note helpfulness.'),
  num('world.notMisleadingFraction', 0.05, 0, 1, 'Share of notes classified NOT_MISLEADING.'),
  num(
    'world.topicFraction',
    0.2,
    0,
    1,
    "Share of posts about one of the scorer's topics (topic words in the note text).",
  ),
  num('world.abusiveFraction', 0.01, 0, 1, 'Share of notes raters tag as spam/harassment/abuse.'),
  num('world.viralitySigma', 1.0, 0, 3, 'Post virality ~ log-normal(0, this): attention and notes per post.'),
  num('world.noteDelayHours', 3, 0, 240, 'Mean delay between a post and a note on it.'),
  num(
    'world.expansionFraction',
    0.12,
    0,
    1,
    'Share of raters in the EXPANSION population (expansion modeling groups).',
  ),
  num('world.expansionPlusFraction', 0.03, 0, 1, 'Share of raters in the EXPANSION_PLUS population.'),
  num(
    'world.mainGroupFraction',
    0.6,
    0,
    1,
    'Share of CORE raters in modeling group 13 (needed for stable initialisation).',
  ),
  num(
    'world.groupLocality',
    0.7,
    0,
    1,
    "Probability that a self-selected rating goes to a note of the rater's own modeling group.",
  ),
  num('world.unenrolledFraction', 0, 0, 1, 'Share of raters absent from userEnrollment.'),
  num('world.newUserFraction', 0.25, 0, 1, 'Share of enrolled raters in enrollmentState newUser (the rest earnedIn).'),

  int(
    'time.startMillis',
    1_748_736_000_000,
    1_664_755_200_001,
    4_102_444_800_000,
    'Simulated start time (ms since epoch).',
  ),
  num('time.days', 14, 0.01, 365, 'Simulated duration in days.'),
  int(
    'time.stepMinutes',
    60,
    1,
    1440,
    'Simulation step: ratings are generated step by step, statuses change only at scoring runs.',
  ),
  num('time.scoringEveryHours', 6, 0.05, HOUR_MAX, 'Scoring cadence; must be a whole number of steps.'),
  num('time.attentionHalfLifeHours', 24, 0.1, HOUR_MAX, 'Half-life of the attention a note gets after it is written.'),

  num(
    'channels.needsYourHelpShare',
    0.2,
    0,
    1,
    'Share of organic ratings from the needs-your-help feed (young NMR notes with few ratings).',
  ),
  num(
    'channels.populationSampledShare',
    0.05,
    0,
    1,
    'Share of organic ratings from population-sampled notifications (random raters, POPULATION_SAMPLED).',
  ),
  num('channels.shownExposure', 4, 1, 100, 'Attention multiplier of a note shown as Helpful.'),
  num(
    'channels.previewExposure',
    2,
    1,
    100,
    'Attention multiplier of a note in proposed-note preview (stabilization).',
  ),
  int(
    'channels.needsYourHelpMaxRatings',
    30,
    1,
    100_000,
    'Notes with at least this many ratings leave the needs-your-help feed.',
  ),
  int(
    'channels.populationSampledMinRatings',
    5,
    0,
    100_000,
    'Notes need this many ratings before population sampling asks about them.',
  ),

  oneOf(
    'scoring.profile',
    SCORING_PROFILE_NAMES,
    'full',
    'Scorer profile (scoring/scoringProfiles.ts): full, or published-simplified (Core only, PSS, pseudo-raters, flip prediction, low-diligence and tag filters off, every rating valid), expanded into scorers and disabledRules.',
  ),
  {
    path: 'scoring.keepRules',
    kind: 'stringList',
    default: [],
    description: 'Rules and pipeline safeguards the scoring.profile would switch off but that stay on.',
    values: () => ruleNames(),
  },
  {
    path: 'scoring.scorers',
    kind: 'stringList',
    default: [],
    description: 'Scorers to run (e.g. MFCoreScorer); empty = the whole catalogue.',
    values: () => scorerNames(),
  },
  {
    path: 'scoring.disabledRules',
    kind: 'stringList',
    default: [],
    description:
      'Rules switched off in every run (per-scorer and meta rule names, with or without the version, and pipeline safeguards such as PostSelectionCoalescing).',
    values: () => ruleNames(),
  },
  oneOf('scoring.engine', ENGINE_NAMES, 'typed', 'Matrix-factorisation engine.'),
  num(
    'scoring.prescoreEveryHours',
    0,
    0,
    HOUR_MAX,
    'Production cadence: run prescoring only this often and let the scoring runs between reuse its rater parameters (0 = prescore in every run); a multiple of time.scoringEveryHours.',
  ),
  bool(
    'scoring.incremental',
    false,
    "Production cadence: rescore only the notes production would (new ratings, new or flipped notes, stabilization, locking) and carry the others' previous outputs.",
  ),

  num('metrics.helpfulThreshold', 0.5, -10, 10, 'A note is truly helpful when its helpfulness is at least this.'),
  num('metrics.unhelpfulThreshold', 0, -10, 10, 'A note is truly unhelpful when its helpfulness is below this.'),

  bool(
    'compare.counterfactual',
    true,
    'With adversaries: also run the same world and seed without them (attack success).',
  ),
  {
    path: 'compare.abDisabledRules',
    kind: 'stringList',
    default: [],
    description:
      'A/B of safeguards: when non-empty, also run the same world and seed with these rules (or pipeline safeguards such as PostSelectionCoalescing) switched off.',
    values: () => ruleNames(),
  },
  ...POST_FIELDS,
];

/** Fields of every adversary entry. */
export const ADVERSARY_COMMON_FIELDS: readonly FieldSpec[] = [
  {
    path: 'label',
    kind: 'string',
    default: '',
    maxLength: 80,
    description: 'Name in reports (default: kind and position).',
  },
  num('startHours', 24, 0, HOUR_MAX, 'When the attack starts, hours after the simulated start.'),
  num('durationHours', 72, 0, HOUR_MAX, 'How long it lasts.'),
  int('size', 10, 1, 100_000, 'Accounts taking part.'),
  int('budget', 5000, 0, 10_000_000, 'Maximum attack ratings (camouflage ratings not counted).'),
  oneOf(
    'targets.selector',
    TARGET_SELECTORS,
    'slant',
    "Which notes: any, slant (slant sign = side), topic, helpful/unhelpful (truth), own (the adversary's notes).",
  ),
  int('targets.count', 50, 0, 1_000_000, 'Maximum notes targeted.'),
  oneOf('targets.side', [-1, 1], 1, 'Slant sign of slant targets (first coordinate).'),
  oneOf('targets.topic', ['', ...WORLD_TOPICS], '', 'Topic of topic targets.'),
  bool('targets.includeExisting', true, 'Also target notes written before the start.'),
  oneOf('verdict', VERDICTS, 'HELPFUL', 'Verdict the attackers give targets.'),
  int('modelingGroup', 13, 0, 33, 'Modeling group the attack accounts are enrolled in.'),
  num(
    'perspective',
    0.6,
    -1,
    1,
    "First perspective coordinate of attack accounts (camouflage ratings); its sign is the attackers' side (recruits, side agendas; 0 recruits from both sides). A coordinatedRing may take the sign opposite to targets.side: a bridging forgery.",
  ),
  num(
    'camouflageRatingsPerDay',
    2,
    0,
    1000,
    'Ordinary ratings per account per day from the simulated start (builds rater history).',
  ),
];

/** Fields of every post adversary: targets.count and targets.side (slant sign) pick the posts, budget counts post actions. */
const POST_ADVERSARY_FIELDS: readonly FieldSpec[] = [
  num('actionsPerHour', 30, 0.01, 100_000, 'Post likes or dislikes per hour across all accounts.'),
  int(
    'minLingers',
    30,
    0,
    100_000,
    'A post becomes a target once it has this many callout impressions from each side (it reached both sides).',
  ),
];

/** Kind-specific adversary fields. */
export const ADVERSARY_FIELDS: Readonly<Record<AdversaryKind, readonly FieldSpec[]>> = {
  pileOn: [
    bool('recruit', true, 'Recruit existing organic raters of the side instead of creating accounts.'),
    int('accountsPerTarget', 0, 0, 100_000, 'Accounts rating each target (drawn at random; 0 = all of them).'),
    int('waves', 3, 1, 1000, 'Waves spread evenly over the duration.'),
    num('waveMinutes', 90, 1, 10_000, 'Length of one wave.'),
  ],
  coordinatedRing: [
    num(
      'latencyMinutes',
      10,
      0,
      100_000,
      'Delay between a target note appearing (or the start) and the ring rating it.',
    ),
    num('spreadMinutes', 5, 0, 100_000, 'Members rate within this many minutes of each other.'),
    num(
      'sharedCamouflagePerDay',
      0,
      0,
      1000,
      'Camouflage notes a day rated by every member together (within spreadMinutes, each by its own perspective), from the simulated start: a history that places the ring in factor space and keeps its post selection shared.',
    ),
  ],
  highVolumeSybils: [
    int('ratingsPerAccount', 300, 1, 1_000_000, 'Ratings per account (upper bound when volumes are unequal).'),
    bool('equalizeVolumes', false, 'Every account rates exactly as much (ties defeat the 0.999-quantile flag).'),
    oneOf(
      'agenda',
      ['verdict', 'side'],
      'side',
      "verdict: always the verdict; side: Helpful on the side's notes, Not Helpful on the others.",
    ),
  ],
  writerRaterCollusion: [
    int('writers', 1, 1, 1000, 'Colluding writer accounts.'),
    int('notesPerWriter', 20, 1, 100_000, 'Notes each colluding writer posts during the attack.'),
    num('noteHelpfulness', -0.5, -5, 5, "True helpfulness of the colluders' notes."),
    num('latencyMinutes', 3, 0, 100_000, 'Colluding raters rate a new colluder note within this many minutes.'),
  ],
  targetedSuppression: [num('ratingsPerHour', 20, 0.01, 100_000, 'Attack ratings per hour across all accounts.')],
  badRaters: [
    num(
      'share',
      0.1,
      0,
      1,
      'Share of organic raters who are bad raters (recruited; size is ignored). They rate through the organic channels.',
    ),
    num(
      'frequency',
      1,
      0,
      1,
      'Probability that a bad rater rates a truly helpful (targeted) note Not Helpful; otherwise they rate honestly.',
    ),
    num(
      'factorBias',
      0,
      0,
      3,
      'Biased bad raters: recruited from the side opposite targets.side, their factor set to −targets.side × this; 0 = unbiased (recruited at random, own factors kept).',
    ),
    bool('targeted', false, 'Act only on notes whose true side (sign of the note factor) is targets.side.'),
  ],
  postLikeWave: [
    bool('recruit', true, 'Recruit admitted post raters of the side instead of creating accounts.'),
    ...POST_ADVERSARY_FIELDS,
  ],
  postDislikeVeto: [
    bool('recruit', true, 'Recruit admitted post raters of the side instead of creating accounts.'),
    ...POST_ADVERSARY_FIELDS,
  ],
  postFactorLaundering: POST_ADVERSARY_FIELDS,
  postMFlooding: POST_ADVERSARY_FIELDS,
};

/** Names accepted in scoring.scorers: the scorer catalogue. */
export function scorerNames(): readonly string[] {
  return scorerCatalogue().map((c) => c.name);
}

/**
 * Names accepted in rule lists: every per-scorer rule and every meta rule, with their versions, then the pipeline
 * safeguards (e.g. PostSelectionCoalescing, see scoring/pipelineSafeguards.ts).
 */
export function ruleNames(): readonly string[] {
  return [
    ...new Set([...SCORER_RULES.map((r) => r.name), ...metaRules().map((r) => r.name), ...pipelineSafeguardNames()]),
  ];
}
