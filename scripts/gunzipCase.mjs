#!/usr/bin/env node
// Materialises one conformance case as plain files, for tools that read plain TSV (datasets/conformance/compare.mjs).
//
//   node scripts/gunzipCase.mjs <case> <destDir> [--part expected|input]
//
// <case> is a folder name under datasets/conformance/ (core-s101, full-s202) or a path to a case folder.
// Writes every `*.tsv.gz` of the case's expected/ (default) or input/ folder to <destDir> as `*.tsv`, and copies
// the plain files (run.txt, gen_args.txt) as they are. Exit status: 0 on success, 2 on bad arguments.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const USAGE = 'usage: node scripts/gunzipCase.mjs <case> <destDir> [--part expected|input]';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const casesDir = join(root, 'datasets', 'conformance');

function usageError(message) {
  console.error(`gunzipCase: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const partAt = args.indexOf('--part');
const part = partAt >= 0 ? args[partAt + 1] : 'expected';
const positional = args.filter((a, i) => !a.startsWith('--') && (partAt < 0 || i !== partAt + 1));
if (positional.length !== 2) usageError('expected a case and a destination folder');
if (part !== 'expected' && part !== 'input') usageError(`--part must be expected or input, not ${part}`);

const [caseArg, destArg] = positional;
const caseDir = existsSync(join(casesDir, caseArg)) ? join(casesDir, caseArg) : resolve(caseArg);
const sourceDir = join(caseDir, part);
if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) {
  const known = existsSync(casesDir)
    ? readdirSync(casesDir).filter((n) => statSync(join(casesDir, n)).isDirectory())
    : [];
  usageError(`no ${part}/ folder for case "${caseArg}" (known cases: ${known.join(', ') || 'none'})`);
}

const dest = resolve(destArg);
mkdirSync(dest, { recursive: true });
let written = 0;
for (const name of readdirSync(sourceDir).sort()) {
  const from = join(sourceDir, name);
  if (!statSync(from).isFile()) continue;
  if (name.endsWith('.gz')) {
    writeFileSync(join(dest, name.slice(0, -'.gz'.length)), gunzipSync(readFileSync(from)));
  } else {
    copyFileSync(from, join(dest, name));
  }
  written++;
}
console.log(`gunzipCase: wrote ${written} file(s) from ${sourceDir} to ${dest}`);
