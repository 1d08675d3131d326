import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validateScenario.ts';
import { postActivation, postBoard } from './postBoard.ts';
import { runSimulation } from './runSimulation.ts';

const small = validateScenario({
  world: { raters: 500, notes: 150, ratings: 5000 },
  time: { days: 2, scoringEveryHours: 12 },
  scoring: { scorers: ['MFCoreScorer'] },
  posts: { enabled: true, minLingers: 3 },
});

const run = runSimulation(small, { seed: 5 });

describe('postBoard', () => {
  it('reproduces the run with its own parameters and rescores with others', async () => {
    const result = await run;
    const last = result.posts!.lastScored!;
    const board = postBoard(result)!;
    expect(board.length).toBe(last.length);
    expect(Array.from(board.active)).toEqual(Array.from(last.active));
    expect(board.minPosCutoff).toBe(last.minPosCutoff);
    const section12 = board.rankings.find((r) => r.name === 'section12')!;
    const shownActive = Array.from(board.active).filter((a) => a === 1).length;
    expect(section12.shown).toBe(shownActive);
    for (let r = 0; r < board.length; r++) {
      expect(section12.rank[r] > 0).toBe(board.active[r] === 1);
      expect(board.summary[r].startsWith(board.active[r] ? 'Active' : 'Not active')).toBe(true);
      expect(board.likes[r]).toBeGreaterThanOrEqual(board.totalPos[r]);
    }
    const strict = postBoard(result, { minLingers: 1000 })!;
    expect(strict.params.minLingers).toBe(1000);
    expect(strict.candidates).toBe(0);
    expect(strict.reasons.every((rs) => rs.some((t) => t.includes('more than 1000')))).toBe(true);
    const open = postBoard(result, { disabledRules: ['LingerGate', 'DislikeVeto', 'EligibilityGate'] })!;
    expect(open.candidates).toBe(open.length);
    expect(Array.from(postBoard(result)!.active)).toEqual(Array.from(board.active));
    expect(board.targetedBy.every((t) => t === null)).toBe(true);
  });

  it('lists activation at every post run', async () => {
    const result = await run;
    const a = postActivation(result)!;
    expect(a.time.length).toBe(4);
    const n = a.tweetId.length;
    expect(a.activeByRun.length).toBe(4 * n);
    const lastActive = a.activeByRun.subarray(3 * n).reduce((s, v) => s + v, 0);
    expect(a.active[3]).toBe(lastActive);
  });

  it('names the post adversary that targets each post', async () => {
    const wave = validateScenario({
      ...small,
      adversaries: [
        {
          kind: 'postLikeWave',
          label: 'wave',
          recruit: true,
          size: 10,
          perspective: 0.6,
          startHours: 12,
          durationHours: 36,
          budget: 100,
          actionsPerHour: 20,
          minLingers: 1,
          targets: { side: 1, count: 3 },
        },
      ],
    });
    const result = await runSimulation(wave, { seed: 5 });
    const board = postBoard(result)!;
    const targets = result.posts!.adversaries[0].postTargets;
    expect(targets.length).toBeGreaterThan(0);
    for (let r = 0; r < board.length; r++)
      expect(board.targetedBy[r]).toBe(targets.includes(board.post[r]) ? 'wave' : null);
    expect(board.targetedBy.filter((t) => t === 'wave').length).toBeGreaterThan(0);
  });
});
