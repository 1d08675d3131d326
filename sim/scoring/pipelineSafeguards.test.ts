import { describe, expect, it } from 'vitest';
import { CLASS_MISLEADING, Dictionary, type Dataset, type EnrollmentTable } from '../data/tables.ts';
import { emptyStatusHistory } from '../engine/simDataset.ts';
import { randomSeeded } from '../random/random.ts';
import { validateScenario } from '../scenario/validateScenario.ts';
import { makeRatings, ringWorld, DETECTED_RING } from './clustering/testTables.ts';
import { createEngine } from './mf/engines.ts';
import { runScorers } from './pipeline/runScoring.ts';
import { POST_SELECTION_COALESCING, pipelineSafeguardNames, safeguardEnabled } from './pipelineSafeguards.ts';

/** A dataset of background raters plus a fast identical-verdict ring (detected by PSS and quasi-cliques). */
function ringDataset(): { data: Dataset; ring: Set<number>; now: number } {
  const w = ringWorld({ ...DETECTED_RING, random: randomSeeded(3) });
  const participants = new Dictionary();
  for (let p = 0; p < w.nParticipants; p++) participants.intern(`p${p}`);
  const noteIds = new Dictionary();
  w.notes.forEach((_n, k) => noteIds.intern(String(1_000 + k)));
  const enrollment: EnrollmentTable = {
    length: 0,
    participant: new Int32Array(0),
    enrollmentState: [],
    successfulRatingNeededToEarnIn: new Float64Array(0),
    timestampOfLastStateChange: new Float64Array(0),
    timestampOfLastEarnOut: new Float64Array(0),
    modelingPopulation: [],
    modelingGroup: new Float64Array(0),
    numberOfTimesEarnedOut: new Float64Array(0),
  };
  const data: Dataset = {
    participants,
    noteIds,
    notes: {
      length: w.notes.length,
      note: Int32Array.from(w.notes, (_n, k) => k),
      author: Int32Array.from(w.notes, (n) => n.author),
      createdAt: Float64Array.from(w.notes, (n) => n.t),
      tweetId: w.notes.map((n) => n.tweet ?? '-1'),
      classification: new Uint8Array(w.notes.length).fill(CLASS_MISLEADING),
      summary: w.notes.map(() => 'A summary. https://example.org'),
    },
    ratings: makeRatings(w.rows),
    statusHistory: emptyStatusHistory(),
    enrollment,
  };
  const now = Math.max(...w.rows.map((r) => r.t)) + 1;
  return { data, ring: new Set(w.ring), now };
}

describe('pipeline safeguards', () => {
  it('are named and on unless disabled', () => {
    expect(pipelineSafeguardNames()).toContain(POST_SELECTION_COALESCING);
    expect(safeguardEnabled(new Set(), POST_SELECTION_COALESCING)).toBe(true);
    expect(safeguardEnabled(new Set([POST_SELECTION_COALESCING]), POST_SELECTION_COALESCING)).toBe(false);
  });

  it('scenario rule lists accept them; unknown names still fail', () => {
    const s = validateScenario({
      scoring: { disabledRules: ['PostSelectionCoalescing'] },
      compare: { abDisabledRules: ['PostSelectionCoalescing', 'NoCorrelatedIntercept'] },
    });
    expect(s.scoring.disabledRules).toEqual(['PostSelectionCoalescing']);
    expect(s.compare.abDisabledRules).toEqual(['PostSelectionCoalescing', 'NoCorrelatedIntercept (v1.0)']);
    expect(() => validateScenario({ compare: { abDisabledRules: ['PostSelectionCoalesce'] } })).toThrow(
      /scenario\.compare\.abDisabledRules\[0\]: "PostSelectionCoalesce" is not allowed/,
    );
  });

  it('runScorers: PostSelectionCoalescing off keeps every ring rating, and the ring stays flagged correlated', async () => {
    const { data, ring, now } = ringDataset();
    const engine = await createEngine('typed');
    const run = (disabledRules: string[]) => runScorers(data, { now, seed: 1, engine, scorers: [], disabledRules });
    const on = await run([]);
    const off = await run([POST_SELECTION_COALESCING]);
    const ringRatings = (r: typeof on) => {
      let n = 0;
      let flagged = 0;
      const t = r.runRatings.ratings;
      for (let i = 0; i < t.length; i++) {
        if (!ring.has(t.rater[i])) continue;
        n++;
        flagged += r.runRatings.correlated[i];
      }
      return { n, flagged };
    };
    expect(ringRatings(on)).toEqual({ n: 60, flagged: 60 });
    expect(ringRatings(off)).toEqual({ n: 360, flagged: 360 });
    expect(off.runRatings.ratings.length).toBe(off.preprocessedRatings.length);
    expect(on.runRatings.ratings.length).toBeLessThan(off.runRatings.ratings.length);
  });
});
