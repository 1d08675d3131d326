import type { NoteInfo } from '../noteInfo.ts';
import { PY_SPACE_CHARS } from './pythonText.ts';

/** The posts of a set of notes with their concatenated note text. */
export interface PostTexts {
  /** post ids, ascending as 64-bit integers (the reference's groupby order) */
  postIds: string[];
  /** prepared text of each post */
  texts: string[];
  /** notes of post p: notes[start[p] .. start[p+1]), ascending note index */
  start: Int32Array;
  notes: Int32Array;
}

const URL_RE = new RegExp(`https?://[^${PY_SPACE_CHARS})\\]]+`, 'gu');
const PRESERVED_URL = [/help\.x\.com/u, /x\.com\/tos/u];

/**
 * Replaces each URL by its ASCII-letter runs of ≥ 4 characters (space separated), except URLs containing
 * help.x.com or x.com/tos, kept verbatim (§4 step 1).
 *
 * @example filterUrlTokens('see https://ex.org/sc_lang/report') // 'see https lang report'
 */
export function filterUrlTokens(text: string): string {
  return text.replace(URL_RE, (url) => {
    if (PRESERVED_URL.some((re) => re.test(url))) return url;
    return (url.match(/[a-zA-Z]+/g) ?? []).filter((t) => t.length >= 4).join(' ');
  });
}

/**
 * Post texts (§4 step 1): for every post carrying one of `notes` (default: every note of the notes table, i.e.
 * with a known `tweetId`; the "-1" sentinel is a post like any other, as in the reference), the summaries of
 * those notes joined by spaces (ascending note index), URLs filtered, then `_` and `/` replaced by spaces.
 */
export function buildPostTexts(noteInfo: NoteInfo, notes?: Int32Array): PostTexts {
  const byPost = new Map<string, number[]>();
  const add = (k: number): void => {
    if (k < 0 || k >= noteInfo.size) throw new Error(`buildPostTexts: note index ${k} outside [0, ${noteInfo.size})`);
    const tweet = noteInfo.tweetId[k];
    if (tweet === null || tweet === undefined) return;
    const list = byPost.get(tweet);
    if (list === undefined) byPost.set(tweet, [k]);
    else list.push(k);
  };
  if (notes === undefined) for (let k = 0; k < noteInfo.size; k++) add(k);
  else for (const k of notes) add(k);
  const postIds = [...byPost.keys()].sort(compareIds);
  const start = new Int32Array(postIds.length + 1);
  const noteList: number[] = [];
  const texts = postIds.map((id, p) => {
    const members = [...new Set(byPost.get(id)!)].sort((a, b) => a - b);
    noteList.push(...members);
    start[p + 1] = noteList.length;
    const joined = members.map((k) => noteInfo.summary[k] ?? '').join(' ');
    return filterUrlTokens(joined).replace(/[_/]/g, ' ');
  });
  return { postIds, texts, start, notes: Int32Array.from(noteList) };
}

/** Orders decimal id strings as 64-bit integers (non-numeric ids last, by string). */
export function compareIds(a: string, b: string): number {
  const na = /^-?\d+$/.test(a);
  const nb = /^-?\d+$/.test(b);
  if (na && nb) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
