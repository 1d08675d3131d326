import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  AUX_NOTE_INFO_COLUMNS,
  HELPFULNESS_SCORES_COLUMNS,
  NOTE_STATUS_HISTORY_COLUMNS,
  SCORED_NOTES_COLUMNS,
} from './outputColumns.ts';
import { formatFloat32, formatFloat64, outputTextTable, tsvText, writeTsv, type OutputColumn } from './writeTsv.ts';
import { readOutputTable } from './readOutputTable.ts';

const EXPECTED = fileURLToPath(new URL('../../datasets/conformance/core-s101/expected/', import.meta.url));
const headerOf = (name: string): string[] => {
  const text = gunzipSync(readFileSync(EXPECTED + name)).toString('utf8');
  return text.slice(0, text.indexOf('\n')).split('\t');
};

describe('output column lists', () => {
  it('match the headers the reference wrote, in order', () => {
    expect([...SCORED_NOTES_COLUMNS]).toEqual(headerOf('scored_notes.tsv.gz'));
    expect([...NOTE_STATUS_HISTORY_COLUMNS]).toEqual(headerOf('note_status_history.tsv.gz'));
    expect([...AUX_NOTE_INFO_COLUMNS]).toEqual(headerOf('aux_note_info.tsv.gz'));
    expect([...HELPFULNESS_SCORES_COLUMNS]).toEqual(headerOf('helpfulness_scores.tsv.gz'));
    expect(SCORED_NOTES_COLUMNS.length).toBe(99);
    expect(NOTE_STATUS_HISTORY_COLUMNS.length).toBe(24);
  });
});

describe('formatFloat32', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(formatFloat32(Math.fround(0.2807924))).toBe('0.2807924');
    expect(formatFloat32(Math.fround(0.50275534))).toBe('0.50275534');
    expect(formatFloat32(Math.fround(-0.014687548))).toBe('-0.014687548');
    expect(formatFloat32(0.5)).toBe('0.5');
    expect(formatFloat32(13)).toBe('13');
    expect(formatFloat32(0)).toBe('0');
    expect(formatFloat32(NaN)).toBe('');
    expect(formatFloat32(-Infinity)).toBe('-inf');
  });

  it('round-trips random float32 values', () => {
    const values = new Float32Array(20_000);
    let s = 12345;
    for (let i = 0; i < values.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      values[i] = (s / 2 ** 32 - 0.5) * 10 ** ((i % 12) - 6);
    }
    for (const v of values) {
      const text = formatFloat32(v);
      if (Math.fround(Number(text)) !== v) throw new Error(`${v} -> ${text}`);
      // no shorter text would do
      const digits = text
        .replace(/^-|e.*$/g, '')
        .replace('.', '')
        .replace(/^0+/, '').length;
      if (digits > 1 && Math.fround(Number(v.toPrecision(digits - 1))) === v)
        throw new Error(`${v}: ${text} is not shortest`);
    }
  });

  it('formatFloat64 uses the shortest JS representation', () => {
    expect(formatFloat64(0.1)).toBe('0.1');
    expect(formatFloat64(1748736000000)).toBe('1748736000000');
    expect(formatFloat64(NaN)).toBe('');
  });
});

describe('writeTsv', () => {
  it('writes every kind of column, missing values as empty cells', () => {
    const text = tsvText([
      { name: 'id', kind: 'string', values: Int32Array.from([1, 0, -1]), dictionary: ['a', 'b'] },
      { name: 'f32', kind: 'float', values: Float32Array.from([0.2807924, NaN, 1]) },
      { name: 'f64', kind: 'float', values: Float64Array.from([0.1, 2.5, NaN]) },
      { name: 'n', kind: 'int', values: Float64Array.from([1746318258216, NaN, -1]) },
      { name: 's', kind: 'string', values: ['x\ty', null, 'CoreModel (v1.1)'] },
      { name: 'b', kind: 'bool', values: Uint8Array.from([1, 0, 255]) },
      { name: 'c', kind: 'cell', cell: (i) => `r${i}` },
    ]);
    expect(text).toBe(
      'id\tf32\tf64\tn\ts\tb\tc\n' +
        'b\t0.2807924\t0.1\t1746318258216\tx y\tTrue\tr0\n' +
        'a\t\t2.5\t\t\tFalse\tr1\n' +
        '\t1\t\t-1\tCoreModel (v1.1)\t\tr2\n',
    );
  });

  it('yields the header then chunks of whole rows', () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => i);
    const chunks = [...writeTsv([{ name: 'v', kind: 'int', values }], { rowsPerChunk: 4 })];
    expect(chunks).toEqual(['v\n', '0\n1\n2\n3\n', '4\n5\n6\n7\n', '8\n9\n']);
  });

  it('rejects columns of different lengths and unknown dictionary codes', () => {
    expect(() =>
      tsvText([
        { name: 'a', kind: 'int', values: new Int32Array(3) },
        { name: 'b', kind: 'float', values: new Float64Array(2) },
      ]),
    ).toThrow(/column "b" has 2 values but column "a" has 3/);
    expect(() => tsvText([{ name: 'id', kind: 'string', values: Int32Array.from([5]), dictionary: ['a'] }])).toThrow(
      /code 5 is not in its dictionary/,
    );
  });
});

describe('outputTextTable', () => {
  it('equals reading back the text writeTsv writes', () => {
    const columns: OutputColumn[] = [
      { name: 'noteId', kind: 'string', values: ['1', '2', null] },
      { name: 'score', kind: 'float', values: new Float32Array([0.28079238533973694, NaN, -Infinity]) },
      { name: 'mean', kind: 'float', values: [0.1 + 0.2, 1e-21, 3] },
      { name: 'count', kind: 'int', values: new Int32Array([0, 7, -2]) },
      { name: 'ok', kind: 'bool', values: new Uint8Array([1, 0, 255]) },
      { name: 'code', kind: 'string', values: new Int32Array([1, -1, 0]), dictionary: ['a\tb', 'c'] },
      { name: 'cell', kind: 'cell', cell: (i) => (i === 1 ? '' : `x${i}\ny`) },
    ];
    expect(outputTextTable('t.tsv', columns, ['noteId'])).toEqual(
      readOutputTable('t.tsv', tsvText(columns), ['noteId']),
    );
    expect(() => outputTextTable('t.tsv', columns, ['missing'])).toThrow(/t.tsv has no column missing/);
  });
});
