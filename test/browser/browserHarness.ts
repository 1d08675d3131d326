/**
 * Builds the dashboard with vite, serves it with `vite preview` on a free localhost port and drives Debian's
 * Chromium headless through playwright-core (never a downloaded browser). Shared by the browser tests and the
 * browser benchmark.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
/** Launch flags of STACK.md (a fresh profile comes with every launch). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser tests can run here, and why not. */
export function browserAvailable(): { ok: boolean; reason: string } {
  return existsSync(CHROMIUM)
    ? { ok: true, reason: '' }
    : {
        ok: false,
        reason: `${CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests`,
      };
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the app into a temporary folder, serves it and launches Chromium. `close()` undoes all three. */
export async function startHarness(root: string): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), 'bridgelab-dist-'));
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const port = await freePort();
    server = await preview({
      root,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
  const b = browser;
  const s = server;
  return {
    url: `http://127.0.0.1:${(s.httpServer.address() as { port: number }).port}/`,
    browser: b,
    async close() {
      await b.close();
      await s.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A fresh page at 1280×900 in a context of its own; console errors and page errors are pushed onto `problems`. */
export async function newWatchedPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}

/** Page script: records every long main-thread task (PerformanceObserver 'longtask') in window.__longTasks. */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
`;

/**
 * Polls `get` until `ok` accepts its value (Playwright's web-first assertions are not in playwright-core);
 * throws naming `what` and the last value seen after `timeout` ms.
 */
export async function eventually<T>(
  get: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const until = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown = null;
  for (;;) {
    try {
      last = await get();
      if (ok(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > until) {
      const seen = lastError ? String(lastError) : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
