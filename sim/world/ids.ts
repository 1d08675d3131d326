/** Milliseconds of the snowflake epoch (2010-11-04) used by post and note ids. */
const SNOWFLAKE_EPOCH = 1288834974657n;

/**
 * A snowflake-style 64-bit id as a decimal string: creation time, a 10-bit `worker` and a 12-bit `sequence`.
 * Distinct (time, worker, sequence mod 4096) give distinct ids; ids sort by creation time like real ones.
 *
 * @example snowflakeId(1748736000000, 1, 0); // "1929000000000000000"-like, 19 digits
 */
export function snowflakeId(millis: number, worker: number, sequence: number): string {
  const t = BigInt(Math.floor(millis)) - SNOWFLAKE_EPOCH;
  if (t < 0n) throw new Error(`snowflakeId: time ${millis} is before the snowflake epoch`);
  return ((t << 22n) | (BigInt(worker & 1023) << 12n) | BigInt(sequence & 4095)).toString();
}

/** Id workers, so that organic and adversary objects never collide and organic ids do not depend on adversaries. */
export const ID_WORKER = { organicNote: 1, post: 2, adversaryNote: 3, boost: 4 } as const;

/**
 * Assigns snowflake ids to objects created at `times`, bumping the sequence when two would collide.
 * Returns one id per time, in the same order.
 */
export function snowflakeIds(times: ArrayLike<number>, worker: number): string[] {
  const used = new Set<string>();
  const out: string[] = new Array<string>(times.length);
  for (let i = 0; i < times.length; i++) {
    let seq = i;
    let id = snowflakeId(times[i], worker, seq);
    while (used.has(id)) id = snowflakeId(times[i], worker, ++seq);
    used.add(id);
    out[i] = id;
  }
  return out;
}
