import { PY_BOUNDARY, PY_SPACE_CHARS, PY_WORD, preprocessText } from './pythonText.ts';
import { SEED_TERMS, seedTermsWithPeriods } from './seedTopics.ts';

let tokenRegex: RegExp | null = null;

/** The tokenizer regex: a URL seed term (optional scheme and trailing path; the term is captured) or a word of
 * ≥ 2 Python word characters. */
function tokenRegExp(): RegExp {
  if (tokenRegex === null) {
    const seeds = seedTermsWithPeriods().map((t) => `(?:https?://)?(${t})(?:/[^${PY_SPACE_CHARS}]+)?`);
    const word = `${PY_BOUNDARY}${PY_WORD}${PY_WORD}+${PY_BOUNDARY}`;
    tokenRegex = new RegExp([...seeds, word].join('|'), 'giu');
  }
  return tokenRegex;
}

/**
 * The reference's custom tokenizer (§4 step 3): lower case and accent stripping (applied twice, as the
 * vectorizer preprocesses and the tokenizer preprocesses again), then the URL seed terms (help.x.com,
 * x.com/tos) as single tokens and every other run of ≥ 2 word characters.
 *
 * @example tokenize('Señor https://help.x.com/rules a b cd') // ['senor', 'help.x.com', 'cd']
 */
export function tokenize(text: string): string[] {
  const prepared = preprocessText(preprocessText(text));
  const tokens: string[] = [];
  for (const m of prepared.matchAll(tokenRegExp())) {
    let seed: string | undefined;
    for (let g = 1; g < m.length && seed === undefined; g++) seed = m[g];
    tokens.push(seed ?? m[0]);
  }
  return tokens;
}

let blocked: string[] | null = null;

/**
 * Substrings that make a vocabulary token a stop word: each seed term with `\s`/`\b` removed, and each seed
 * term with every backslash-plus-character turned into "." (the reference's substitutions, reproduced
 * literally: `\bhamas\b` gives "hamas" and ".hamas.", `\bsc\b` gives "sc").
 */
export function blockedSubstrings(): string[] {
  if (blocked === null) {
    const set = new Set<string>();
    for (const terms of Object.values(SEED_TERMS)) {
      for (const t of terms) {
        set.add(t.trim().replace(/\\[sb]/g, ''));
        set.add(t.trim().replace(/\\[\s\S]/g, '.'));
      }
    }
    blocked = [...set];
  }
  return blocked;
}

/** Whether a token contains a seed term (it is then excluded from the classifier's features). */
export function isStopWord(token: string): boolean {
  return blockedSubstrings().some((b) => token.includes(b));
}
