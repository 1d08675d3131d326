// Browser test of the Sweeps page (issue #13 item 7): the bundled sweep opens with one click, metric and x switch
// the curve, a second parameter gives a heat map, the URL holds the view and reopening it restores the chart; a
// user's runs.tsv opens through the file picker.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, eventually, newWatchedPage, startHarness, type Harness } from './browserHarness.ts';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'datasets', 'sweeps', 'examples', 'classroom-grid');
const available = browserAvailable();
if (!available.ok) console.warn(`skipping the browser tests: ${available.reason}`);

describe.skipIf(!available.ok)('Sweeps page in Chromium', () => {
  let h: Harness;
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHarness(root);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await newWatchedPage(h.browser, problems);
    await page.goto(url);
    return page;
  }
  const chart = (p: Page) => p.locator('[data-testid="sweep-chart"]');
  /** The number of marks of Plot mark `kind` (its aria-label) drawn in the chart's SVG. */
  const marks = (p: Page, kind: string, element: string) =>
    chart(p).locator(`svg g[aria-label="${kind}"] ${element}`).count();
  const chartState = async (p: Page) => {
    const c = chart(p);
    return `${await c.getAttribute('data-chart')} ${await c.getAttribute('data-metric')} ${await c.getAttribute('data-x')}`;
  };

  it('opens the bundled sweep, switches metric and x, draws a heat map, and a link restores the view', async () => {
    const p = await open(`${h.url}?page=sweeps`);
    await p.locator('[data-testid="sweep-example-classroom-grid"]').click();
    await p.waitForSelector('[data-testid="sweeps-phase"][data-phase="done"]');
    expect(await chartState(p)).toBe('lines main.ratings world.ratings');
    // one curve over two x values, with its band and error bars
    await eventually(
      () => marks(p, 'line', 'path'),
      (n) => n === 1,
      'the mean curve',
    );
    expect(await marks(p, 'area', 'path')).toBe(1);
    expect(await marks(p, 'rule', 'line')).toBe(2);
    expect(await p.locator('table').first().locator('tbody tr').count()).toBe(12);

    await p.locator('[data-testid="sweep-metric"]').selectOption('main.flips.total');
    await p.locator('[data-testid="sweep-x"]').selectOption('world.authorFraction');
    await eventually(
      () => chartState(p),
      (s) => s === 'lines main.flips.total world.authorFraction',
      'metric and x switched',
    );
    await eventually(
      () => marks(p, 'dot', 'circle'),
      (n) => n === 3,
      'three x values, pooled over world.ratings',
    );
    await p.locator('[data-testid="sweep-by"]').selectOption('world.ratings');
    await eventually(
      () => chartState(p),
      (s) => s.startsWith('heat '),
      'a heat map over two parameters',
    );
    await eventually(
      () => marks(p, 'cell', 'rect'),
      (n) => n === 6,
      'six cells (2 × 3)',
    );
    const labels = await chart(p).locator('svg g[aria-label="text"] text').allTextContents();
    const link = await eventually(
      async () => p.url(),
      (u) =>
        u.includes('sweep=classroom-grid') &&
        u.includes('sweepMetric=main.flips.total') &&
        u.includes('sweepX=world.authorFraction') &&
        u.includes('sweepBy=world.ratings'),
      'the view in the URL',
    );
    await p.context().close();

    const q = await open(link);
    await q.waitForSelector('[data-testid="sweeps-phase"][data-phase="done"]');
    await eventually(
      () => marks(q, 'cell', 'rect'),
      (n) => n === 6,
      'the restored heat map',
    );
    expect(await chartState(q)).toBe('heat main.flips.total world.authorFraction');
    expect(await q.locator('[data-testid="sweep-metric"]').inputValue()).toBe('main.flips.total');
    expect(await q.locator('[data-testid="sweep-by"]').inputValue()).toBe('world.ratings');
    expect(await chart(q).locator('svg g[aria-label="text"] text').allTextContents()).toEqual(labels);
    // the same two parameters as one curve per value of the second
    await q.locator('[data-testid="sweep-chart-lines"]').check();
    await eventually(
      () => marks(q, 'line', 'path'),
      (n) => n === 2,
      'a curve per world.ratings',
    );
    await eventually(
      async () => q.url(),
      (u) => u.includes('sweepChart=lines'),
      'the chart kind in the URL',
    );
    await q.context().close();
    expect(problems, 'no console errors').toEqual([]);
  }, 120_000);

  it('opens a user’s runs.tsv through the file picker and says a link cannot carry it', async () => {
    const p = await open(`${h.url}?page=sweeps`);
    await p.locator('[data-testid="sweep-files"]').setInputFiles([join(example, 'runs.tsv')]);
    await p.waitForSelector('[data-testid="sweeps-phase"][data-phase="done"]');
    await eventually(
      () => marks(p, 'line', 'path'),
      (n) => n === 1,
      'the curve from runs.tsv',
    );
    expect(await p.locator('section[aria-label="Sweep output to open"]').textContent()).toContain(
      'only a bundled example can be reopened from a link',
    );
    expect(p.url()).not.toContain('sweep=');
    // a file that is not a sweep's runs table: a clear error
    await p
      .locator('[data-testid="sweep-files"]')
      .setInputFiles([join(example, 'summary.tsv'), join(root, 'datasets', 'sweeps', 'classroom-grid.json')]);
    await eventually(
      async () => (await p.locator('[data-testid="sweeps-error"]').textContent()) ?? '',
      (t) => t.includes('classroom-grid.json'),
      'the error names the file',
    );
    await p.context().close();
    expect(problems, 'no console errors').toEqual([]);
  }, 60_000);
});
