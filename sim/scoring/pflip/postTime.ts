/** Twitter's snowflake epoch (ms): a post id carries its creation time in its bits above 22. */
export const SNOWFLAKE_EPOCH = 1288834974657n;

/**
 * Creation time (ms since epoch) of a post, decoded from its snowflake id `(id >> 22) + 1288834974657`, exact in
 * 64 bits. Takes the decimal id string; returns NaN for null, non-positive ids (the "-1" no-post sentinel) and
 * throws on a string that is not an integer.
 *
 * @example postTimeOfTweetId('1919757909855131563') // 1746540927743
 */
export function postTimeOfTweetId(id: string | null): number {
  if (id === null) return NaN;
  if (!/^-?\d+$/.test(id)) throw new Error(`pflip: tweetId "${id}" is not an integer`);
  const v = BigInt(id);
  if (v <= 0n) return NaN;
  return Number((v >> 22n) + SNOWFLAKE_EPOCH);
}

/** Whether decimal id `a` is greater than `b` as integers (exact, any length). */
export function idGreater(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}
