/**
 * Play / pause / step / speed / cancel for a simulation running in the engine, through a small Int32Array that both
 * sides see. With cross-origin isolation it lives in a SharedArrayBuffer, so the worker reads it between steps and
 * sleeps with Atomics.wait while paused (no message needed, even mid-computation); without it, only the engine's
 * side works (in-process runs) and the UI cancels by stopping the worker.
 */
const PAUSED = 0;
const CREDITS = 1;
const CANCELLED = 2;
const DELAY = 3;
const SLEEP = 4;

export class SimControl {
  readonly buffer: Int32Array;

  /** A new control block (shared when the page is cross-origin isolated), or a view over an existing one. */
  constructor(buffer?: Int32Array) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    this.buffer = buffer ?? new Int32Array(shared ? new SharedArrayBuffer(5 * 4) : new ArrayBuffer(5 * 4));
  }

  /** Whether the engine can be paused from the UI thread (shared memory available). */
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
  }

  resume(): void {
    Atomics.store(this.buffer, PAUSED, 0);
    this.wake();
  }

  /** While paused, lets exactly one more step run. */
  step(): void {
    Atomics.add(this.buffer, CREDITS, 1);
    this.wake();
  }

  cancel(): void {
    Atomics.store(this.buffer, CANCELLED, 1);
    this.wake();
  }

  /** Minimum wall time per simulated step, ms (0 = as fast as possible). */
  setDelay(ms: number): void {
    Atomics.store(this.buffer, DELAY, Math.max(0, Math.round(ms)));
    this.wake();
  }

  /**
   * Engine side, after each step: sleeps for the step delay, then blocks while paused (unless a step credit is
   * available) or until cancelled. Only blocks when the block is shared and we are allowed to wait (a worker).
   */
  waitTurn(): void {
    if (!this.live) return;
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

  private wake(): void {
    if (this.live) Atomics.notify(this.buffer, SLEEP);
  }
}
