#!/usr/bin/env node
// The one test command (`npm test`), the same as CI runs:
//   1. type-check sim/ alone (no DOM, no Node types) and the whole project,
//   2. lint (.ts, .js and .svelte; type-aware promise rules), the format check (prettier), and type-check the .svelte
//      components (svelte-check, warnings count as failures),
//   3. vitest (extra CLI arguments are passed to vitest, e.g. `npm test -- sim/scoring`).
// Each check in 1 and 2 counts as one test. The very last line on stdout is exactly `N passed, N failed`;
// the exit status is non-zero when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extraArgs = process.argv.slice(2);

/** Runs a command with inherited stdio; resolves to its exit code (a spawn failure or a signal counts as 1). */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`test: could not start ${command}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** Reads vitest's JSON report; returns null when it is missing or unreadable. */
function readVitestReport(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (_err) {
    return null;
  }
}

/** Counts a vitest run: failed assertions, plus files that failed without any failed assertion (import errors). */
function countVitest(report, exitCode) {
  if (!report) return { passed: 0, failed: 1, notes: [`vitest wrote no report (exit code ${exitCode})`] };
  let passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const notes = [];
  for (const file of report.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) {
      failed++;
      notes.push(`test file failed to run: ${file.name.replace(root + '/', '')}`);
    }
  }
  if (exitCode !== 0 && failed === 0) {
    failed++;
    notes.push(`vitest exited with code ${exitCode} (unhandled error, no test files, or a crash)`);
  }
  return { passed, failed, notes };
}

const checks = [
  {
    name: 'typecheck sim (tsc -p sim/tsconfig.json)',
    command: bin('tsc'),
    args: ['-p', 'sim/tsconfig.json', '--noEmit'],
  },
  { name: 'typecheck project (tsc -p tsconfig.json)', command: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint (eslint .)', command: bin('eslint'), args: ['.'] },
  { name: 'format (prettier --check .)', command: bin('prettier'), args: ['--check', '.'] },
  {
    name: 'typecheck .svelte files (svelte-check)',
    command: bin('svelte-check'),
    args: ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
  },
];

const results = [];
for (const check of checks) {
  console.log(`\n== ${check.name}`);
  const code = await run(check.command, check.args);
  results.push({ name: check.name, ok: code === 0 });
  console.log(`== ${check.name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-test-'));
const reportPath = join(tmp, 'vitest.json');
console.log('\n== unit tests (vitest run)');
const vitestCode = await run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportPath}`,
  ...extraArgs,
]);
const vitest = countVitest(readVitestReport(reportPath), vitestCode);
rmSync(tmp, { recursive: true, force: true });

const staticPassed = results.filter((r) => r.ok).length;
const staticFailed = results.length - staticPassed;
const passed = staticPassed + vitest.passed;
const failed = staticFailed + vitest.failed;

const summary = [
  '',
  '== summary',
  ...results.map((r) => `${r.ok ? 'passed' : 'FAILED'}  ${r.name}`),
  `vitest  ${vitest.passed} passed, ${vitest.failed} failed`,
  ...vitest.notes.map((n) => `FAILED  ${n}`),
  `${passed} passed, ${failed} failed`,
];
process.exitCode = failed === 0 ? 0 : 1;
// One write, after every child has exited, so the count is the last line on stdout.
process.stdout.write(summary.join('\n') + '\n');
