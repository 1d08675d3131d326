import { fromPythonPattern, PY_SPACE } from './pythonText.ts';

/** Topics enum (codes as in the reference's `Topics`). */
export const Topic = {
  Unassigned: 0,
  UkraineConflict: 1,
  GazaConflict: 2,
  MessiRonaldo: 3,
  Scams: 4,
  InDimensionTwo: 5,
} as const;
export type TopicCode = (typeof Topic)[keyof typeof Topic];

/** Topic names by code. */
export const TOPIC_NAMES = [
  'Unassigned',
  'UkraineConflict',
  'GazaConflict',
  'MessiRonaldo',
  'Scams',
  'InDimensionTwo',
] as const;
export const N_TOPICS = TOPIC_NAMES.length;

/** Seed terms per topic (Python regex fragments, scoring-core.md §4 step 2). */
export const SEED_TERMS: Readonly<Record<Exclude<TopicCode, 0>, readonly string[]>> = {
  [Topic.UkraineConflict]: ['ukrain', 'russia', 'kiev', 'kyiv', 'moscow', 'zelensky', 'putin'],
  [Topic.GazaConflict]: ['israel', 'palestin', 'gaza', 'jerusalem', '\\bhamas\\b'],
  [Topic.MessiRonaldo]: ['messi\\b', 'ronaldo'],
  [Topic.Scams]: [
    'scam',
    'undisclosed\\sad',
    'terms\\sof\\sservice',
    'help\\.x\\.com',
    'x\\.com/tos',
    'engagement\\sfarm',
    'spam',
    'gambling',
    'apostas',
    'apuestas',
    'dropship',
    'drop\\sship',
    'promotion',
  ],
  [Topic.InDimensionTwo]: [
    '\\bugc\\b',
    '\\bgc\\b',
    '\\bobc\\b',
    '\\bsc\\b',
    '\\bsc[,\\s]+st\\b',
    '\\bst[,\\s]+sc\\b',
    'आरक्षण',
  ],
};

/** Largest probability mass on other classes that still lets a post keep its seed topic (§4 step 4). */
export const UNASSIGNED_THRESHOLD: readonly number[] = [NaN, 0.99, 0.99, 0.99, 0.99, 0.98];

/** Seed terms containing an escaped dot (URL terms), in SEED_TERMS order. */
export function seedTermsWithPeriods(): string[] {
  return Object.values(SEED_TERMS).flatMap((terms) => terms.filter((t) => t.includes('\\.')));
}

/**
 * The anchoring rule of §4 step 2: URL terms and terms starting with `\b` or `\s` are used as they are; every
 * other term must follow whitespace or the start of the text.
 */
export function anchoredSeedPattern(term: string): string {
  if (term.includes('\\.') || term.startsWith('\\b') || term.startsWith('\\s')) return fromPythonPattern(term);
  return `(?:${PY_SPACE}|^)${fromPythonPattern(term)}`;
}

let seedRegex: RegExp | null = null;

/** One regex with a named group per topic, matched case-insensitively (Python's finditer semantics). */
export function seedRegExp(): RegExp {
  if (seedRegex === null) {
    const groups = Object.entries(SEED_TERMS).map(
      ([code, terms]) => `(?<${TOPIC_NAMES[Number(code)]}>${terms.map(anchoredSeedPattern).join('|')})`,
    );
    seedRegex = new RegExp(groups.join('|'), 'giu');
  }
  return seedRegex;
}

/** Seed labels of post texts: `labels[i]` is the single matched topic (0 when none or several); `conflicted[i]`
 * lists the matched topics (ascending) when several matched, else null. */
export interface SeedLabels {
  labels: Int8Array;
  conflicted: (number[] | null)[];
}

/**
 * Seed labels already computed, by post text (labelling is a pure function of the text): share one between the
 * training and prediction of a run, or across the runs of a simulation, where most posts keep their text.
 * Treat the `conflicted` arrays as read-only.
 */
export type SeedLabelCache = Map<string, { label: number; conflicted: number[] | null }>;

/**
 * Seed labels of post texts (§4 step 2): every non-overlapping match of the seed regex over the lower-cased
 * text adds its topic; exactly one topic → that label, several → Unassigned and conflicted.
 *
 * @example seedLabels(['putin and gaza', 'nonscam']) // labels [0, 0], conflicted [[1, 2], null]
 * With `cache`, texts found there are not matched again and new ones are added.
 */
export function seedLabels(texts: readonly string[], cache?: SeedLabelCache): SeedLabels {
  const re = seedRegExp();
  const labels = new Int8Array(texts.length);
  const conflicted: (number[] | null)[] = new Array(texts.length).fill(null);
  texts.forEach((text, i) => {
    const known = cache?.get(text);
    if (known !== undefined) {
      labels[i] = known.label;
      conflicted[i] = known.conflicted;
      return;
    }
    const found = new Set<number>();
    for (const m of text.toLowerCase().matchAll(re)) {
      for (let code = 1; code < N_TOPICS; code++) if (m.groups?.[TOPIC_NAMES[code]] !== undefined) found.add(code);
    }
    if (found.size === 1) labels[i] = [...found][0];
    else if (found.size > 1) conflicted[i] = [...found].sort((a, b) => a - b);
    cache?.set(text, { label: labels[i], conflicted: conflicted[i] });
  });
  return { labels, conflicted };
}
