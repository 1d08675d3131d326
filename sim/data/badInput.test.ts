// The generated bad-input suite (issue 14): well over 1,000 malformed inputs a run, drawn with fast-check from
// mutations of a small valid download (cells, rows, columns, headers, encodings, files) and of scenario fields.
// Each must end in a located error (DataFormatError naming file, line and column; ScenarioError naming the field
// path) or a documented, counted warning: never a generic crash, a stack trace in the message, or a silent pass.
// The readers and the validator run in process; test/badInputCli.test.ts runs a sample through the real CLI.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ADVERSARY_COMMON_FIELDS, ADVERSARY_FIELDS, SCENARIO_FIELDS, type FieldSpec } from '../scenario/schema.ts';
import { ScenarioError, validateScenario } from '../scenario/validateScenario.ts';
import { DataFormatError } from './dataFormatError.ts';
import { DatasetReader, type ReadDataset } from './datasetReader.ts';
import { BASE, FILES, type FileKey, type Mutation, STRICT_CELLS, mutate } from './testing/badInputCases.ts';
import { Utf8LineSplitter } from './utf8Lines.ts';

const counts = { cases: 0, cleanErrors: 0, warnings: 0 };
afterAll(() => {
  console.log(
    `bad-input suite: ${counts.cases} cases, ${counts.cleanErrors} clean located errors, ${counts.warnings} warnings, 0 crashes, 0 silent passes`,
  );
});

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads file bytes as the CLI and the dashboard do: bytes → lines (UTF-8 checked) → the table readers. */
function readBytes(files: Record<FileKey, Uint8Array>): ReadDataset {
  const reader = new DatasetReader();
  for (const key of ['notes', 'ratings', 'statusHistory', 'enrollment'] as const) {
    const sink = reader[key];
    const name = FILES[key].name;
    sink.startFile(name);
    const split = new Utf8LineSplitter(sink, name, (b) => fatal.decode(b));
    const bytes = files[key];
    // Odd chunk sizes, so that lines and characters straddle chunks.
    for (let at = 0; at < bytes.length; at += 97) split.write(bytes.subarray(at, at + 97));
    split.end();
    sink.endFile();
  }
  return reader.finish({ requireRows: true });
}

/** Runs `read` on a mutated download and checks the outcome the mutation promises. */
function expectOutcome(m: Mutation): void {
  counts.cases++;
  let data: ReadDataset | null = null;
  let error: unknown = null;
  const started = performance.now();
  try {
    data = readBytes(m.files);
  } catch (err) {
    error = err;
  }
  expect(performance.now() - started, m.label).toBeLessThan(2000);
  const want = m.expect;
  if (want.kind === 'warning') {
    expect(error, `${m.label}: ${String(error)}`).toBeNull();
    const w = data!.warnings.find((x) => x.code === want.code);
    expect(w, `${m.label}: warnings ${JSON.stringify(data!.warnings)}`).toBeDefined();
    expect(w!.count, m.label).toBe(want.count);
    expect(w!.where, m.label).toMatch(/\S/);
    counts.warnings++;
    return;
  }
  expect(error, `${m.label}: no error (silent pass)`).toBeInstanceOf(DataFormatError);
  const e = error as DataFormatError;
  expect({ file: e.file, line: e.line, column: e.column }, `${m.label}: ${e.message}`).toEqual({
    file: want.file,
    line: want.line,
    column: want.column,
  });
  expect(e.message.startsWith(`${want.file}:${want.line}:`), e.message).toBe(true);
  if (want.reason) expect(e.reason, m.label).toMatch(want.reason);
  expect(e.message, m.label).not.toMatch(/\n\s+at /);
  counts.cleanErrors++;
}

