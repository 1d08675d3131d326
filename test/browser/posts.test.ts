// Browser test of the Posts page (issue #10 "Must show"): sliders and conditions rescore the run's posts at once,
// and the link restores the view (parameters, rules, selected post) in a fresh page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, eventually, newWatchedPage, startHarness, type Harness } from './browserHarness.ts';

const root = join(import.meta.dirname, '..', '..');
const available = browserAvailable();
if (!available.ok) console.warn(`skipping the browser tests: ${available.reason}`);

/** A small world with the post pilot on: about 100 posts, four post scoring runs, a few seconds in the browser. */
const SMALL_POSTS =
  'page=posts&posts.enabled=true&world.raters=500&world.notes=150&world.ratings=5000&time.days=2&posts.minLingers=3';

describe.skipIf(!available.ok)('Posts page in Chromium', () => {
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
    await page.waitForSelector('[data-testid="posts-phase"][data-phase="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="posts-summary"]');
    return page;
  }
  const textOf = async (p: Page, testid: string) =>
    ((await p.locator(`[data-testid="${testid}"]`).first().textContent()) ?? '').trim();
  /** Moves a range input as a user would (its value, then an input event). */
  const slide = (p: Page, testid: string, value: number) =>
    p.locator(`[data-testid="${testid}"]`).evaluate((el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);

  it('rescores at once when a slider or a condition changes, and a link restores the view', async () => {
    const p = await open(`${h.url}?${SMALL_POSTS}`);
    const candidates = Number(await textOf(p, 'posts-candidates'));
    const active = Number(await textOf(p, 'posts-active'));
    expect(candidates, 'the small world has candidates').toBeGreaterThan(0);
    expect(active).toBeGreaterThan(0);

    // Select the first post of the ranked table (an active one: §12 rank first).
    await p.locator('table tbody tr.clickable').first().click();
    const explanation = p.locator('[data-testid="post-explanation"]');
    await explanation.waitFor();
    const post = await explanation.getAttribute('data-post');
    expect(post).toMatch(/^\d+$/);
    expect(await textOf(p, 'post-summary')).toMatch(/^Active: /);
    await eventually(
      async () => p.url(),
      (u) => u.includes(`post=${post}`),
      'the selected post in the URL',
    );

    // Minimum lingers far above what the small world gives: no candidate left, the post says why.
    await slide(p, 'post-param-minLingers', 90);
    await eventually(
      () => textOf(p, 'posts-candidates'),
      (t) => t === '0',
      'no candidates with minLingers 90',
    );
    expect(await textOf(p, 'posts-active')).toBe('0');
    expect(await textOf(p, 'post-param-minLingers-value')).toBe('90');
    await eventually(
      () => textOf(p, 'post-summary'),
      (t) => t.startsWith('Not active') && t.includes('more than 90'),
      'the explanation names the linger gate',
    );

    // Switching the linger gate off brings candidates back without rerunning the simulation.
    await p.locator('[data-testid="post-rule-LingerGate"]').uncheck();
    await eventually(
      async () => Number(await textOf(p, 'posts-candidates')),
      (n) => n >= candidates,
      'candidates with LingerGate off',
    );
    const gateOff = {
      candidates: await textOf(p, 'posts-candidates'),
      active: await textOf(p, 'posts-active'),
      summary: await textOf(p, 'post-summary'),
    };
    expect(await p.locator('[data-testid="posts-phase"]').getAttribute('data-phase')).toBe('done');
    const link = await eventually(
      async () => p.url(),
      (u) => u.includes('postLingers=90') && u.includes('postRulesOff=LingerGate'),
      'the parameters in the URL',
    );
    await p.context().close();

    // A fresh page from the link: same sliders, rules, selected post and verdicts.
    const q = await open(link);
    await q.locator('[data-testid="post-explanation"]').waitFor();
    expect(await q.locator('[data-testid="post-explanation"]').getAttribute('data-post')).toBe(post);
    expect(await q.locator('[data-testid="post-param-minLingers"]').inputValue()).toBe('90');
    expect(await textOf(q, 'post-param-minLingers-value')).toBe('90');
    expect(await q.locator('[data-testid="post-rule-LingerGate"]').isChecked()).toBe(false);
    expect(await q.locator('[data-testid="post-rule-DislikeVeto"]').isChecked()).toBe(true);
    await eventually(
      () => textOf(q, 'posts-candidates'),
      (t) => t === gateOff.candidates,
      'the restored candidates',
    );
    expect(await textOf(q, 'posts-active')).toBe(gateOff.active);
    expect(await textOf(q, 'post-summary')).toBe(gateOff.summary);
    await q.context().close();
    expect(problems, 'no console errors').toEqual([]);
  }, 240_000);
});
