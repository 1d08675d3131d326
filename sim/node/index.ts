/**
 * The Node-only door into sim/ (files, worker threads, the CLI's helpers), for notebooks/, bench/, scripts/ and
 * test/; everything else comes from `sim/index.ts`. Never imported by src/ (the browser): the lint rule in
 * eslint.config.js rejects it there.
 */
/** writeFileAtomic(path, chunks) writes through a temporary file and renames it into place. */
export { writeFileAtomic } from './atomicWrite.ts';
/** progressReporter(stream) returns an onProgress(stage, done, total) that draws a progress line on stderr. */
export { progressReporter } from './progressBar.ts';
/** loadScenario(nameOrPath) reads a preset (datasets/scenarios) or a JSON file and resolves to a validated Scenario. */
export { loadScenario, presetNames, PRESET_DIR } from './simulateCommand.ts';
/** readDataDir(dir) reads the four input files of a directory (TSV, gzip or Parquet) into a ReadDataset; writeDataDir writes them (TSV). */
export { readDataDir, writeDataDir, readOutputFile, DataDirError } from './dataFiles.ts';
/** writeOutputTable(dir, name, columns, formats) writes a table as .tsv/.parquet/.arrow, atomically; writeScoringOutputs the four scoring outputs. */
export { writeOutputTable, writeScoringOutputs } from './writeOutputTable.ts';
/** Scoring on worker threads: a ScorerWorkerPool kept across runs, or workerExecutor(state, size, engine) for one run. */
export { ScorerWorkerPool, workerExecutor } from './workerExecutor.ts';
/** Sweeps: sweepCommand(argv) / workerCommand(argv) (the CLI's), loadSweep(path), runKey(scenario, seed), runSweepJob(job). */
export { sweepCommand } from './sweepCommand.ts';
export { workerCommand } from './workerCommand.ts';
export { loadSweep, type LoadedSweep } from './loadSweep.ts';
export { runKey } from './sweepKey.ts';
export { runSweepJob, type SweepJob, type SweepJobResult } from './sweepJob.ts';
/** startLocalRedis(): a throwaway redis-server on a free port (tests, benchmarks); freePort(). */
export { startLocalRedis, freePort, type LocalRedis } from './localRedis.ts';
