import type { RandomSource } from '../random/random.ts';
import { randomInt } from './sampling.ts';

/**
 * Words of simulated note summaries. Topic notes carry one seed term of the scorer's topic model (scoring-core.md
 * §4) plus topic vocabulary that is not a seed term, so the model's classifier has words to learn from; the other
 * notes use general words only.
 */
export const TOPIC_WORDS: Readonly<Record<string, { seeds: readonly string[]; words: readonly string[] }>> = {
  UkraineConflict: {
    seeds: ['ukraine', 'russia', 'kyiv', 'moscow', 'putin', 'zelensky'],
    words: [
      'sanctions',
      'frontline',
      'kremlin',
      'donbas',
      'missile',
      'troops',
      'invasion',
      'nato',
      'artillery',
      'kharkiv',
    ],
  },
  GazaConflict: {
    seeds: ['israel', 'gaza', 'palestinian', 'jerusalem', 'hamas'],
    words: [
      'ceasefire',
      'hostages',
      'airstrike',
      'humanitarian',
      'rafah',
      'netanyahu',
      'westbank',
      'idf',
      'aid',
      'border',
    ],
  },
  MessiRonaldo: {
    seeds: ['messi', 'ronaldo'],
    words: [
      'football',
      'worldcup',
      'striker',
      'barcelona',
      'ballon',
      'penalty',
      'goal',
      'madrid',
      'league',
      'transfer',
    ],
  },
  Scams: {
    seeds: ['scam', 'spam', 'gambling', 'promotion', 'dropship'],
    words: [
      'giveaway',
      'crypto',
      'wallet',
      'phishing',
      'investment',
      'offer',
      'prize',
      'fraudulent',
      'impersonation',
      'payout',
    ],
  },
};

const GENERAL_WORDS = [
  'source',
  'report',
  'data',
  'official',
  'context',
  'claim',
  'statement',
  'video',
  'image',
  'study',
  'published',
  'agency',
  'figures',
  'records',
  'missing',
  'original',
  'shows',
  'according',
  'confirms',
  'different',
  'location',
  'date',
  'quote',
  'edited',
  'the',
  'is',
  'and',
  'to',
  'in',
  'this',
  'was',
  'were',
  'not',
  'from',
  'older',
  'photo',
  'clip',
  'taken',
  'year',
  'survey',
  'government',
  'website',
  'article',
  'researchers',
  'experts',
];

/**
 * A note summary: 10–17 words, about `topic` when it names a key of TOPIC_WORDS ('' = no topic: general words
 * only; otherwise 8–10 topical words, so that the topic classifier learns topics from a few hundred notes), ending
 * with a source URL, e.g. "Figures kremlin shows ukraine sanctions context the report. https://example.org/source/123".
 */
export function noteSummary(random: RandomSource, topic: string): string {
  const words: string[] = [];
  const n = 10 + randomInt(random, 8);
  const vocab = topic === '' ? null : TOPIC_WORDS[topic];
  const topical = vocab ? Math.min(n - 1, 8 + randomInt(random, 3)) : 0;
  for (let i = 0; i < n - topical; i++) words.push(GENERAL_WORDS[randomInt(random, GENERAL_WORDS.length)]);
  if (vocab) {
    words.splice(randomInt(random, words.length + 1), 0, vocab.seeds[randomInt(random, vocab.seeds.length)]);
    for (let i = 1; i < topical; i++)
      words.splice(randomInt(random, words.length + 1), 0, vocab.words[randomInt(random, vocab.words.length)]);
  }
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}. https://example.org/source/${100000 + randomInt(random, 900000)}`;
}
