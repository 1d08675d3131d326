// Conformance: score each bundled case with the CLI and judge it with the reference yardstick compare.mjs
// (../shared/conformance/compare.mjs when present, else the verbatim copy in datasets/conformance/).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared', 'conformance', 'compare.mjs');
const compare = existsSync(shared) ? shared : join(root, 'datasets', 'conformance', 'compare.mjs');
const NOW = '1748736000000';

// --strict: a conformance run stops on a failed scorer check, as the reference does.
function scoreCase(name: string, extra: string[] = []): { out: string; expected: string; seconds: number } {
  const work = mkdtempSync(join(tmpdir(), `bridgelab-${name}-`));
  const expected = join(work, 'expected');
  execFileSync(process.execPath, [join(root, 'scripts', 'gunzipCase.mjs'), name, expected, '--part', 'expected']);
  const out = join(work, 'out');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'bin', 'bridgelab.mjs'),
      'score',
      join(root, 'datasets', 'conformance', name, 'input'),
      '--out',
      out,
      '--seed',
      '42',
      '--epoch-millis',
      NOW,
      '--quiet',
      '--strict',
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`bridgelab score failed (${run.status}): ${run.stderr}`);
  return { out, expected, seconds: (performance.now() - started) / 1000 };
}

function judge(expected: string, out: string, tier: string): { status: number; lines: string[] } {
  const r = spawnSync(process.execPath, [compare, expected, out, '--tier', tier], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  console.log(`[${tier}] ${lines.join('\n')}`);
  return { status: r.status ?? 1, lines };
}

describe('conformance with the reference scorer', () => {
  it('core-s101: the Core model matches (compare.mjs --tier core prints PASS)', () => {
    const { out, expected, seconds } = scoreCase('core-s101');
    console.log(`core-s101 scored in ${seconds.toFixed(1)} s`);
    for (const f of ['scored_notes.tsv', 'helpfulness_scores.tsv', 'note_status_history.tsv', 'aux_note_info.tsv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
      const header = readFileSync(join(out, f), 'utf8').split('\n', 1)[0];
      const want = readFileSync(join(expected, f), 'utf8').split('\n', 1)[0];
      expect(header, `${f} header`).toBe(want);
    }
    const { status, lines } = judge(expected, out, 'core');
    expect(lines.at(-1)).toMatch(/^PASS/);
    expect(status).toBe(0);
  }, 600_000);

  it('full-s202: the whole pipeline matches (compare.mjs --tier full prints PASS), with 2 worker threads', () => {
    const { out, expected, seconds } = scoreCase('full-s202', ['--workers', '2']);
    console.log(`full-s202 scored in ${seconds.toFixed(1)} s`);
    const { status, lines } = judge(expected, out, 'full');
    expect(lines.at(-1)).toMatch(/^PASS/);
    expect(status).toBe(0);
    // The same case on one thread gives byte-identical files: the executor does not change results.
    const single = scoreCase('full-s202', ['--workers', '1']);
    for (const f of ['scored_notes.tsv', 'helpfulness_scores.tsv', 'note_status_history.tsv', 'aux_note_info.tsv']) {
      expect(readFileSync(join(single.out, f), 'utf8') === readFileSync(join(out, f), 'utf8'), f).toBe(true);
    }
  }, 900_000);
});
