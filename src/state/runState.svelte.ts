/**
 * One simulation run as the UI follows it: play / pause / step / speed / cancel, progress (and which phase runs: the
 * main run or its counterfactual), the scoring-run events as they arrive and the final summary. Results are
 * $state.raw (replaced, never mutated). Latest wins: starting a new run abandons the previous one. Control goes
 * through shared memory when the page is cross-origin isolated, else as messages to the engine (EngineClient.control).
 */
import type { Scenario } from '../../sim/index.ts';
import { isCancelled, type EngineClient } from '../engine/engineClient.ts';
import type { SimEvent, SimPhase, SimRunEvent, SimStepEvent, SimSummary } from '../engine/engineTypes.ts';
import { SimControl } from '../engine/simControl.ts';

export type RunPhase = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/** Speeds offered: simulated steps per second (0 = as fast as the engine goes). */
export const SPEEDS = [0, 50, 10, 2] as const;

export class RunState {
  phase = $state<RunPhase>('idle');
  progress = $state.raw<SimStepEvent | null>(null);
  /** which run of the request is in progress: the main run, or its counterfactual (no adversaries) */
  stage = $state<SimPhase>('main');
  /** scoring-run events of the main run */
  runs = $state.raw<SimRunEvent[]>([]);
  summary = $state.raw<SimSummary | null>(null);
  error = $state<string | null>(null);
  /** steps per second, 0 = max */
  speed = $state<number>(0);
  /** the scenario of the current or last run */
  scenario = $state.raw<Scenario | null>(null);
  /** whether the control block is shared with the engine (cross-origin isolation); else commands are messages */
  sharedControl = $state(false);
  /** wall time of the last finished run, ms */
  millis = $state(0);

  private control: SimControl | null = null;
  private generation = 0;
  private static controls = 0;
  private engineClient: EngineClient | null = null;

  /** `engine` creates the client on first use; `label` names the run ('main', 'ab'). */
  constructor(
    private readonly engine: () => EngineClient,
    readonly label = 'main',
  ) {}

  /** The engine client holding this run's results (for note details). */
  get client(): EngineClient {
    this.engineClient ??= this.engine();
    return this.engineClient;
  }

  /**
   * Starts `scenario` (optionally with extra rules off, a paused start, or its counterfactual after it to measure
   * attack success); abandons any run in progress.
   */
  async start(
    scenario: Scenario,
    options: { disabledRules?: string[]; paused?: boolean; counterfactual?: boolean } = {},
  ): Promise<void> {
    this.stopCurrent();
    const mine = ++this.generation;
    const controlId = `${this.label}-${++RunState.controls}`;
    // Without shared memory, commands travel as messages; a failed send means the engine is gone, which the
    // simulate request itself reports.
    const control = new SimControl(
      undefined,
      (command) => void this.client.control(controlId, command).catch(() => {}),
    );
    this.control = control;
    this.sharedControl = control.live;
    control.setDelay(this.speed > 0 ? 1000 / this.speed : 0);
    if (options.paused) control.pause();
    this.scenario = scenario;
    this.phase = options.paused ? 'paused' : 'running';
    this.stage = 'main';
    this.progress = null;
    this.runs = [];
    this.summary = null;
    this.error = null;
    const started = performance.now();
    const onEvent = (e: SimEvent) => {
      if (mine !== this.generation) return;
      this.stage = e.phase;
      if (e.kind === 'step') this.progress = e;
      else {
        if (e.phase === 'main') this.runs = [...this.runs, e];
        this.progress = {
          kind: 'step',
          label: e.label,
          phase: e.phase,
          step: e.step,
          steps: e.steps,
          time: e.time,
          notes: e.notes,
          ratings: e.ratings,
        };
      }
    };
    try {
      const summary = await this.client.simulate(
        {
          scenario,
          label: this.label,
          disabledRules: options.disabledRules,
          control: control.buffer,
          controlId,
          counterfactual: options.counterfactual,
        },
        onEvent,
      );
      if (mine !== this.generation) return;
      this.summary = summary;
      this.millis = performance.now() - started;
      this.phase = summary.cancelled ? 'cancelled' : 'done';
    } catch (err) {
      if (mine !== this.generation) return;
      if (isCancelled(err)) this.phase = 'cancelled';
      else {
        this.error = err instanceof Error ? err.message : String(err);
        this.phase = 'error';
      }
    }
  }

  pause(): void {
    if (this.phase !== 'running' || !this.control) return;
    this.control.pause();
    this.phase = 'paused';
  }

  resume(): void {
    if (this.phase !== 'paused' || !this.control) return;
    this.control.resume();
    this.phase = 'running';
  }

  /** While paused: one more simulated step. */
  step(): void {
    if (this.phase === 'paused') this.control?.step();
  }

  setSpeed(stepsPerSecond: number): void {
    this.speed = stepsPerSecond;
    this.control?.setDelay(stepsPerSecond > 0 ? 1000 / stepsPerSecond : 0);
  }

  /**
   * Stops the run at the next step; when the engine is still busy (a long scoring run) after `graceMs`, the worker
   * is stopped outright.
   */
  cancel(graceMs = 1500): void {
    if (this.phase !== 'running' && this.phase !== 'paused') return;
    const hardStop = () => {
      this.generation++;
      this.engineClient?.cancel();
      this.phase = 'cancelled';
    };
    if (!this.control) return hardStop();
    this.control.cancel();
    const mine = this.generation;
    setTimeout(() => {
      if (mine === this.generation && (this.phase === 'running' || this.phase === 'paused')) hardStop();
    }, graceMs);
  }

  /** Releases the worker. */
  dispose(): void {
    this.stopCurrent();
    this.engineClient?.dispose();
    this.engineClient = null;
  }

  private stopCurrent(): void {
    this.control?.cancel();
    this.control = null;
  }
}
