// `bridgelab sweep` on one machine: a small sweep end to end (rows, summary, Parquet read by DuckDB with the
// README's query), threads give the rows of the main thread, the run key is stable, and a sweep killed mid-way
// (SIGKILL, then SIGINT) resumes to exactly the rows of an uninterrupted run.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validateScenario.ts';
import { main } from './cli.ts';
import { runKey } from './sweepKey.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'bridgelab.mjs');
const work = mkdtempSync(join(tmpdir(), 'bridgelab-sweep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A sweep of tiny runs (classroom world, one day, two scoring runs): 4 cells × `seeds` seeds. */
function writeSweep(name: string, seeds: number): string {
  const path = join(work, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      name,
      base: 'classroom',
      set: { 'time.days': 1, 'time.scoringEveryHours': 12 },
      vary: [
        { path: 'world.ratings', values: [110, 140] },
        { path: 'world.authorFraction', range: { from: 0.3, to: 0.6, step: 0.3 } },
      ],
      seeds: { count: seeds },
      metrics: ['main.ratings', 'main.flips.total', 'main.helpfulVsTruth.all.shown', 'main.hoursToFirstHelpful.mean'],
    }),
  );
  return path;
}

/** runs.tsv without wall_ms (the only column that may differ between two runs of the same sweep). */
function rowsOf(out: string): string[] {
  return readFileSync(join(out, 'runs.tsv'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t').slice(0, -1).join('\t'));
}

async function sweep(...args: string[]): Promise<number> {
  return main(['sweep', ...args, '--quiet']);
}

describe('bridgelab sweep (local)', () => {
  const file = () => join(work, 'small.json');
  const out = join(work, 'small');
  beforeAll(async () => {
    writeSweep('small', 2);
    expect(await sweep(file(), '--out', out)).toBe(0);
  }, 120_000);

  it('writes a row per run (varied paths, seed, key, metrics, wall time) and a summary per cell', () => {
    const rows = rowsOf(out);
    expect(rows[0]).toBe(
      'world.ratings\tworld.authorFraction\tseed\trun_key\tmain.ratings\tmain.flips.total\tmain.helpfulVsTruth.all.shown\tmain.hoursToFirstHelpful.mean',
    );
    expect(rows).toHaveLength(1 + 8);
    expect(rows.slice(1).map((r) => r.split('\t').slice(0, 3).join(' '))).toEqual([
      '110 0.3 1',
      '110 0.3 2',
      '110 0.6 1',
      '110 0.6 2',
      '140 0.3 1',
      '140 0.3 2',
      '140 0.6 1',
      '140 0.6 2',
    ]);
    expect(new Set(rows.slice(1).map((r) => r.split('\t')[3])).size).toBe(8);
    const summary = readFileSync(join(out, 'summary.tsv'), 'utf8').trimEnd().split('\n');
    expect(summary).toHaveLength(1 + 4);
    expect(summary[0].split('\t').slice(0, 6)).toEqual([
      'world.ratings',
      'world.authorFraction',
      'runs',
      'main.ratings.mean',
      'main.ratings.ci95_low',
      'main.ratings.ci95_high',
    ]);
    for (const name of ['runs.parquet', 'summary.parquet']) expect(existsSync(join(out, name))).toBe(true);
  });

  it('keys a run by its scenario and seed, stably', () => {
    const scenario = validateScenario({ name: 'k', world: { raters: 12, notes: 14, ratings: 100 } });
    const key = runKey(scenario, 3);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    const reordered = Object.fromEntries(Object.entries(scenario).reverse()) as typeof scenario;
    expect(runKey(reordered, 3)).toBe(key);
    expect(runKey(scenario, 4)).not.toBe(key);
    expect(runKey({ ...scenario, world: { ...scenario.world, raters: 13 } }, 3)).not.toBe(key);
  });

  it("opens in DuckDB with the README's query", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const snippet = /<!-- duckdb-sweep-snippet -->\s*```sql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet).toBeDefined();
    const con = await (await DuckDBInstance.create()).connect();
    const got = (await con.runAndReadAll(snippet!.replaceAll("'sweep-out/", `'${out}/`))).getRowObjectsJson();
    con.closeSync();
    const rows = rowsOf(out)
      .slice(1)
      .map((r) => r.split('\t'));
    expect(got.map((r) => Number(r['world.ratings']))).toEqual([110, 140]);
    for (const g of got) {
      const mine = rows.filter((r) => r[0] === String(g['world.ratings']));
      expect(Number(g.runs)).toBe(mine.length);
      expect(Number(g.mean_ratings)).toBeCloseTo(mine.reduce((s, r) => s + Number(r[4]), 0) / mine.length, 9);
    }
  });

  it('gives the same rows on two worker threads', async () => {
    const two = join(work, 'two');
    expect(await sweep(file(), '--out', two, '--workers', '2')).toBe(0);
    expect(rowsOf(two)).toEqual(rowsOf(out));
  }, 120_000);

  it('a bad sweep is refused before any run, naming the field (exit 2)', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        base: 'classroom',
        vary: [{ path: 'world.raters', values: [12, 0] }],
        seeds: [1],
        metrics: ['main.notes'],
      }),
    );
    expect(await sweep(bad, '--out', join(work, 'bad'))).toBe(2);
    expect(existsSync(join(work, 'bad', 'runs.tsv'))).toBe(false);
  });
});

/** Runs the CLI and kills it with `signal` once runs.tsv holds `rows` rows. */
function runUntil(args: string[], runsTsv: string, rows: number, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    const poll = setInterval(() => {
      const n = existsSync(runsTsv) ? readFileSync(runsTsv, 'utf8').split('\n').length - 2 : 0;
      if (n >= rows) child.kill(signal);
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve(code);
    });
  });
}

describe('bridgelab sweep resumes', () => {
  it('after SIGKILL and SIGINT: exactly the rows of an uninterrupted run, no duplicate', async () => {
    const file = writeSweep('resume', 4);
    const whole = join(work, 'whole');
    const cut = join(work, 'cut');
    expect(await sweep(file, '--out', whole)).toBe(0);
    const runsTsv = join(cut, 'runs.tsv');
    expect(await runUntil(['sweep', file, '--out', cut, '--quiet'], runsTsv, 3, 'SIGKILL')).toBe(null);
    const kept = readFileSync(runsTsv, 'utf8').trimEnd().split('\n').length - 1;
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(16);
    appendFileSync(runsTsv, '140\t0.3\t9\tcut-short'); // a row torn by the kill
    expect(await runUntil(['sweep', file, '--out', cut, '--quiet'], runsTsv, kept + 2, 'SIGINT')).toBe(130);
    expect(await sweep(file, '--out', cut)).toBe(0);
    expect(rowsOf(cut)).toEqual(rowsOf(whole));
  }, 180_000);
});
