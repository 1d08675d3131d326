import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowBytes } from '../formats/arrowBytes.ts';
import { parquetBytes } from '../formats/parquetBytes.ts';
import { parseOutputFormats } from '../formats/outputFormat.ts';
import { typedTable } from '../formats/typedTable.ts';
import { differencesFromTsv, readArrowBack, readParquetBack } from '../formats/testing/binaryVsTsv.ts';
import { tsvText, type OutputColumn } from '../data/writeTsv.ts';
import { main } from './cli.ts';

const root = join(import.meta.dirname, '..', '..');
const caseInput = join(root, 'datasets', 'conformance', 'core-s101', 'input');
const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OUTPUTS = ['scored_notes', 'helpfulness_scores', 'note_status_history', 'aux_note_info'];
const IDS = ['noteId', 'raterParticipantId', 'noteAuthorParticipantId'];

describe('output formats', () => {
  it('19-digit ids, float32 cells, int64 and nulls round-trip exactly through Parquet and Arrow', async () => {
    const ids = ['9223372036854775807', '1918821029632091175', '1000000000000000001', '-1', null];
    const columns: OutputColumn[] = [
      { name: 'noteId', kind: 'string', values: ids },
      { name: 'f32', kind: 'float', values: Float32Array.of(0.2807924, -1 / 3, NaN, Infinity, 1e-7) },
      { name: 'f64', kind: 'float', values: Float64Array.of(0.1 + 0.2, 1748736000000, NaN, -Infinity, 5e-324) },
      { name: 'n', kind: 'int', values: Float64Array.of(2 ** 53 - 1, 0, NaN, -7, 1748736000000) },
      { name: 'b', kind: 'bool', values: Uint8Array.of(1, 0, 255, 1, 0) },
      { name: 'label', kind: 'string', values: Int32Array.of(0, 1, -1, 0, 1), dictionary: ['a\tb', 'c'] },
    ];
    const tsv = tsvText(columns);
    const table = typedTable(columns);
    const parquet = await readParquetBack(parquetBytes(table));
    expect(differencesFromTsv(tsv, parquet, ['noteId'])).toEqual([]);
    expect(parquet.values.get('noteId')).toEqual(ids);
    expect(parquet.values.get('n')?.[0]).toBe(2n ** 53n - 1n);
    const arrow = readArrowBack(arrowBytes(table));
    expect(differencesFromTsv(tsv, arrow, ['noteId'])).toEqual([]);
    expect(arrow.values.get('noteId')).toEqual(ids);
  });

  it('rejects a cell that is not its declared type, naming column and row', () => {
    const columns: OutputColumn[] = [{ name: 'x', kind: 'string', values: ['1.5', 'abc'] }];
    const table = typedTable(columns, { typeOf: () => 'double' });
    expect(() => parquetBytes(table)).toThrow('column "x" row 2: "abc" is not a double');
  });

  it('parses --format lists', () => {
    expect(parseOutputFormats('tsv,parquet')).toEqual(['tsv', 'parquet']);
    expect(parseOutputFormats(' Arrow , arrow')).toEqual(['arrow']);
    expect(() => parseOutputFormats('csv')).toThrow('unknown format "csv"');
  });
});

describe('bridgelab score --format tsv,parquet,arrow (conformance case core-s101)', () => {
  const out = join(tmp, 'scored');
  beforeAll(async () => {
    const args = ['score', caseInput, '--out', out, '--epoch-millis', '1748736000000', '--quiet'];
    expect(await main([...args, '--format', 'tsv,parquet,arrow'])).toBe(0);
  }, 180_000);

  for (const name of OUTPUTS) {
    it(`${name}: Parquet and Arrow read back equal the TSV in every column`, async () => {
      const tsv = readFileSync(join(out, `${name}.tsv`), 'utf8');
      const parquet = await readParquetBack(readFileSync(join(out, `${name}.parquet`)));
      expect(differencesFromTsv(tsv, parquet, IDS)).toEqual([]);
      expect(differencesFromTsv(tsv, readArrowBack(readFileSync(join(out, `${name}.arrow`))), IDS)).toEqual([]);
    });
  }
});
