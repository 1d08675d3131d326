// Interrupting `bridgelab score` and `bridgelab simulate` at random moments of each stage (reading, scoring, writing,
// simulation steps): each run
// must exit 130 within seconds leaving the output directory exactly as it was, or finish (exit 0) leaving it
// complete; never half-written. A second signal kills at once.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { randomSeeded } from '../random/random.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'bridgelab.mjs');
const work = mkdtempSync(join(tmpdir(), 'bridgelab-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Exit {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** ms from the (first) signal to the exit; NaN when no signal was sent */
  afterSignal: number;
  /** ms from start to exit */
  total: number;
}

/**
 * Runs the CLI and, `delay` ms after `trigger` first appears on its stderr (a progress line), sends `signals` (in
 * order, 50 ms apart); no signal when `trigger` is null.
 */
function run(args: string[], trigger: string | null, delay = 0, signals: NodeJS.Signals[] = ['SIGINT']): Promise<Exit> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let signalled = NaN;
    const timers: NodeJS.Timeout[] = [];
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      const fire =
        trigger !== null && timers.length === 0 && !stderr.includes(trigger) && (stderr + s).includes(trigger);
      stderr += s;
      if (!fire) return;
      signals.forEach((sig, k) =>
        timers.push(
          setTimeout(
            () => {
              if (k === 0) signalled = performance.now();
              child.kill(sig);
            },
            delay + k * 50,
          ),
        ),
      );
    });
    child.on('close', (status, signal) => {
      timers.forEach(clearTimeout);
      const end = performance.now();
      done({ status, signal, stderr, afterSignal: end - signalled, total: end - started });
    });
  });
}

/** Every file under `dir` (relative path → content), plus leftover staging directories beside it. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

const leftovers = (parent: string) => readdirSync(parent).filter((n) => n.includes('bridgelab-partial'));

/** An output directory from an earlier run: a file of the user's and an old output the run would replace. */
function previousOutput(dir: string, replaced: string): void {
  mkdirSync(join(dir, ...replaced.split('/').slice(0, -1)), { recursive: true });
  writeFileSync(join(dir, 'notes-of-mine.txt'), 'keep me');
  writeFileSync(join(dir, replaced), 'old output\n');
}

function scoreInput(): string {
  const dir = join(work, 'input');
  mkdirSync(dir);
  const src = join(root, 'datasets', 'conformance', 'core-s101', 'input');
  for (const name of ['notes-00000', 'noteStatusHistory-00000', 'userEnrollment-00000', 'ratings-00000']) {
    let text = gunzipSync(readFileSync(join(src, `${name}.tsv.gz`))).toString('utf8');
    if (name.startsWith('ratings')) text = text.split('\n').slice(0, 3001).join('\n') + '\n';
    writeFileSync(join(dir, `${name}.tsv`), text);
  }
  return dir;
}

describe('interrupting the CLI', () => {
  it('score and simulate killed at random moments leave the output untouched or complete', async () => {
    const input = scoreInput();
    const scenario = join(work, 'small.json');
    writeFileSync(
      scenario,
      JSON.stringify({ world: { raters: 200, notes: 100, ratings: 3000 }, time: { days: 1, scoringEveryHours: 6 } }),
    );
    const commands = {
      // Not --quiet: the progress lines on stderr tell the test which stage the run is in.
      score: (out: string) => ['score', input, '--out', out, '--epoch-millis', '1748736000000'],
      simulate: (out: string) => ['simulate', scenario, '--out', out],
    };
    const replaced = { score: 'scored_notes.tsv', simulate: 'scored/scored_notes.tsv' };

    // Reference runs, not interrupted: the complete outputs and how long a run takes.
    const reference: Record<string, { files: Map<string, string>; ms: number }> = {};
    await Promise.all(
      (['score', 'simulate'] as const).map(async (cmd) => {
        const out = join(work, `ref-${cmd}`);
        previousOutput(out, replaced[cmd]);
        const r = await run(commands[cmd](out), null);
        expect(r.status, r.stderr).toBe(0);
        reference[cmd] = { files: snapshot(out), ms: r.total };
      }),
    );

    // Signals in each stage (reading, scoring, writing; the simulation's steps), at a random moment within it.
    const random = randomSeeded(1414);
    const ms = (max: number) => Math.round(random() * max);
    const trials: {
      cmd: 'score' | 'simulate';
      k: number;
      trigger: string;
      delay: number;
      signals: NodeJS.Signals[];
    }[] = [
      { cmd: 'score', k: 0, trigger: 'reading', delay: ms(100), signals: ['SIGTERM'] },
      { cmd: 'score', k: 1, trigger: 'prescoring', delay: ms(1000), signals: ['SIGINT'] },
      { cmd: 'score', k: 2, trigger: 'writing', delay: ms(150), signals: ['SIGINT'] },
      { cmd: 'simulate', k: 0, trigger: 'main day 1', delay: ms(1500), signals: ['SIGINT', 'SIGINT'] },
      { cmd: 'simulate', k: 1, trigger: 'main day 1', delay: 1500 + ms(3000), signals: ['SIGTERM'] },
    ];
    const outcomes: string[] = [];
    for (let i = 0; i < trials.length; i += 3) {
      await Promise.all(
        trials.slice(i, i + 3).map(async (t) => {
          const parent = join(work, `${t.cmd}-${t.k}`);
          const out = join(parent, 'out');
          previousOutput(out, replaced[t.cmd]);
          const before = snapshot(out);
          const r = await run(commands[t.cmd](out), t.trigger, t.delay, t.signals);
          const after = snapshot(out);
          const when = `${t.signals.join('+')} ${t.delay} ms after "${t.trigger}"`;
          const label = `${t.cmd} ${when}: exit ${r.status} ${r.stderr}`;
          expect(leftovers(parent).concat(leftovers(out)), label).toEqual([]);
          expect(r.stderr, label).not.toMatch(/\n\s+at /);
          expect(r.stderr, label).not.toMatch(/failed/);
          if (r.status === null) {
            // Signalled while Node was still loading the CLI, before its handlers exist: killed by the signal itself.
            expect(r.signal, label).toBe(t.signals[0]);
            expect(after, label).toEqual(before);
            outcomes.push(`${t.cmd} ${when}: killed while starting, untouched`);
          } else if (r.status === 130) {
            expect(r.afterSignal, label).toBeLessThan(5000);
            expect(after, label).toEqual(before);
            outcomes.push(`${t.cmd} ${when}: 130 in ${Math.round(r.afterSignal)} ms, untouched`);
          } else {
            expect(r.status, label).toBe(0);
            expect(after, label).toEqual(reference[t.cmd].files);
            outcomes.push(`${t.cmd} ${when}: finished first, complete`);
          }
        }),
      );
    }
    console.log(`interrupts:\n  ${outcomes.join('\n  ')}`);
  }, 180_000);
});
