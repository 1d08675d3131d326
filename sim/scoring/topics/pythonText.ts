/**
 * Python `re` / scikit-learn text semantics in JavaScript: JS `\w`, `\b` and `\s` are ASCII-only or differ
 * from Python's Unicode-aware ones, so the topic model uses these equivalents.
 */

/** Characters of Python's `\w` in str patterns: letters, numbers, underscore (marks are NOT word characters). */
export const PY_WORD_CHARS = '\\p{L}\\p{N}_';
/** Python's `\w`. */
export const PY_WORD = `[${PY_WORD_CHARS}]`;
/** Characters of Python's `\s` (str.isspace): note U+001C–U+001F and U+0085 are spaces, U+FEFF is not. */
export const PY_SPACE_CHARS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python's `\s`. */
export const PY_SPACE = `[${PY_SPACE_CHARS}]`;
/** Python's Unicode `\b`. */
export const PY_BOUNDARY = `(?:(?<=${PY_WORD})(?!${PY_WORD})|(?<!${PY_WORD})(?=${PY_WORD}))`;

/**
 * Translates a Python regular-expression fragment to a JS pattern for the `u` flag: `\b`, `\s`, `\w` (also
 * inside character classes) get Python's Unicode meaning; other escapes are copied.
 *
 * @example new RegExp(fromPythonPattern('\\bsc[,\\s]+st\\b'), 'u')
 */
export function fromPythonPattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      if (next === 's') out += inClass ? PY_SPACE_CHARS : PY_SPACE;
      else if (next === 'w') out += inClass ? PY_WORD_CHARS : PY_WORD;
      else if (next === 'b' && !inClass) out += PY_BOUNDARY;
      else out += '\\' + next;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

const cccCache = new Map<string, boolean>();

/**
 * Whether a (fully decomposed) character has a non-zero canonical combining class, found through canonical
 * reordering: a mark with class c in (0, 240) moves before U+0345 (class 240); one with class > 1 moves after
 * U+0334 (class 1).
 */
export function hasCombiningClass(ch: string): boolean {
  let v = cccCache.get(ch);
  if (v === undefined) {
    const a = 'a\u0345' + ch;
    const b = 'a' + ch + '\u0334';
    v = a.normalize('NFD') !== a || b.normalize('NFD') !== b;
    cccCache.set(ch, v);
  }
  return v;
}

/**
 * scikit-learn's `strip_accents="unicode"`: ASCII text unchanged, else NFKD with every character of non-zero
 * combining class removed.
 */
export function stripAccents(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const ch of text.normalize('NFKD')) {
    if (ch.charCodeAt(0) < 0x80 || !hasCombiningClass(ch)) out += ch;
  }
  return out;
}

/** scikit-learn's default preprocessing with `strip_accents="unicode"`: lower case, then accent stripping. */
export function preprocessText(text: string): string {
  return stripAccents(text.toLowerCase());
}
