import { describe, expect, it } from 'vitest';
import { formatsOption, intOption, parseCommandLine, UsageError } from './cliArgs.ts';

const OPTIONS = { out: { type: 'string' }, seed: { type: 'string' }, quiet: { type: 'boolean' } } as const;
const parse = (...argv: string[]) => parseCommandLine(argv, OPTIONS);
const message = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('no error');
};

describe('parseCommandLine (node:util parseArgs with the CLI messages)', () => {
  it('reads values, flags and positionals in any order', () => {
    const { values, positionals } = parse('data', '--out', 'o', '--quiet', '--seed=7');
    expect(values).toEqual({ out: 'o', quiet: true, seed: '7' });
    expect(positionals).toEqual(['data']);
  });

  it('gives a string option the next argument even when it starts with "-"', () => {
    expect(parse('--seed', '-1').values.seed).toBe('-1');
    expect(message(() => intOption(parse('--seed', '-1').values, 'seed', 42, 0, 10))).toBe(
      '--seed must be an integer in [0, 10], got -1',
    );
  });

  it('keeps the messages: unknown option, missing value, value of a flag', () => {
    expect(message(() => parse('--bogus'))).toBe('unknown option --bogus');
    expect(message(() => parse('-x'))).toBe('unknown option -x');
    expect(message(() => parse('data', '--out'))).toBe('option --out needs a value');
    expect(message(() => parse('--quiet=yes'))).toBe('option --quiet takes no value');
  });

  it('reads --format lists, tsv by default', () => {
    expect(formatsOption(undefined)).toEqual(['tsv']);
    expect(formatsOption('tsv,parquet')).toEqual(['tsv', 'parquet']);
    expect(message(() => formatsOption('csv'))).toMatch(/^--format: unknown format "csv"/);
  });
});
