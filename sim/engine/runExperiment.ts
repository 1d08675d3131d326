import { attackSuccess, type AttackOutcome, type Collateral } from '../metrics/attackSuccess.ts';
import { comparable, type ComparableDeltas } from '../metrics/comparableMetrics.ts';
import { metricDeltas } from '../metrics/metricDeltas.ts';
import { postAttackSuccess, type PostAttackOutcome, type PostCollateral } from '../metrics/postAttackSuccess.ts';
import { simulationMetrics, type SimulationMetrics } from '../metrics/simulationMetrics.ts';
import { createEngine, type EngineName } from '../scoring/mf/engines.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import { runSimulation, type SimulationOptions, type SimulationResult } from './runSimulation.ts';

/** Attack success of a run with adversaries against its counterfactual. */
export interface AttackReport {
  adversaries: AttackOutcome[];
  collateral: Collateral;
  /** comparable metrics, with attack minus without */
  deltas: ComparableDeltas;
  /** the post adversaries' outcomes (§12 active, rankings' top k) when the scenario has a post pilot */
  posts: { adversaries: PostAttackOutcome[]; collateral: PostCollateral } | null;
}

/** The metrics of an experiment: the main run and, when asked for, counterfactual and A/B runs. */
export interface ExperimentMetrics {
  scenario: string;
  seed: number;
  main: SimulationMetrics;
  counterfactual: SimulationMetrics | null;
  attack: AttackReport | null;
  ab: {
    disabledRules: string[];
    metrics: SimulationMetrics;
    /** comparable metrics, rules off minus rules on */
    deltas: ComparableDeltas;
    counterfactual: SimulationMetrics | null;
    attack: AttackReport | null;
  } | null;
}

/** The runs of an experiment and their metrics. */
export interface ExperimentResult {
  main: SimulationResult;
  counterfactual: SimulationResult | null;
  ab: SimulationResult | null;
  abCounterfactual: SimulationResult | null;
  metrics: ExperimentMetrics;
}

/**
 * Runs a scenario's experiment on one world and seed: the main run; with adversaries and
 * `compare.counterfactual`, the same world without them (attack success); with `compare.abDisabledRules`, the same
 * world with those rules switched off too (A/B of safeguards, plus its own counterfactual when there are
 * adversaries). Progress labels: 'main', 'counterfactual', 'ab', 'ab-counterfactual'.
 *
 * @example const { metrics } = await runExperiment(scenario, { seed: 7 }); metrics.attack?.adversaries[0].successRate;
 */
export async function runExperiment(scenario: Scenario, options: SimulationOptions = {}): Promise<ExperimentResult> {
  const engine = options.engine ?? (await createEngine(scenario.scoring.engine as EngineName));
  const base = { ...options, engine };
  const attacked = scenario.adversaries.length > 0;
  const wantCounterfactual = attacked && scenario.compare.counterfactual;
  const abRules = scenario.compare.abDisabledRules;
  const main = await runSimulation(scenario, { ...base, label: 'main' });
  const counterfactual = wantCounterfactual
    ? await runSimulation(scenario, { ...base, label: 'counterfactual', withAdversaries: false })
    : null;
  let ab: SimulationResult | null = null;
  let abCounterfactual: SimulationResult | null = null;
  if (abRules.length > 0) {
    const disabledRules = [...new Set([...scenario.scoring.disabledRules, ...abRules])];
    ab = await runSimulation(scenario, { ...base, label: 'ab', disabledRules });
    if (wantCounterfactual)
      abCounterfactual = await runSimulation(scenario, {
        ...base,
        label: 'ab-counterfactual',
        withAdversaries: false,
        disabledRules,
      });
  }
  const mainMetrics = simulationMetrics(main);
  const cfMetrics = counterfactual ? simulationMetrics(counterfactual) : null;
  const abMetrics = ab ? simulationMetrics(ab) : null;
  const abCfMetrics = abCounterfactual ? simulationMetrics(abCounterfactual) : null;
  const report = attackReport;
  return {
    main,
    counterfactual,
    ab,
    abCounterfactual,
    metrics: {
      scenario: scenario.name,
      seed: main.seed,
      main: mainMetrics,
      counterfactual: cfMetrics,
      attack: counterfactual && cfMetrics ? report(main, counterfactual, mainMetrics, cfMetrics) : null,
      ab:
        ab && abMetrics
          ? {
              disabledRules: ab.disabledRules,
              metrics: abMetrics,
              deltas: metricDeltas(comparable(mainMetrics), comparable(abMetrics)),
              counterfactual: abCfMetrics,
              attack: abCounterfactual && abCfMetrics ? report(ab, abCounterfactual, abMetrics, abCfMetrics) : null,
            }
          : null,
    },
  };
}

/**
 * Attack success of a run with adversaries against its counterfactual (the same world and seed without them), and
 * the comparable metrics' differences (attack minus without), from both runs and their metrics.
 */
export function attackReport(
  run: SimulationResult,
  counterfactual: SimulationResult,
  metrics: SimulationMetrics,
  counterfactualMetrics: SimulationMetrics,
): AttackReport {
  if (counterfactual.withAdversaries)
    throw new Error('attackReport: the counterfactual run must be without adversaries');
  if (counterfactual.seed !== run.seed)
    throw new Error(`attackReport: the runs have different seeds (${run.seed} and ${counterfactual.seed})`);
  return {
    ...attackSuccess(
      { world: run.world, runs: run.timeline.runs, adversaries: run.adversaries },
      { world: counterfactual.world, runs: counterfactual.timeline.runs, adversaries: [] },
    ),
    deltas: metricDeltas(comparable(counterfactualMetrics), comparable(metrics)),
    posts:
      run.posts && counterfactual.posts
        ? postAttackSuccess(run.posts, counterfactual.posts, run.scenario.posts.rankK)
        : null,
  };
}
