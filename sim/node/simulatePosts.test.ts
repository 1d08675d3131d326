import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scorePostsCommand } from './scorePostsCommand.ts';
import { PRESET_DIR, simulateCommand } from './simulateCommand.ts';

const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-simulate-posts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bridgelab simulate with a post pilot', () => {
  it('writes the §12 files deterministically, and scored_posts.tsv is what score-posts computes from them', async () => {
    const preset = JSON.parse(readFileSync(join(PRESET_DIR, 'posts-one-sided-wave.json'), 'utf8'));
    const small = {
      ...preset,
      world: { ...preset.world, raters: 300, notes: 120, ratings: 3000 },
      time: { ...preset.time, days: 2 },
      adversaries: preset.adversaries.map((a: object) => ({ ...a, startHours: 12, durationHours: 30, minLingers: 10 })),
    };
    const scenario = join(tmp, 'posts.json');
    writeFileSync(scenario, JSON.stringify(small));
    const out = join(tmp, 'out');
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await simulateCommand([scenario, '--out', out, '--quiet'])).toBe(0);
    const again = join(tmp, 'again');
    expect(await simulateCommand([scenario, '--out', again, '--quiet'])).toBe(0);
    for (const f of [
      'snapshot/postRatings-00000.tsv',
      'snapshot/postActions-00000.tsv',
      'snapshot/users-00000.tsv',
      'scored/scored_posts.tsv',
      'post_timeline.tsv',
      'truth_posts.tsv',
      'metrics.json',
    ])
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    const scoredAt = String(Date.parse('2025-06-02T00:00:00Z') + 86_400_000);
    expect(
      await scorePostsCommand([
        join(out, 'snapshot'),
        '--scored',
        join(out, 'scored'),
        '--out',
        join(tmp, 'rescored'),
        '--epoch-millis',
        scoredAt,
      ]),
    ).toBe(0);
    err.mockRestore();
    const simulated = readFileSync(join(out, 'scored', 'scored_posts.tsv'), 'utf8');
    expect(simulated.split('\n').length).toBeGreaterThan(40);
    expect(simulated.split('\n')[1].endsWith(scoredAt)).toBe(true);
    expect(readFileSync(join(tmp, 'rescored', 'scored_posts.tsv'), 'utf8')).toBe(simulated);
    const ratings = readFileSync(join(out, 'snapshot', 'postRatings-00000.tsv'), 'utf8');
    expect(ratings).toContain("['NOT_APPLICABLE']");
    expect(readFileSync(join(out, 'snapshot', 'postActions-00000.tsv'), 'utf8')).toMatch(/\tTrue\tTrue\n/);
    const timeline = readFileSync(join(out, 'post_timeline.tsv'), 'utf8').split('\n');
    expect(timeline[0].split('\t').slice(0, 2)).toEqual(['actionTweetId', 'timeMillis']);
    expect(new Set(timeline.slice(1, -1).map((l) => l.split('\t')[1])).size).toBe(2);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics.main.posts.perRun).toHaveLength(2);
    expect(metrics.attack.posts.adversaries[0].kind).toBe('postLikeWave');
    expect(readFileSync(join(out, 'counterfactual', 'post_timeline.tsv'), 'utf8').length).toBeGreaterThan(100);
  });
});
