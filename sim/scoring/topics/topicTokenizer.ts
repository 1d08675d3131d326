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
  if (prepared.length <= REGEX_MAX_LENGTH) {
    matchTokens(prepared, tokens);
    return tokens;
  }
  // No token spans whitespace, so pieces between whitespace tokenize alone; an over-long piece (a 50 MB cell)
  // would overflow the regex engine's backtracking stack (its word loop is variable-width under the u flag).
  for (const piece of prepared.split(spaceRun())) {
    if (piece.length <= REGEX_MAX_LENGTH) matchTokens(piece, tokens);
    else scanTokens(piece, tokens);
  }
  return tokens;
}

/** Longest text the tokenizer regex is run over at once (real note summaries have at most a few hundred). */
export const REGEX_MAX_LENGTH = 1 << 16;

function matchTokens(text: string, tokens: string[]): void {
  for (const m of text.matchAll(tokenRegExp())) {
    let seed: string | undefined;
    for (let g = 1; g < m.length && seed === undefined; g++) seed = m[g];
    tokens.push(seed ?? m[0]);
  }
}

let spaceRe: RegExp | null = null;
const spaceRun = (): RegExp => (spaceRe ??= new RegExp(`[${PY_SPACE_CHARS}]+`, 'u'));

let seedHeadRe: RegExp | null = null;
let seedFirst: Set<string> | null = null;
let bmpWord: Uint8Array | null = null;
let wordRe: RegExp | null = null;

/**
 * The tokenizer regex's semantics as a loop, for one whitespace-free piece of any length: at each position the
 * URL seed terms (in order; a following "/" and anything after it is the path, to the end of the piece), else a
 * run of ≥ 2 word characters starting at a word boundary, else the next code point. `tokenize` uses it past
 * REGEX_MAX_LENGTH; exported for the test that holds it equal to the regex.
 */
export function scanTokens(piece: string, tokens: string[]): void {
  const terms = seedTermsWithPeriods();
  seedHeadRe ??= new RegExp(terms.map((t) => `(?:https?://)?(${t})`).join('|'), 'iuy');
  seedFirst ??= new Set(['h', 'H', ...terms.flatMap((t) => [t[0].toLowerCase(), t[0].toUpperCase()])]);
  const n = piece.length;
  let p = 0;
  while (p < n) {
    if (seedFirst.has(piece[p])) {
      seedHeadRe.lastIndex = p;
      const m = seedHeadRe.exec(piece);
      if (m !== null) {
        let end = p + m[0].length;
        if (piece.charCodeAt(end) === 47 && end + 1 < n) end = n;
        let seed: string | undefined;
        for (let g = 1; g < m.length && seed === undefined; g++) seed = m[g];
        tokens.push(seed ?? m[0]);
        p = end;
        continue;
      }
    }
    const cp = piece.codePointAt(p)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isWordCodePoint(cp) && !wordBefore(piece, p)) {
      let e = p + width;
      let count = 1;
      while (e < n) {
        const c = piece.codePointAt(e)!;
        if (!isWordCodePoint(c)) break;
        e += c > 0xffff ? 2 : 1;
        count++;
      }
      if (count >= 2) {
        tokens.push(piece.slice(p, e));
        p = e;
        continue;
      }
    }
    p += width;
  }
}

function isWordCodePoint(cp: number): boolean {
  wordRe ??= new RegExp(`^${PY_WORD}$`, 'u');
  if (cp > 0xffff) return wordRe.test(String.fromCodePoint(cp));
  if (bmpWord === null) {
    bmpWord = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) bmpWord[c] = wordRe.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return bmpWord[cp] === 1;
}

/** Whether the code point just before offset p is a word character. */
function wordBefore(text: string, p: number): boolean {
  if (p === 0) return false;
  let cp = text.charCodeAt(p - 1);
  if (cp >= 0xdc00 && cp <= 0xdfff && p >= 2) {
    const hi = text.charCodeAt(p - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) cp = (hi - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
  }
  return isWordCodePoint(cp);
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
