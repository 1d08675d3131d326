// The bad-input suite's sample through the real CLI (child processes): generated malformed downloads and the
// command-line cases (--out, --scorers, --epoch-millis, scenario fields, impossible sizes, odd files). Each must
// exit 2 with a message naming the place and no stack trace, and leave no output directory behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, FILES, type FileKey, type Mutation, STRICT_CELLS, mutate } from '../data/testing/badInputCases.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'bridgelab.mjs');
const work = mkdtempSync(join(tmpdir(), 'bridgelab-badcli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stderr: string;
}

function bridgelab(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (status) => done({ status, stderr }));
  });
}

/** Runs `jobs` with at most `limit` child processes at once. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      out[k] = await jobs[k]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

let dirs = 0;
function dataDir(files: Record<FileKey, Uint8Array> = BASE): string {
  const dir = join(work, `d${dirs++}`);
  mkdirSync(dir);
  for (const key of Object.keys(FILES) as FileKey[]) writeFileSync(join(dir, FILES[key].name), files[key]);
  return dir;
}

interface Case {
  label: string;
  args: string[];
  /** the output directory the case names (must not exist afterwards unless `outExists`) */
  out: string;
  message: RegExp;
  outExists?: boolean;
}

const NOW = '1748736000000';

function fromMutation(m: Mutation): Case {
  const dir = dataDir(m.files);
  const out = join(dir, 'out');
  if (m.expect.kind !== 'error') throw new Error('CLI sample takes error cases');
  const { file, line, column } = m.expect;
  const at = `${join(dir, file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${column === null ? '' : ` column ${column}\\b`}`;
  return {
    label: m.label,
    args: ['score', dir, '--out', out, '--quiet', '--epoch-millis', NOW],
    out,
    message: new RegExp(at),
  };
}

function commandLineCases(): Case[] {
  const good = dataDir();
  const file = join(work, 'a-file.tsv');
  writeFileSync(file, 'x');
  const dirNotes = dataDir();
  rmSync(join(dirNotes, FILES.notes.name));
  mkdirSync(join(dirNotes, FILES.notes.name));
  const loop = dataDir();
  rmSync(join(loop, FILES.ratings.name));
  symlinkSync(join(loop, FILES.ratings.name), join(loop, FILES.ratings.name));
  const scenario = (name: string, text: string) => {
    const p = join(work, `${name}.json`);
    writeFileSync(p, text);
    return p;
  };
  const score = (dir: string, out: string, ...extra: string[]) => ['score', dir, '--out', out, '--quiet', ...extra];
  const o = (k: string) => join(work, `out-${k}`);
  return [
    {
      label: '--out is a file',
      args: score(good, file, '--epoch-millis', NOW),
      out: file,
      outExists: true,
      message: /a-file\.tsv is a file, not a directory/,
    },
    {
      label: '--out under a file',
      args: score(good, join(file, 'x'), '--epoch-millis', NOW),
      out: join(file, 'x'),
      message: /sits under .*a-file\.tsv, which is a file/,
    },
    {
      label: '--scorers FooScorer',
      args: score(good, o('s1'), '--scorers', 'FooScorer'),
      out: o('s1'),
      message: /--scorers: unknown scorer FooScorer; known: .*MFCoreScorer/,
    },
    {
      label: '--scorers miscased',
      args: score(good, o('s2'), '--scorers', 'mfcorescorer'),
      out: o('s2'),
      message: /unknown scorer mfcorescorer \(did you mean MFCoreScorer\?\)/,
    },
    {
      label: '--epoch-millis 0',
      args: score(good, o('t0'), '--epoch-millis', '0'),
      out: o('t0'),
      message: /time 0 \(1970-01-01T00:00:00\.000Z\) is before the newest (rating|note)/,
    },
    {
      label: 'notes file is a directory',
      args: score(dirNotes, o('nd')),
      out: o('nd'),
      message: /notes-00000\.tsv: is a directory, not a file/,
    },
    {
      label: 'ratings file is a symlink loop',
      args: score(loop, o('sl')),
      out: o('sl'),
      message: /ratings-00000\.tsv: is a symbolic link that loops/,
    },
    {
      label: 'scenario 1e999',
      args: ['simulate', scenario('inf', '{"world":{"raters":1e999}}'), '--out', o('inf'), '--quiet'],
      out: o('inf'),
      message:
        /scenario\.world\.raters: Infinity \(a number too large to represent\) is not allowed \(an integer in \[2, 1000000\]\)/,
    },
    {
      label: 'scenario too big for memory',
      args: [
        'simulate',
        scenario('huge', '{"world":{"raters":1000000,"notes":1000000,"ratings":100000000}}'),
        '--out',
        o('huge'),
        '--quiet',
      ],
      out: o('huge'),
      message:
        /scenario\.world\.ratings: 100000000 is not allowed \(the scenario needs about \d+\.\d GB of memory .* more than the .* available/,
    },
    {
      label: 'scenario field typo',
      args: ['simulate', scenario('typo', '{"world":{"ratres":5}}'), '--out', o('ty'), '--quiet'],
      out: o('ty'),
      message: /scenario\.world\.ratres: 5 is not allowed \(unknown field/,
    },
    {
      label: 'simulate --out is a file',
      args: ['simulate', 'classroom', '--out', file, '--quiet'],
      out: file,
      outExists: true,
      message: /a-file\.tsv is a file, not a directory/,
    },
  ];
}

describe('bad input through the CLI', () => {
  it('exits 2 with a located message and no stack trace, before writing anything', async () => {
    // A deterministic sample of the generated mutations (the in-process suite runs 1,600 of them).
    const picks: Mutation[] = [
      ...fc
        .sample(fc.record({ t: fc.constantFrom(...STRICT_CELLS), r: fc.nat(), p: fc.nat() }), { numRuns: 3, seed: 21 })
        .map(({ t, r, p }) => mutate.cell(t, r, p)),
      mutate.row('ratings', 'missing', 3, 4),
      mutate.row('enrollment', 'truncated', 0, 2),
      mutate.row('ratings', 'conflict', 2, 1),
      mutate.header('statusHistory', 'rename', 7),
      mutate.header('notes', 'headerOnly', 0),
      mutate.encoding('ratings', 4, 60, [0xff]),
    ];
    const cases = [...picks.map(fromMutation), ...commandLineCases()];
    const runs = await pool(
      cases.map((c) => () => bridgelab(c.args)),
      4,
    );
    cases.forEach((c, k) => {
      const r = runs[k];
      expect(r.status, `${c.label}: ${r.stderr}`).toBe(2);
      expect(r.stderr, c.label).toMatch(c.message);
      expect(r.stderr, `${c.label}: stack trace`).not.toMatch(/\n\s+at /);
      if (!c.outExists) expect(existsSync(c.out), `${c.label}: output written`).toBe(false);
    });
    console.log(`bad-input CLI sample: ${cases.length} cases, ${cases.length} clean exit-2 errors`);
  }, 120_000);
});
