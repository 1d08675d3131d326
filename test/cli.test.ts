// The bridgelab CLI as a user meets it: help, usage errors and malformed input files (exit code 2, a message
// that names file, line and column), run as a real child process on real files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'bridgelab.mjs');
const caseInput = join(root, 'datasets', 'conformance', 'core-s101', 'input');

function bridgelab(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

const read = (name: string) => gunzipSync(readFileSync(join(caseInput, `${name}.gz`))).toString('utf8');
const head = (text: string, lines: number) => text.split('\n').slice(0, lines).join('\n') + '\n';

/** A small data directory cut from the conformance input, with one file replaced by `override`. */
function dataDir(override: Partial<Record<'notes' | 'ratings' | 'nsh' | 'enrollment', string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bridgelab-bad-'));
  const files = {
    notes: ['notes-00000.tsv', head(read('notes-00000.tsv'), 20)],
    ratings: ['ratings-00000.tsv', head(read('ratings-00000.tsv'), 50)],
    nsh: ['noteStatusHistory-00000.tsv', head(read('noteStatusHistory-00000.tsv'), 20)],
    enrollment: ['userEnrollment-00000.tsv', head(read('userEnrollment-00000.tsv'), 50)],
  } as const;
  for (const [key, [name, text]] of Object.entries(files)) {
    writeFileSync(join(dir, name), override[key as keyof typeof files] ?? text);
  }
  return dir;
}

/** Replace field `col` (0-based) of data line `line` (1-based, header = line 1) of a TSV text. */
function setCell(text: string, line: number, col: number, value: string): string {
  const lines = text.split('\n');
  const cells = lines[line - 1].split('\t');
  cells[col] = value;
  lines[line - 1] = cells.join('\t');
  return lines.join('\n');
}

function expectBadInput(dir: string, pattern: RegExp) {
  const out = join(dir, 'out');
  const r = bridgelab('score', dir, '--out', out, '--quiet');
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
}

describe('bridgelab CLI', () => {
  it('prints help and exits 0', () => {
    const r = bridgelab('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/bridgelab score <dataDir> --out <outDir>/);
    expect(bridgelab('score', '--help').status).toBe(0);
  });

  it('rejects usage errors with exit code 2', () => {
    expect(bridgelab().status).toBe(2);
    expect(bridgelab('frobnicate').status).toBe(2);
    expect(bridgelab('score', caseInput).stderr).toMatch(/--out/);
    expect(bridgelab('score', caseInput, '--out', '/tmp/x', '--seed', 'abc').status).toBe(2);
    expect(bridgelab('score', caseInput, '--out', '/tmp/x', '--engine', 'gpu9000').status).toBe(2);
    expect(bridgelab('score', caseInput, '--out', '/tmp/x', '--bogus').status).toBe(2);
    const r = bridgelab('score', caseInput, '--out', '/tmp/x', '--disable-rules', 'NoSuchRule');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/NoSuchRule/);
  });

  it('names a missing input file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgelab-empty-'));
    mkdirSync(join(dir, 'x'));
    const r = bridgelab('score', dir, '--out', join(dir, 'out'), '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes-00000\.tsv/);
  });

  const ratings = head(read('ratings-00000.tsv'), 50);
  const notes = head(read('notes-00000.tsv'), 20);

  it('missing column', () => {
    const bad = ratings
      .split('\n')
      .map((l, i) => (i === 3 ? l.split('\t').slice(0, 20).join('\t') : l))
      .join('\n');
    expectBadInput(dataDir({ ratings: bad }), /ratings-00000\.tsv:4.*(column|field)/i);
  });

  it('unknown enum value', () => {
    expectBadInput(
      dataDir({ ratings: setCell(ratings, 5, 8, 'MAYBE') }),
      /ratings-00000\.tsv:5.*helpfulnessLevel.*MAYBE/,
    );
  });

  it('non-numeric timestamp', () => {
    expectBadInput(dataDir({ notes: setCell(notes, 3, 2, 'yesterday') }), /notes-00000\.tsv:3.*createdAtMillis/);
  });

  it('duplicate rating', () => {
    const lines = ratings.split('\n');
    const dup = setCell(lines[1], 1, 8, lines[1].split('\t')[8] === 'HELPFUL' ? 'NOT_HELPFUL' : 'HELPFUL');
    expectBadInput(dataDir({ ratings: ratings + dup + '\n' }), /ratings-00000\.tsv:\d+.*duplicate/i);
  });

  it('truncated last line', () => {
    const cut = ratings.trimEnd();
    expectBadInput(dataDir({ ratings: cut.slice(0, cut.length - 40) }), /ratings-00000\.tsv:50/);
  });

  it('empty file', () => {
    expectBadInput(dataDir({ notes: '' }), /notes-00000\.tsv.*empty/i);
  });

  it('wrong header', () => {
    expectBadInput(
      dataDir({ ratings: ratings.replace('helpfulnessLevel', 'helpfulnessLvl') }),
      /ratings-00000\.tsv:1.*helpfulnessL/,
    );
  });
});
