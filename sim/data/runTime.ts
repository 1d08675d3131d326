import type { Dataset } from './tables.ts';

/**
 * Why `now` cannot be the time of a scoring run on `data`, or null when it can: the run's "now" must not precede
 * the newest note or rating (note ages, rating windows and status timestamps would be negative).
 *
 * @example runTimeProblem(data, 0) // "the run's time 0 (1970-01-01T00:00:00.000Z) is before the newest rating ..."
 */
export function runTimeProblem(data: Dataset, now: number): string | null {
  let newest = -Infinity;
  let what = '';
  for (const [name, times] of [
    ['note', data.notes.createdAt],
    ['rating', data.ratings.createdAt],
  ] as const) {
    for (let i = 0; i < times.length; i++) {
      if (times[i] > newest) {
        newest = times[i];
        what = name;
      }
    }
  }
  if (!(now < newest)) return null;
  const iso = (t: number): string => new Date(t).toISOString();
  return (
    `the run's time ${now} (${iso(now)}) is before the newest ${what} in the data (${newest}, ${iso(newest)}); ` +
    `give --epoch-millis at or after it`
  );
}
