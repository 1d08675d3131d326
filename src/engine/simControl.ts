/**
 * Play / pause / step / speed / cancel for a simulation running in the engine, through a small Int32Array.
 * With cross-origin isolation it lives in a SharedArrayBuffer that both sides see: the worker reads it between
 * steps and sleeps with Atomics.wait while paused (no message needed, even mid-computation). Without it, each side
 * has its own block: the UI's control forwards every command (`forward`, e.g. EngineClient.control) and the engine
 * applies it to its block (`apply`); the engine then yields to its event loop between steps (`waitTurn` returns a
 * promise) so those commands get through, and polls while paused.
 */
import type { ControlCommand } from './engineTypes.ts';

const PAUSED = 0;
const CREDITS = 1;
const CANCELLED = 2;
const DELAY = 3;
const SLEEP = 4;

/** Without shared memory: the engine yields at least this often (ms) so that commands are received. */
const YIELD_EVERY_MS = 40;
/** Without shared memory: how often a paused or sleeping engine looks at its block again (ms). */
const POLL_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Lets queued messages through, then continues: setImmediate where it exists (Node: it runs after the I/O phase,
 * where a short timer can run again before any message), else a MessageChannel task (browsers: no 4 ms clamp of
 * nested timers).
 */
const yieldToEvents: () => Promise<void> = (() => {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return () => new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (typeof MessageChannel === 'undefined') return () => sleep(0);
  let channel: MessageChannel | null = null;
  const waiting: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      if (channel === null) {
        channel = new MessageChannel();
        channel.port1.onmessage = () => waiting.shift()?.();
      }
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();

export class SimControl {
  readonly buffer: Int32Array;
  private lastYield = -Infinity;

  /**
   * A new control block (shared when the page is cross-origin isolated), or a view over an existing one.
   * `forward` receives every command given to this control while the block is not shared.
   */
  constructor(
    buffer?: Int32Array,
    private readonly forward?: (command: ControlCommand) => void,
  ) {
    const shared =
      typeof SharedArrayBuffer !== 'undefined' &&
      (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    this.buffer = buffer ?? new Int32Array(shared ? new SharedArrayBuffer(5 * 4) : new ArrayBuffer(5 * 4));
    if (this.buffer.length < 5)
      throw new Error(`SimControl: the control block has ${this.buffer.length} entries, expected 5`);
  }

  /** Whether both sides see this block (shared memory); otherwise commands travel as messages. */
  get live(): boolean {
    return typeof SharedArrayBuffer !== 'undefined' && this.buffer.buffer instanceof SharedArrayBuffer;
  }

  get paused(): boolean {
    return Atomics.load(this.buffer, PAUSED) === 1;
  }

  get aborted(): boolean {
    return Atomics.load(this.buffer, CANCELLED) === 1;
  }

  pause(): void {
    Atomics.store(this.buffer, CREDITS, 0);
    Atomics.store(this.buffer, PAUSED, 1);
    this.send({ op: 'pause' });
  }

  resume(): void {
    Atomics.store(this.buffer, PAUSED, 0);
    this.wake();
    this.send({ op: 'resume' });
  }

  /** While paused, lets exactly one more step run. */
  step(): void {
    Atomics.add(this.buffer, CREDITS, 1);
    this.wake();
    this.send({ op: 'step' });
  }

  cancel(): void {
    Atomics.store(this.buffer, CANCELLED, 1);
    this.wake();
    this.send({ op: 'cancel' });
  }

  /** Minimum wall time per simulated step, ms (0 = as fast as possible). */
  setDelay(ms: number): void {
    const delay = Math.max(0, Math.round(ms));
    Atomics.store(this.buffer, DELAY, delay);
    this.wake();
    this.send({ op: 'delay', ms: delay });
  }

  /** Engine side: performs a command forwarded by the UI's control. Throws on a malformed command. */
  apply(command: ControlCommand): void {
    switch (command?.op) {
      case 'pause':
        return this.pause();
      case 'resume':
        return this.resume();
      case 'step':
        return this.step();
      case 'cancel':
        return this.cancel();
      case 'delay':
        if (typeof command.ms !== 'number' || !(command.ms >= 0))
          throw new Error(`SimControl: delay must be a number of ms >= 0, got ${String(command.ms)}`);
        return this.setDelay(command.ms);
      default:
        throw new Error(
          `SimControl: unknown command ${JSON.stringify(command)} (expected pause, resume, step, cancel or delay)`,
        );
    }
  }

  /**
   * Engine side, after each step: waits for the step delay, then while paused (unless a step credit is available)
   * or until cancelled. Shared block: blocks the thread (a worker) with Atomics.wait and returns nothing. Otherwise
   * returns a promise that yields to the event loop (every step while slowed down or paused, else at least every
   * few tens of ms), or nothing when no yield is due.
   */
  waitTurn(): void | Promise<void> {
    if (this.live) return this.blockTurn();
    if (!this.paused && Atomics.load(this.buffer, DELAY) === 0 && performance.now() - this.lastYield < YIELD_EVERY_MS)
      return;
    return this.yieldTurn();
  }

  private blockTurn(): void {
    const delay = Atomics.load(this.buffer, DELAY);
    if (delay > 0 && !this.aborted) Atomics.wait(this.buffer, SLEEP, 0, delay);
    while (this.paused && !this.aborted) {
      if (Atomics.load(this.buffer, CREDITS) > 0) {
        Atomics.sub(this.buffer, CREDITS, 1);
        return;
      }
      Atomics.wait(this.buffer, SLEEP, 0, 500);
    }
  }

  private async yieldTurn(): Promise<void> {
    const started = performance.now();
    await yieldToEvents();
    // The delay is read again after each slice, so a speed change or a cancel takes effect at once.
    for (
      let left = Atomics.load(this.buffer, DELAY);
      left > 0 && !this.aborted;
      left = started + Atomics.load(this.buffer, DELAY) - performance.now()
    ) {
      await sleep(Math.min(POLL_MS, left));
    }
    while (this.paused && !this.aborted) {
      if (Atomics.load(this.buffer, CREDITS) > 0) {
        Atomics.sub(this.buffer, CREDITS, 1);
        break;
      }
      await sleep(POLL_MS);
    }
    this.lastYield = performance.now();
  }

  private send(command: ControlCommand): void {
    if (!this.live) this.forward?.(command);
  }

  private wake(): void {
    if (this.live) Atomics.notify(this.buffer, SLEEP);
  }
}
