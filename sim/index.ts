/**
 * Bridgelab's public API, the one door into sim/: src/, notebooks/, bench/, scripts/ and test/ import from here and
 * nowhere deeper (the lint rule `no-restricted-imports` in eslint.config.js enforces it). Node-only helpers (files,
 * worker threads, the CLI's commands) have their own door, `sim/node/index.ts`, for notebooks, bench and scripts.
 *
 * Scoring: `scoreDataset(data, { now, seed, engine })` runs the whole Community Notes pipeline on a `Dataset`
 * (the four public files as columnar tables) and returns frames of the four output files; `outputTables` lays them
 * out for `writeTsv`.
 */

// Data: the public file format as columnar tables (Dataset, RatingsTable, Dictionary, FLAG, levelOf, ...).
export * from './data/tables.ts';
/** Bad input, located at file, line and column. */
export { DataFormatError } from './data/dataFormatError.ts';
/** Reads the four input files from texts (readDatasetText) or streamed chunks (DatasetReader) into a ReadDataset. */
export { readDatasetText, DatasetReader, type ReadDataset, type DatasetTexts } from './data/datasetReader.ts';
/** Splits streamed text chunks into TSV lines for a line sink. */
export { TsvLineSplitter } from './data/tsvLines.ts';
/** Bytes to lines with invalid UTF-8 located at its line and field (Utf8LineSplitter); warnings of a read (DataWarning). */
export { Utf8LineSplitter, type Utf8Decode } from './data/utf8Lines.ts';
export { formatWarning, warningsTsv, type DataWarning } from './data/dataWarnings.ts';
export { scoringWarnings } from './scoring/pipeline/scoringWarnings.ts';
/** Input file layouts: the header line of a layout (headerLine(NOTES_LAYOUT)). */
export { headerLine, NOTES_LAYOUT, RATINGS_LAYOUT } from './data/inputColumns.ts';
/** Writes output columns as TSV (writeTsv to a sink, tsvText to a string). */
export { writeTsv, tsvText, type OutputColumn } from './data/writeTsv.ts';
/** Output formats: encodeTable(columns, 'tsv' | 'parquet' | 'arrow', { typeOf }) gives a file's chunks; a Parquet / Arrow
 * value always equals its TSV cell (typedTable); scoringOutputType(name) types the four scoring outputs' columns. */
export {
  encodeTable,
  parseOutputFormats,
  OUTPUT_FORMATS,
  FORMAT_EXTENSION,
  type OutputFormat,
} from './formats/outputFormat.ts';
export { typedTable, type TypedTable, type TypedColumn, type ColumnType } from './formats/typedTable.ts';
export { parquetBytes } from './formats/parquetBytes.ts';
export { arrowBytes } from './formats/arrowBytes.ts';
export { scoringOutputType } from './formats/scoringOutputTypes.ts';
/** Parquet input: pushParquetRows feeds a .parquet input file to a table reader; parquetTextTable reads an output. */
export { pushParquetRows } from './formats/parquetInput.ts';
export { parquetTextTable } from './formats/parquetTextTable.ts';
/** Our TSV outputs read back by header (every cell as text), e.g. a sweep's runs.tsv in the dashboard. */
export { readOutputTable, type TextTable } from './data/readOutputTable.ts';
/** Writes a Dataset's tables back in the public input format. */
export { writeNotesTsv, writeRatingsTsv, writeStatusHistoryTsv, writeEnrollmentTsv } from './data/writeInputFiles.ts';
export { transferables } from './data/transferables.ts';
/** Column orders of the four output files. */
export {
  SCORED_NOTES_COLUMNS,
  HELPFULNESS_SCORES_COLUMNS,
  NOTE_STATUS_HISTORY_COLUMNS,
  AUX_NOTE_INFO_COLUMNS,
} from './data/outputColumns.ts';
/** Seeded randomness: randomSeeded(seed) gives a RandomSource; deriveSeed(seed, label) a sub-seed. */
export { randomSeeded, deriveSeed, randomNormal, type RandomSource } from './random/random.ts';

