import { metricsJson } from '../engine/outputFiles.ts';
import { runExperiment } from '../engine/runExperiment.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';

/** What one sweep run needs: the validated scenario and the seed (the same on a thread or a queue worker). */
export interface SweepJob {
  scenario: Scenario;
  seed: number;
}

/** A run's result: its metrics.json parsed back (numbers rounded as that file rounds them), and its wall time. */
export interface SweepJobResult {
  metrics: unknown;
  wallMillis: number;
}

/**
 * Runs one sweep run as `bridgelab simulate` would (runExperiment, scoring on this thread) and returns the
 * metrics as metrics.json holds them, so a run on a thread, in process or on a queue worker gives the same cells.
 */
export async function runSweepJob(job: SweepJob, signal?: AbortSignal): Promise<SweepJobResult> {
  const started = performance.now();
  // Yielding to the event loop after each step lets a signal (SIGINT) in when the run is on the main thread.
  const onStep = () => new Promise<void>((resolve) => setImmediate(resolve));
  const experiment = await runExperiment({ ...job.scenario, seed: job.seed }, { seed: job.seed, signal, onStep });
  return { metrics: JSON.parse(metricsJson(experiment.metrics)), wallMillis: performance.now() - started };
}
