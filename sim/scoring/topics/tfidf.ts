import { isStopWord } from './topicTokenizer.ts';

/** A sparse matrix in compressed-row form. */
export interface SparseRows {
  nRows: number;
  nCols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

/** A fitted TF-IDF vocabulary: terms in code-point order and their inverse document frequencies. */
export interface TfidfVocabulary {
  terms: string[];
  idf: Float64Array;
}

/**
 * Fits scikit-learn's CountVectorizer + TfidfTransformer defaults on tokenized documents: stop words (tokens
 * containing a seed term) removed; terms kept when minDf ≤ document frequency ≤ maxDf (absolute counts);
 * idf = ln((1 + n) / (1 + df)) + 1. Returns the vocabulary (empty when nothing survives) and the documents'
 * L2-normalised TF-IDF rows.
 */
export function fitTfidf(
  docs: readonly string[][],
  minDf: number,
  maxDf: number,
): { vocab: TfidfVocabulary; X: SparseRows } {
  const df = new Map<string, number>();
  const stop = new Map<string, boolean>();
  for (const doc of docs) {
    for (const term of new Set(doc)) {
      let s = stop.get(term);
      if (s === undefined) stop.set(term, (s = isStopWord(term)));
      if (!s) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const terms = [...df.keys()].filter((t) => df.get(t)! >= minDf && df.get(t)! <= maxDf).sort(compareCodePoints);
  const n = docs.length;
  const idf = Float64Array.from(terms, (t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
  const vocab = { terms, idf };
  return { vocab, X: transformTfidf(vocab, docs) };
}

/** TF-IDF rows of tokenized documents over a fitted vocabulary (unknown tokens ignored), L2-normalised. */
export function transformTfidf(vocab: TfidfVocabulary, docs: readonly string[][]): SparseRows {
  const index = new Map(vocab.terms.map((t, j) => [t, j]));
  const indptr = new Int32Array(docs.length + 1);
  const indices: number[] = [];
  const data: number[] = [];
  docs.forEach((doc, i) => {
    const counts = new Map<number, number>();
    for (const token of doc) {
      const j = index.get(token);
      if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    const cols = [...counts.keys()].sort((a, b) => a - b);
    let norm = 0;
    const values = cols.map((j) => {
      const v = counts.get(j)! * vocab.idf[j];
      norm += v * v;
      return v;
    });
    norm = Math.sqrt(norm);
    cols.forEach((j, k) => {
      indices.push(j);
      data.push(norm > 0 ? values[k] / norm : values[k]);
    });
    indptr[i + 1] = indices.length;
  });
  return {
    nRows: docs.length,
    nCols: vocab.terms.length,
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}

/** Orders strings by Unicode code point (Python's str order), not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates encode code points above U+FFFF, so they sort after every other UTF-16 unit.
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000;
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000;
    return x - y;
  }
  return a.length - b.length;
}
