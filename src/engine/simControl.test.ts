import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import { RunState } from '../state/runState.svelte.ts';
import { EngineService } from './engineService.ts';
import type { SimEvent } from './engineTypes.ts';
import { createInProcessEngineClient } from './inProcessEngineClient.ts';
import { SimControl } from './simControl.ts';
import { createWorkerApi } from './workerApi.ts';
import { createRemoteEngineClient, type EngineConnection } from './workerEngineClient.ts';

const SMALL = {
  name: 'small',
  seed: 5,
  world: { raters: 600, notes: 200, ratings: 6000 },
  time: { days: 2, stepMinutes: 60, scoringEveryHours: 12 },
  scoring: { scorers: ['MFCoreScorer'] },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `get` every `every` ms until it passes `ok`; fails naming `what` after `timeout` ms. */
async function until<T>(get: () => T, ok: (v: T) => boolean, what: string, timeout = 10_000, every = 5): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const v = get();
    if (ok(v)) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await sleep(every);
  }
}

/** An engine over a MessageChannel on this thread: the request's control block arrives as a copy, as in a worker without shared memory. */
function channelConnection(): EngineConnection {
  const { port1, port2 } = new MessageChannel();
  expose(createWorkerApi(new EngineService()), port1);
  return {
    endpoint: port2,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

describe('SimControl without shared memory', () => {
  it('validates its block and the commands it applies', () => {
    expect(() => new SimControl(new Int32Array(2))).toThrow(/control block has 2 entries, expected 5/);
    const c = new SimControl();
    expect(c.live).toBe(false);
    expect(() => c.apply({ op: 'jump' } as never)).toThrow(/unknown command .*jump/);
    expect(() => c.apply({ op: 'delay', ms: -1 })).toThrow(/delay must be a number of ms >= 0/);
    const sent: string[] = [];
    const ui = new SimControl(undefined, (cmd) => sent.push(cmd.op));
    ui.pause();
    ui.step();
    ui.setDelay(20);
    ui.resume();
    ui.cancel();
    expect(sent).toEqual(['pause', 'step', 'delay', 'resume', 'cancel']);
    expect(ui.aborted).toBe(true);
  });

  it('pauses, steps, resumes and cancels an in-process run by yielding between steps', async () => {
    const engine = createInProcessEngineClient();
    const control = new SimControl();
    control.pause();
    const steps: number[] = [];
    const done = engine.simulate({ scenario: SMALL, control: control.buffer }, (e: SimEvent) => steps.push(e.step));
    await until(
      () => steps.length,
      (n) => n > 0,
      'the first step',
    );
    await sleep(150);
    expect(Math.max(...steps)).toBe(1);
    control.step();
    await until(
      () => Math.max(...steps),
      (s) => s === 2,
      'step 2',
    );
    await sleep(100);
    expect(Math.max(...steps)).toBe(2);
    control.resume();
    await until(
      () => Math.max(...steps),
      (s) => s >= 6,
      'the run going on',
    );
    control.cancel();
    const summary = await done;
    expect(summary.cancelled).toBe(true);
    expect(summary.stepsDone).toBeLessThan(48);
  });

  it('drives a run over a message channel: commands travel as messages into the engine’s own block', async () => {
    const run = new RunState(() => createRemoteEngineClient(channelConnection), 'main');
    const started = run.start(validateScenario(SMALL), { paused: true });
    expect(run.phase).toBe('paused');
    expect(run.sharedControl).toBe(false);
    await until(
      () => run.progress?.step ?? 0,
      (s) => s === 1,
      'the first step',
    );
    await sleep(150);
    expect(run.progress?.step).toBe(1);
    run.step();
    await until(
      () => run.progress?.step ?? 0,
      (s) => s === 2,
      'step 2 after Step',
    );
    await sleep(100);
    expect(run.progress?.step).toBe(2);
    run.resume();
    await until(
      () => run.progress?.step ?? 0,
      (s) => s >= 8,
      'the resumed run',
    );
    run.pause();
    // The engine sees the pause at its next step boundary (after a scoring run in progress, which can take longer
    // than any fixed wait on a loaded machine): wait for progress to settle, then cancel while paused.
    let at = -1;
    await until(
      () => run.progress?.step ?? 0,
      (s) => {
        const settled = s === at;
        at = s;
        return settled;
      },
      'the run to stay paused',
      10_000,
      400,
    );
    run.cancel();
    await started;
    expect(run.phase).toBe('cancelled');
    // Cancelled by the message, not by stopping the engine: the engine answered with a summary.
    expect(run.summary?.cancelled).toBe(true);
    expect(run.summary?.stepsDone).toBeGreaterThanOrEqual(at);
    expect(run.summary?.stepsDone).toBeLessThan(48);
    run.dispose();
  });
});