// Scoring.
/** Named columns over notes or participants (the pipeline's tables). */
export { Frame } from './scoring/frame.ts';
export * from './scoring/constants.ts';
/** Note statuses: the names (CRH, ...), their codes (StatusCode, NOTE_STATUSES[code]) and conversions. */
export * from './scoring/noteStatus.ts';
/** MF engines by name: createEngine(name) resolves to an MFEngine (tfjs ones load tfjs-core on demand). */
export { createEngine, ENGINE_NAMES, type EngineName } from './scoring/mf/engines.ts';
/** The typed-array MF engine; fitSync(problem, init, options) fits on this thread and returns MFFitResult. */
export { TypedMFEngine, fitSync } from './scoring/mf/typedEngine.ts';
/** One fit's model on typed arrays (step / evaluate), for benchmarks of the fit loop. */
export { TypedMFModel } from './scoring/mf/typedModel.ts';
export type { LoopModel } from './scoring/mf/fitLoop.ts';
/** Initial MF parameters (Xavier factors, warm starts from tables) for global note and rater indices. */
export { warmStart } from './scoring/mf/init.ts';
/** A seeded synthetic MF problem of a given size, with the parameters that generated it. */
export { syntheticProblem } from './scoring/mf/syntheticProblem.ts';
export type { MFEngine, MFProblem, MFParams, MFFitOptions, MFFitResult } from './scoring/mf/types.ts';
export { DEFAULT_FIT_OPTIONS, DEFAULT_LAMBDAS } from './scoring/mf/types.ts';
export type { TfjsBackendName } from './scoring/mf/tfjsEngine.ts';
/** Loads the TensorFlow.js engine module on demand (createTfjsEngine, TfjsMFModel); tfjs-core stays out of here. */
export const loadTfjsEngine = () => import('./scoring/mf/tfjsEngine.ts');
/** scoreDataset(data, options) runs the whole pipeline and resolves to a ScoringResult (four output frames). */
export { scoreDataset, outputTables, nextStatusHistory, type ScoringResult } from './scoring/pipeline/scoreDataset.ts';
export type { ScoringOptions } from './scoring/pipeline/runScoring.ts';
export { inProcessExecutor, type ScorerExecutor, type ScorerState } from './scoring/pipeline/scorerExecutor.ts';
/** The scorers and their parameters (§12); CORE_SCORER is MFCoreScorer's configuration. */
export { scorerCatalogue, CORE_SCORER } from './scoring/scorers/catalogue.ts';
export type { ScorerConfig, RuleThresholds } from './scoring/scorers/scorerConfig.ts';
/** coreThresholds() returns the core scorer's status thresholds (CoreThresholds) for drawing status regions. */
export { coreThresholds, type CoreThresholds } from './scoring/scorers/coreThresholds.ts';
/** The ordered, switchable rule tables: per-scorer rules, meta rules, pipeline safeguards (by name). */
export { SCORER_RULES } from './scoring/rules/scorerRules.ts';
export { metaRules, DEFAULT_META_PARAMS } from './scoring/meta/metaRules.ts';
export { ruleNamesOf } from './scoring/meta/applyRules.ts';
export { pipelineSafeguardNames } from './scoring/pipelineSafeguards.ts';
/** The classroom: classroomScore(world) fits a small raters × notes grid and applies the core rules (ClassroomFit). */
export { classroomScore, CLASSROOM_MAX, type ClassroomWorld, type ClassroomFit } from './classroom/classroomScore.ts';

