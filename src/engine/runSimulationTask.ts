/**
 * One simulation run inside the engine: validates the scenario, runs sim's runSimulation with the shared control
 * block (pause / step / speed / cancel), turns each step and scoring run into a small event for the UI (status
 * counts, the notes whose status changed, rules fired) and summarises the final scoring run with the world's truth.
 */
import { validateScenario } from '../../sim/scenario/validateScenario.ts';
import { runSimulation, SimulationCancelled, type SimulationResult } from '../../sim/engine/runSimulation.ts';
import { STATUS_CODES, type RunSnapshot } from '../../sim/engine/statusTimeline.ts';
import type { MFEngine } from '../../sim/scoring/mf/types.ts';
import { simulationMetrics } from '../../sim/metrics/simulationMetrics.ts';
import { coreThresholds } from './classroomScore.ts';
import type { SimEvent, SimNotes, SimRaters, SimRequest, SimRunEvent, SimSummary } from './engineTypes.ts';
import { notesView, ratersView } from './scoredViews.ts';
import { SimControl } from './simControl.ts';

/** What a run leaves in the engine: the summary for the UI and the full result for later detail requests. */
export interface SimTaskOutput {
  summary: SimSummary;
  result: SimulationResult | null;
}

/**
 * Runs `request`; calls `onEvent` after each step (at most ~20 a second) and after each scoring run (always).
 * Resolves with the summary (also when cancelled: `cancelled` is then true and the notes are those of the last
 * finished scoring run, if any). Throws a ScenarioError for an invalid scenario.
 */
export async function runSimulationTask(request: SimRequest, engine: MFEngine, onEvent?: (event: SimEvent) => void): Promise<SimTaskOutput> {
  const scenario = validateScenario(request.scenario);
  const control = new SimControl(request.control);
  const label = request.label ?? 'main';
  const started = performance.now();
  let prev: RunSnapshot | null = null;
  let runIndex = 0;
  let lastStepEvent = -Infinity;
  let stepsDone = 0;
  let steps = 0;
  let partial: SimulationResult | null = null;
  const emit = (event: SimEvent) => onEvent?.(event);
  try {
    partial = await runSimulation(scenario, {
      seed: request.seed,
      label,
      withAdversaries: request.withAdversaries,
      disabledRules: request.disabledRules,
      score: request.score,
      engine,
      signal: control,
      clock: () => performance.now(),
      onStep: (p) => {
        stepsDone = p.step;
        steps = p.steps;
        const now = performance.now();
        if (p.run) {
          emit(runEvent(label, runIndex++, p.run, prev, p.step, p.steps));
          prev = p.run;
        } else if (now - lastStepEvent >= 50 || p.step === p.steps || control.paused) {
          emit({ kind: 'step', label, step: p.step, steps: p.steps, time: p.time, notes: p.notes, ratings: p.ratings });
        }
        if (now - lastStepEvent >= 50) lastStepEvent = now;
        control.waitTurn();
      },
    });
  } catch (err) {
    if (!(err instanceof SimulationCancelled)) throw err;
  }
  const result = partial;
  const summary: SimSummary = {
    label,
    seed: request.seed ?? scenario.seed,
    scenarioName: scenario.name,
    steps,
    stepsDone,
    cancelled: result === null,
    start: scenario.time.startMillis,
    end: scenario.time.startMillis + scenario.time.days * 86_400_000,
    statusCodes: [...STATUS_CODES],
    notes: result ? simNotes(result) : null,
    raters: result ? simRaters(result) : null,
    sources: result ? { ...result.sources } : {},
    metrics: result ? simulationMetrics(result) : null,
    thresholds: coreThresholds(),
    millis: performance.now() - started,
  };
  return { summary, result };
}

function runEvent(label: string, index: number, run: RunSnapshot, prev: RunSnapshot | null, step: number, steps: number): SimRunEvent {
  const counts = new Array<number>(STATUS_CODES.length).fill(0);
  for (let n = 0; n < run.notes; n++) if (run.status[n] < counts.length) counts[run.status[n]]++;
  const note: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  if (prev) {
    const shared = Math.min(prev.notes, run.notes);
    for (let n = 0; n < shared; n++) {
      if (prev.status[n] !== run.status[n]) {
        note.push(n);
        from.push(prev.status[n]);
        to.push(run.status[n]);
      }
    }
  }
  return {
    kind: 'run',
    label,
    index,
    step,
    steps,
    time: run.time,
    notes: run.notes,
    ratings: run.ratings,
    counts,
    flips: { note: Int32Array.from(note), from: Uint8Array.from(from), to: Uint8Array.from(to) },
    rules: { ...run.rules },
    error: run.error,
  };
}

function simNotes(result: SimulationResult): SimNotes | null {
  if (!result.lastResult) return null;
  const base = notesView(result.dataset, result.lastResult);
  const key = result.lastResult.notes.key;
  const w = result.world.notes;
  return {
    ...base,
    index: key.slice(),
    helpfulness: Float64Array.from(key, (n) => w.helpfulness[n]),
    slant: Float64Array.from(key, (n) => w.slant[2 * n]),
    writerKind: Uint8Array.from(key, (n) => w.writerKind[n]),
  };
}

function simRaters(result: SimulationResult): SimRaters | null {
  if (!result.lastResult) return null;
  const base = ratersView(result.dataset, result.lastResult);
  const key = result.lastResult.raters.key;
  const p = result.world.participants;
  return {
    ...base,
    perspective: Float64Array.from(key, (u) => p.perspective[2 * u]),
    role: Uint8Array.from(key, (u) => p.role[u]),
  };
}
