/**
 * One simulation request inside the engine: validates the scenario, runs sim's runSimulation under the control
 * block (pause / step / speed / cancel), turns each step and scoring run into a small event for the UI (status
 * counts, the notes whose status changed, rules fired), summarises the final scoring run with the world's truth
 * and, when asked, runs the counterfactual and reports attack success.
 */
import {
  coreThresholds,
  postActivation,
  postBoard,
  runSimulation,
  simulationMetrics,
  SimulationCancelled,
  NOTE_STATUSES,
  validateScenario,
  type MFEngine,
  type RunSnapshot,
  type Scenario,
  type SimulationResult,
} from '../../sim/index.ts';
import { attackSummary } from './attackSummary.ts';
import type {
  AttackSummary,
  SimEvent,
  SimNotes,
  SimPhase,
  SimPosts,
  SimRaters,
  SimRequest,
  SimRunEvent,
  SimSummary,
} from './engineTypes.ts';
import { notesView, ratersView } from './scoredViews.ts';
import { SimControl } from './simControl.ts';

/** What a run leaves in the engine: the summary for the UI and the full result for later detail requests. */
export interface SimTaskOutput {
  summary: SimSummary;
  /** the main run (not its counterfactual); null when cancelled before it ended */
  result: SimulationResult | null;
}

/**
 * Runs `request`; calls `onEvent` after each step (at most ~20 a second) and after each scoring run (always), each
 * event naming its phase. With `request.counterfactual` and adversaries in the scenario, then runs the same world
 * and seed without them (phase 'counterfactual') and reports attack success in `summary.attack`. `control` (default:
 * a view over request.control) pauses, steps, slows or cancels both runs. Resolves with the summary (also when
 * cancelled: `cancelled` is then true and the notes are those of the main run's last finished scoring run, if
 * any). Throws a ScenarioError for an invalid scenario.
 */
export async function runSimulationTask(
  request: SimRequest,
  engine: MFEngine,
  onEvent?: (event: SimEvent) => void,
  control: SimControl = new SimControl(request.control),
): Promise<SimTaskOutput> {
  const scenario = validateScenario(request.scenario);
  const label = request.label ?? 'main';
  const started = performance.now();
  const emit = (event: SimEvent) => onEvent?.(event);
  const main = await runPhase(
    scenario,
    request,
    { label, phase: 'main', withAdversaries: request.withAdversaries },
    engine,
    control,
    emit,
  );
  const result = main.result;
  const metrics = result ? simulationMetrics(result) : null;
  const wantCounterfactual =
    request.counterfactual === true && request.withAdversaries !== false && scenario.adversaries.length > 0;
  let attack: AttackSummary | null = null;
  let cancelled = result === null;
  if (result && metrics && wantCounterfactual) {
    const cfStarted = performance.now();
    const cfLabel = label === 'main' ? 'counterfactual' : `${label}-counterfactual`;
    const cf = await runPhase(
      scenario,
      request,
      { label: cfLabel, phase: 'counterfactual', withAdversaries: false },
      engine,
      control,
      emit,
    );
    if (cf.result)
      attack = attackSummary(result, cf.result, metrics, simulationMetrics(cf.result), performance.now() - cfStarted);
    else cancelled = true;
  }
  const summary: SimSummary = {
    label,
    seed: request.seed ?? scenario.seed,
    scenarioName: scenario.name,
    steps: main.steps,
    stepsDone: main.stepsDone,
    cancelled,
    start: scenario.time.startMillis,
    end: scenario.time.startMillis + scenario.time.days * 86_400_000,
    statusCodes: [...NOTE_STATUSES],
    notes: result ? simNotes(result) : null,
    raters: result ? simRaters(result) : null,
    sources: result ? { ...result.sources } : {},
    metrics,
    thresholds: coreThresholds(),
    attack,
    posts: result ? simPosts(result) : null,
    millis: performance.now() - started,
  };
  return { summary, result };
}

interface PhaseOutput {
  /** null when cancelled */
  result: SimulationResult | null;
  steps: number;
  stepsDone: number;
}

/** One runSimulation with its events; waits its turn (pause / step / speed) after every step. */
async function runPhase(
  scenario: Scenario,
  request: SimRequest,
  run: { label: string; phase: SimPhase; withAdversaries: boolean | undefined },
  engine: MFEngine,
  control: SimControl,
  emit: (event: SimEvent) => void,
): Promise<PhaseOutput> {
  const { label, phase } = run;
  let prev: RunSnapshot | null = null;
  let runIndex = 0;
  let lastStepEvent = -Infinity;
  const out: PhaseOutput = { result: null, steps: 0, stepsDone: 0 };
  try {
    out.result = await runSimulation(scenario, {
      seed: request.seed,
      label,
      withAdversaries: run.withAdversaries,
      disabledRules: request.disabledRules,
      score: request.score,
      engine,
      signal: control,
      clock: () => performance.now(),
      onStep: (p) => {
        out.stepsDone = p.step;
        out.steps = p.steps;
        const now = performance.now();
        if (p.run) {
          emit(runEvent(label, phase, runIndex++, p.run, prev, p.step, p.steps));
          prev = p.run;
        } else if (now - lastStepEvent >= 50 || p.step === p.steps || control.paused) {
          emit({
            kind: 'step',
            label,
            phase,
            step: p.step,
            steps: p.steps,
            time: p.time,
            notes: p.notes,
            ratings: p.ratings,
          });
        }
        if (now - lastStepEvent >= 50) lastStepEvent = now;
        return control.waitTurn();
      },
    });
  } catch (err) {
    if (!(err instanceof SimulationCancelled)) throw err;
  }
  return out;
}

function runEvent(
  label: string,
  phase: SimPhase,
  index: number,
  run: RunSnapshot,
  prev: RunSnapshot | null,
  step: number,
  steps: number,
): SimRunEvent {
  const counts = new Array<number>(NOTE_STATUSES.length).fill(0);
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
    phase,
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

function simPosts(result: SimulationResult): SimPosts | null {
  const board = postBoard(result);
  const activation = postActivation(result);
  return board && activation ? { board, activation } : null;
}
