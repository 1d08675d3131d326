/**
 * Bridgelab's public API: src/, notebooks/ and bench/ import from here.
 *
 * Scoring: `scoreDataset(data, { now, seed, engine })` runs the whole Community Notes pipeline on a `Dataset`
 * (the four public files as columnar tables) and returns frames of the four output files; `outputTables` lays them
 * out for `writeTsv`.
 */
export * from './data/tables.ts';
export { DataFormatError } from './data/dataFormatError.ts';
export { readDatasetText, DatasetReader, type ReadDataset } from './data/datasetReader.ts';
export { writeTsv, tsvText, type OutputColumn } from './data/writeTsv.ts';
export { writeNotesTsv, writeRatingsTsv, writeStatusHistoryTsv, writeEnrollmentTsv } from './data/writeInputFiles.ts';
export { transferables } from './data/transferables.ts';
export {
  SCORED_NOTES_COLUMNS,
  HELPFULNESS_SCORES_COLUMNS,
  NOTE_STATUS_HISTORY_COLUMNS,
  AUX_NOTE_INFO_COLUMNS,
} from './data/outputColumns.ts';
export { randomSeeded, deriveSeed, randomNormal, type RandomSource } from './random/random.ts';
export { Frame } from './scoring/frame.ts';
export * from './scoring/constants.ts';
export { createEngine, ENGINE_NAMES, type EngineName } from './scoring/mf/engines.ts';
export { TypedMFEngine, fitSync } from './scoring/mf/typedEngine.ts';
export type { MFEngine, MFProblem, MFParams, MFFitOptions, MFFitResult } from './scoring/mf/types.ts';
export { DEFAULT_FIT_OPTIONS, DEFAULT_LAMBDAS } from './scoring/mf/types.ts';
export { scoreDataset, outputTables, nextStatusHistory, type ScoringResult } from './scoring/pipeline/scoreDataset.ts';
export type { ScoringOptions } from './scoring/pipeline/runScoring.ts';
export { inProcessExecutor, type ScorerExecutor, type ScorerState } from './scoring/pipeline/scorerExecutor.ts';
export { scorerCatalogue, CORE_SCORER } from './scoring/scorers/catalogue.ts';
export type { ScorerConfig, RuleThresholds } from './scoring/scorers/scorerConfig.ts';
export { SCORER_RULES } from './scoring/rules/scorerRules.ts';
export { metaRules, DEFAULT_META_PARAMS } from './scoring/meta/metaRules.ts';
export { ruleNamesOf } from './scoring/meta/applyRules.ts';

// Simulation: scenarios, synthetic worlds, time-stepped runs, metrics against the truth.
export { validateScenario, ScenarioError } from './scenario/validateScenario.ts';
export { SCENARIO_FIELDS, ADVERSARY_COMMON_FIELDS, ADVERSARY_FIELDS } from './scenario/schema.ts';
export type * from './scenario/scenarioTypes.ts';
export { buildWorld } from './world/buildWorld.ts';
export { runSimulation, SimulationCancelled, type SimulationOptions, type SimulationResult } from './engine/runSimulation.ts';
export { runExperiment, type ExperimentResult, type ExperimentMetrics } from './engine/runExperiment.ts';
export { simulationMetrics } from './metrics/simulationMetrics.ts';
export { attackSuccess } from './metrics/attackSuccess.ts';
export { metricDeltas } from './metrics/metricDeltas.ts';
export { detection } from './metrics/detection.ts';

// Posts "liked by people who disagree" (§12): post scoring, post files, post simulation.
export * from './posts/index.ts';