// Simulation: scenarios, synthetic worlds, time-stepped runs, metrics against the truth.
/** validateScenario(json) returns a complete Scenario or throws ScenarioError naming the field path. */
export { validateScenario, ScenarioError } from './scenario/validateScenario.ts';
/** The memory a scenario needs (estimateScenarioMemory) and the refusal of what will not fit (checkScenarioMemory). */
export {
  estimateScenarioMemory,
  checkScenarioMemory,
  formatBytes,
  type MemoryEstimate,
} from './scenario/estimateMemory.ts';
/** The scenario schema: field specs (FieldSpec) with defaults and ranges, for forms and URL codecs. */
export { SCENARIO_FIELDS, ADVERSARY_COMMON_FIELDS, ADVERSARY_FIELDS, type FieldSpec } from './scenario/schema.ts';
export type * from './scenario/scenarioTypes.ts';
export { ADVERSARY_KINDS } from './scenario/scenarioTypes.ts';
/** Sweeps: validateSweep(json) (SweepError names the field), expandSweep(spec, baseJson) (every cell validated), the runs/summary tables. */
export { validateSweep, SweepError } from './sweep/validateSweep.ts';
export { expandSweep, sweepRuns, variedPaths, type ExpandedCell, type SweepRun } from './sweep/expandSweep.ts';
export type { SweepSpec, SweepAxis, SweepParam } from './sweep/sweepTypes.ts';
export {
  runsHeader,
  runRow,
  summaryColumns,
  typedColumns,
  KEY_COLUMN,
  SEED_COLUMN,
  WALL_COLUMN,
} from './sweep/sweepTable.ts';
/** meanInterval(values): mean and 95 % CI (Student's t, n − 1 dof); studentTQuantile(p, dof); canonicalJson(value). */
export { meanInterval, type MeanInterval } from './sweep/meanInterval.ts';
export { studentTQuantile, studentTCdf } from './sweep/studentT.ts';
export { canonicalJson } from './sweep/canonicalJson.ts';
/** buildWorld(scenario, seed, withAdversaries) draws the synthetic world: raters, posts, notes and their truth. */
export { buildWorld } from './world/buildWorld.ts';
/** runSimulation(scenario, options) resolves to a SimulationResult (world, status timeline, last scoring). */
export {
  runSimulation,
  SimulationCancelled,
  type SimulationOptions,
  type SimulationResult,
} from './engine/runSimulation.ts';
/** postBoard(result, params) rescores a run's last post run with other §12 parameters (rows, explanations, ranks); postActivation(result) is its post timeline. */
export {
  postBoard,
  postActivation,
  type PostBoard,
  type PostBoardRanking,
  type PostActivation,
} from './engine/postBoard.ts';
/** Per-run snapshots of the note statuses (StatusCode values) kept by a simulation. */
export type { RunSnapshot } from './engine/statusTimeline.ts';
/** runExperiment(scenario, options): main run, counterfactual and A/B; attackReport(run, cf, metrics, cfMetrics). */
export {
  runExperiment,
  attackReport,
  type ExperimentResult,
  type ExperimentMetrics,
  type AttackReport,
} from './engine/runExperiment.ts';
/** simulationMetrics(result) returns every metric of a finished run against the truth (SimulationMetrics). */
export { simulationMetrics, type SimulationMetrics } from './metrics/simulationMetrics.ts';
/** Attack success per adversary (AttackOutcome) and collateral, from a run and its counterfactual. */
export { attackSuccess, type AttackOutcome, type Collateral } from './metrics/attackSuccess.ts';
/** metricDeltas(a, b) is b − a field by field; the comparable metrics of a run and their deltas. */
export { metricDeltas, type MetricDeltas } from './metrics/metricDeltas.ts';
export { comparable, type ComparableMetrics, type ComparableDeltas } from './metrics/comparableMetrics.ts';
/** targetHelpfulShare(attack, counterfactual): share of targets Helpful per run time, with and without the attack. */
export { targetHelpfulShare, type TargetHelpfulSeries } from './metrics/targetHelpfulShare.ts';
/** hoursToFirstHelpful(notes, runs): hours from creation to the first Helpful run per note (NaN when never). */
export { hoursToFirstHelpful } from './metrics/timeToHelpful.ts';
/** detection(run, participants, adversaries) scores a scoring run's detectors against the true adversary accounts. */
export { detection } from './metrics/detection.ts';
/** Suppression, pollution, infiltration and waste (arXiv 2511.02615) of a publication decision against the truth. */
export {
  publicationErrors,
  splitBySide,
  studyPublished,
  type PublicationErrors,
  type SplitPublicationErrors,
} from './metrics/publicationErrors.ts';
/** publicationMetrics(result): those rates by the study's rule and by status, split by true and inferred side. */
export { publicationMetrics, type PublicationBreakdown } from './metrics/publicationMetrics.ts';
/** The latent-factor world's rating softmax and ground truth (world.model "latent"). */
export { latentProbabilities, latentTrulyHelpful } from './world/latentWorld.ts';
/** Scorer profiles (scoring.profile): named switch sets over the one pipeline, and their expansion. */
export { SCORING_PROFILES, expandScoringProfile, type ScoringProfile } from './scoring/scoringProfiles.ts';

// Posts "liked by people who disagree" (§12): post scoring, post files, post simulation.
export * from './posts/index.ts';