describe('bad input files (in process)', () => {
  it('the unmutated download reads without warnings', () => {
    const data = readBytes(BASE);
    expect(data.warnings).toEqual([]);
    expect(data.ratings.length).toBeGreaterThan(0);
  });

  it('a bad cell in any strict column is reported at its line and column', () => {
    const cell = fc.record({
      target: fc.constantFrom(...STRICT_CELLS),
      row: fc.nat(),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(cell, ({ target, row, pick }) => {
        expectOutcome(mutate.cell(target, row, pick));
      }),
      { numRuns: 500, seed: 1401 },
    );
  });

  it('rows with fields missing or extra, truncated files, duplicate keys with other content', () => {
    const shape = fc.record({
      file: fc.constantFrom<FileKey>('notes', 'ratings', 'statusHistory', 'enrollment'),
      kind: fc.constantFrom('missing', 'extra', 'truncated', 'conflict'),
      row: fc.nat(),
      amount: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(shape, ({ file, kind, row, amount }) => {
        expectOutcome(mutate.row(file, kind, row, amount));
      }),
      { numRuns: 250, seed: 1402 },
    );
  });

  it('headers renamed, columns dropped or swapped, empty and header-only files', () => {
    const header = fc.record({
      file: fc.constantFrom<FileKey>('notes', 'ratings', 'statusHistory', 'enrollment'),
      kind: fc.constantFrom('rename', 'drop', 'swap', 'empty', 'blank', 'headerOnly'),
      column: fc.nat(),
    });
    fc.assert(
      fc.property(header, ({ file, kind, column }) => {
        expectOutcome(mutate.header(file, kind, column));
      }),
      { numRuns: 150, seed: 1403 },
    );
  });

  it('invalid UTF-8 anywhere is reported at its own line and field', () => {
    const enc = fc.record({
      file: fc.constantFrom<FileKey>('notes', 'ratings', 'statusHistory', 'enrollment'),
      line: fc.nat(),
      offset: fc.nat(),
      bytes: fc.constantFrom(
        [0xff],
        [0xc3],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
        [0xc0, 0xaf],
      ),
    });
    fc.assert(
      fc.property(enc, ({ file, line, offset, bytes }) => {
        expectOutcome(mutate.encoding(file, line, offset, bytes));
      }),
      { numRuns: 200, seed: 1404 },
    );
  });

  it('tolerated oddities are counted warnings: ratings on unknown notes, exact duplicate rows', () => {
    const odd = fc.record({
      kind: fc.constantFrom('unknownNotes', 'exactDuplicates'),
      file: fc.constantFrom<FileKey>('notes', 'ratings', 'statusHistory', 'enrollment'),
      amount: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(odd, ({ kind, file, amount }) => {
        expectOutcome(mutate.warning(kind, file, amount));
      }),
      { numRuns: 100, seed: 1405 },
    );
  });
});

/** An invalid value for a schema field, and whether JSON can carry it (Infinity only as the text 1e999). */
function badValues(f: FieldSpec): unknown[] {
  switch (f.kind) {
    case 'number': {
      const out: unknown[] = [f.min - 1, f.max + 1, Infinity, -Infinity, '1', null, true, [], {}];
      if (f.integer) out.push(f.min + 0.5);
      return out.filter((v) => !(typeof v === 'number' && Number.isFinite(v) && v >= f.min && v <= f.max));
    }
    case 'boolean':
      return ['true', 1, null, []];
    case 'string':
      return [5, null, 'x'.repeat(f.maxLength + 1), ['a']];
    case 'enum':
      return ['no-such-value', 99, null, true];
    case 'stringList':
      return f.values ? ['NoSuchName', [5], ['NoSuchName'], {}] : ['x', [5], {}];
  }
}

describe('bad scenario fields', () => {
  const top = SCENARIO_FIELDS.map((f) => ({ f, adversary: null as string | null }));
  const adv = [
    ...ADVERSARY_COMMON_FIELDS.map((f) => ({ f, adversary: 'pileOn' })),
    ...Object.entries(ADVERSARY_FIELDS).flatMap(([kind, fields]) => fields.map((f) => ({ f, adversary: kind }))),
  ];
  const setPath = (obj: Record<string, unknown>, path: string, value: unknown) => {
    const parts = path.split('.');
    let cur = obj;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[parts[parts.length - 1]] = value;
  };

  it('every field given a wrong value names the field path, the value and the allowed range', () => {
    const arb = fc.record({ which: fc.constantFrom(...top, ...adv), pick: fc.nat(), viaJsonText: fc.boolean() });
    fc.assert(
      fc.property(arb, ({ which, pick, viaJsonText }) => {
        counts.cases++;
        const values = badValues(which.f);
        const value = values[pick % values.length];
        const json: Record<string, unknown> = {};
        let path: string;
        if (which.adversary === null) {
          setPath(json, which.f.path, value);
          path = `scenario.${which.f.path}`;
        } else {
          const entry: Record<string, unknown> = { kind: which.adversary };
          setPath(entry, which.f.path, value);
          json.adversaries = [entry];
          path = `scenario.adversaries[0].${which.f.path}`;
        }
        // Through JSON text, as a scenario file is read: Infinity is written 1e999, which JSON.parse reads back.
        const text = JSON.stringify(json, (_k, v) => (v === Infinity ? '__INF__' : v === -Infinity ? '__NINF__' : v));
        const parsed = viaJsonText
          ? JSON.parse(text.replace(/"__INF__"/g, '1e999').replace(/"__NINF__"/g, '-1e999'))
          : json;
        let err: unknown = null;
        try {
          validateScenario(parsed);
        } catch (e) {
          err = e;
        }
        expect(err, `${path} = ${String(value)}: silent pass`).toBeInstanceOf(ScenarioError);
        const e = err as ScenarioError;
        expect(e.path.startsWith(path), `${e.message} (wanted ${path})`).toBe(true);
        expect(e.message).toMatch(/is not allowed \(.+\)$/);
        if (value !== null) expect(e.message, 'a value shown as null').not.toMatch(/: null is not allowed/);
        counts.cleanErrors++;
      }),
      { numRuns: 300, seed: 1406 },
    );
  });

  it('unknown or misspelt fields are named', () => {
    const names = [...SCENARIO_FIELDS.map((f) => f.path)];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), (path, k) => {
        counts.cases++;
        const parts = path.split('.');
        const last = parts[parts.length - 1];
        const i = k % last.length;
        parts[parts.length - 1] = last.slice(0, i) + last.slice(i + 1) + 'x';
        const json: Record<string, unknown> = {};
        setPath(json, parts.join('.'), 1);
        expect(() => validateScenario(json)).toThrow(ScenarioError);
        try {
          validateScenario(json);
        } catch (e) {
          expect((e as ScenarioError).path).toBe(`scenario.${parts.join('.')}`);
          expect((e as Error).message).toMatch(/unknown field; known here:/);
        }
        counts.cleanErrors++;
      }),
      { numRuns: 100, seed: 1407 },
    );
  });
});
