/**
 * Browser rescoring benchmark: a 10,000-rater simulated world (2,000 notes, 40,000 ratings over 7 days, core
 * scorer) is generated in the dashboard's Web Worker, then rescored there several times through the app's engine
 * client, as the dashboard does (the built app served by `vite preview`, headless Debian Chromium). Target: < 1 s.
 *
 * Run: npx tsx bench/browserRescore.bench.ts [--repeats 5]
 * Prints one JSON line and appends it to bench/results/browser.jsonl. Check: the same world scored in Node gives the
 * same statuses (at least 99 % of notes equal; Chromium's and Node's V8 may round a few math functions differently).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runSimulation, validateScenario, createEngine, scoreDataset } from '../sim/index.ts';
import { browserAvailable, startHarness } from '../test/browser/browserHarness.ts';

const root = join(import.meta.dirname, '..');
const i = process.argv.indexOf('--repeats');
const repeats = i >= 0 ? Number(process.argv[i + 1]) : 5;
if (!Number.isInteger(repeats) || repeats < 1)
  throw new Error(`--repeats must be a positive integer, got ${process.argv[i + 1]}`);
const available = browserAvailable();
if (!available.ok) {
  console.error(`browserRescore: ${available.reason}`);
  process.exit(1);
}

const SCENARIO = {
  name: 'rescore-10k',
  seed: 42,
  world: { raters: 10_000, notes: 2_000, ratings: 40_000 },
  time: { days: 7, stepMinutes: 60, scoringEveryHours: 168 },
  scoring: { scorers: ['MFCoreScorer'] },
};
const SEED = 1;

interface BrowserResult {
  generateMs: number;
  rescoreMs: number[];
  notes: number;
  ratings: number;
  noteId: string[];
  status: (string | null)[];
  crossOriginIsolated: boolean;
}

const h = await startHarness(root);
let browser: BrowserResult;
try {
  const page = await h.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.url);
  await page.waitForFunction(() => (window as unknown as { __bridgelab?: unknown }).__bridgelab !== undefined);
  browser = await page.evaluate(
    async ({ scenario, seed, repeats }) => {
      type Client = {
        simulate(r: unknown): Promise<unknown>;
        rescore(r: unknown): Promise<{
          notes: { noteId: string[]; status: (string | null)[]; length: number };
          counts: { ratings: number };
        }>;
      };
      const client = (window as unknown as { __bridgelab: { session: { run: { client: Client } } } }).__bridgelab
        .session.run.client;
      let t = performance.now();
      await client.simulate({ scenario, score: false });
      const generateMs = performance.now() - t;
      const rescoreMs: number[] = [];
      let last = null as Awaited<ReturnType<Client['rescore']>> | null;
      for (let k = 0; k < repeats; k++) {
        t = performance.now();
        last = await client.rescore({ seed, scorers: ['MFCoreScorer'] });
        rescoreMs.push(performance.now() - t);
      }
      return {
        generateMs,
        rescoreMs,
        notes: last!.notes.length,
        ratings: last!.counts.ratings,
        noteId: last!.notes.noteId,
        status: last!.notes.status,
        crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
      };
    },
    { scenario: SCENARIO, seed: SEED, repeats },
  );
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
} finally {
  await h.close();
}

// The same world and scoring in Node, as the reference answer.
const sim = await runSimulation(validateScenario(SCENARIO), { score: false });
let latest = -Infinity;
for (const t of sim.dataset.ratings.createdAt) latest = Math.max(latest, t);
const nodeStarted = performance.now();
const node = await scoreDataset(sim.dataset, {
  now: latest,
  seed: SEED,
  engine: await createEngine('typed'),
  scorers: ['MFCoreScorer'],
});
const nodeMs = performance.now() - nodeStarted;
const nodeStatus = new Map<string, string | null>();
node.notes.key.forEach((n, r) => nodeStatus.set(sim.dataset.noteIds.values[n], node.notes.str('finalRatingStatus')[r]));
let same = 0;
browser.noteId.forEach((id, r) => {
  if (nodeStatus.get(id) === browser.status[r]) same++;
});
const agreement = browser.noteId.length > 0 ? same / browser.noteId.length : 0;
const sorted = [...browser.rescoreMs].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const check =
  browser.notes !== node.notes.length
    ? `FAILED: ${browser.notes} notes in the browser, ${node.notes.length} in Node`
    : agreement < 0.99
      ? `FAILED: only ${(100 * agreement).toFixed(1)} % of statuses agree with Node`
      : 'ok';
const line = {
  bench: 'browserRescore',
  date: new Date().toISOString(),
  world: SCENARIO.world,
  scorers: SCENARIO.scoring.scorers,
  notes: browser.notes,
  ratings: browser.ratings,
  generateMs: Math.round(browser.generateMs),
  rescoreMsMedian: Math.round(median),
  rescoreMsMin: Math.round(sorted[0]),
  rescoreMs: browser.rescoreMs.map((x) => Math.round(x)),
  targetMs: 1000,
  meetsTarget: median < 1000,
  nodeScoreMs: Math.round(nodeMs),
  statusAgreementWithNode: Number(agreement.toFixed(4)),
  crossOriginIsolated: browser.crossOriginIsolated,
  loadAverage: Number(os.loadavg()[0].toFixed(2)),
  check,
};
console.log(JSON.stringify(line));
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
appendFileSync(join(root, 'bench', 'results', 'browser.jsonl'), JSON.stringify(line) + '\n');
if (check !== 'ok') process.exitCode = 1;
