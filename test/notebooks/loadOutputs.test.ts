// The documented ways to load bridgelab outputs: notebooks/lib/loadOutputs.ts (arquero) from TSV, Parquet and
// Arrow alike, and the README's DuckDB query run as written on a real `bridgelab score --format` output.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOutputs } from '../../notebooks/lib/loadOutputs.ts';

const root = join(import.meta.dirname, '..', '..');
const caseInput = join(root, 'datasets', 'conformance', 'core-s101', 'input');
const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-load-'));
const out = join(tmp, 'out');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OUTPUTS = ['aux_note_info', 'helpfulness_scores', 'note_status_history', 'scored_notes'];

/** A cut of the conformance case (300 notes, 12k ratings), scored by the CLI in all three formats. */
beforeAll(() => {
  const input = join(tmp, 'input');
  mkdirSync(input);
  const cut = {
    'notes-00000': 300,
    'ratings-00000': 12_000,
    'noteStatusHistory-00000': 300,
    'userEnrollment-00000': 1e6,
  };
  for (const [name, lines] of Object.entries(cut)) {
    const text = gunzipSync(readFileSync(join(caseInput, `${name}.tsv.gz`))).toString('utf8');
    writeFileSync(join(input, `${name}.tsv`), text.split('\n').slice(0, lines).join('\n') + '\n');
  }
  const args = [
    'score',
    input,
    '--out',
    out,
    '--epoch-millis',
    '1748736000000',
    '--quiet',
    '--format',
    'tsv,parquet,arrow',
  ];
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bridgelab.mjs'), ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

const tsvRows = (name: string) =>
  readFileSync(join(out, `${name}.tsv`), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t'));

describe('loading outputs', () => {
  it('loadOutputs gives the same arquero tables from TSV, Parquet and Arrow, ids as exact strings', async () => {
    const fromTsv = await loadOutputs(out, ['.tsv']);
    const fromParquet = await loadOutputs(out, ['.parquet']);
    const fromArrow = await loadOutputs(out, ['.arrow']);
    expect([...fromTsv.keys()]).toEqual(expect.arrayContaining(OUTPUTS));
    for (const name of OUTPUTS) {
      const t = fromTsv.get(name)!;
      expect(fromParquet.get(name)!.columnNames(), name).toEqual(t.columnNames());
      expect(fromParquet.get(name)!.objects(), name).toEqual(t.objects());
      expect(fromArrow.get(name)!.objects(), name).toEqual(t.objects());
    }
    const rows = tsvRows('scored_notes');
    const ids = fromParquet.get('scored_notes')!.array('noteId') as string[];
    expect(ids).toEqual(rows.slice(1).map((r) => r[0]));
    expect(ids.every((id) => typeof id === 'string' && /^\d{19}$/.test(id))).toBe(true);
  });

  it("the README's DuckDB query returns the TSV's notes with exact ids", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const snippet = /<!-- duckdb-snippet -->\s*```sql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet).toBeDefined();
    const sql = snippet!.replaceAll("'out/", `'${out}/`);
    const con = await (await DuckDBInstance.create()).connect();
    const got = (await con.runAndReadAll(sql)).getRowObjectsJson();
    con.closeSync();

    const rows = tsvRows('scored_notes');
    const col = (name: string) => rows[0].indexOf(name);
    const intercept = (r: string[]) =>
      r[col('coreNoteIntercept')] === '' ? null : Number(r[col('coreNoteIntercept')]);
    // DuckDB orders NULLs last, also for DESC
    const helpful = rows
      .slice(1)
      .filter((r) => r[col('finalRatingStatus')] === 'CURRENTLY_RATED_HELPFUL')
      .sort((a, b) => (intercept(b) ?? -Infinity) - (intercept(a) ?? -Infinity));
    expect(helpful.length).toBeGreaterThan(0);
    expect(got.map((r) => r.noteId)).toEqual(helpful.map((r) => r[col('noteId')]));
    expect(got.map((r) => r.coreNoteIntercept)).toEqual(helpful.map(intercept));
  });
});
