import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseOutputFormats, type OutputFormat } from '../formats/outputFormat.ts';

/** A command line that cannot be run as given: the CLI prints the message and the usage, exit code 2. */
export class UsageError extends Error {}

/** Options of a command, in node:util parseArgs form: `{ out: { type: 'string' }, quiet: { type: 'boolean' } }`. */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` (the arguments after the command name) with node:util `parseArgs`, strictly: `--name value`,
 * `--name=value`, boolean `--flag`, positionals. A string option always takes the next argument as its value,
 * even one starting with "-" (`--seed -1` is then rejected by the option's own check, naming the value).
 * Errors become UsageErrors with short messages: `unknown option --bogus`, `option --out needs a value`,
 * `option --quiet takes no value`.
 *
 * @example const { values, positionals } = parseCommandLine(argv, { out: { type: 'string' }, quiet: { type: 'boolean' } });
 */
export function parseCommandLine<const T extends OptionsConfig>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: joinValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(err);
  }
}

/** `--name value` of string options as `--name=value`, so that a value may start with "-". */
function joinValues(argv: readonly string[], options: OptionsConfig): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const option = a.startsWith('--') && !a.includes('=') ? options[a.slice(2)] : undefined;
    if (option?.type === 'string' && i + 1 < argv.length) args.push(`${a}=${argv[++i]}`);
    else args.push(a);
  }
  return args;
}

function usageError(err: unknown): Error {
  const e = err as Error & { code?: string };
  const name = /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${name}`);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(
      /does not take/.test(e.message) ? `option ${name} takes no value` : `option ${name} needs a value`,
    );
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(e.message);
  return e;
}

/** An integer option within [min, max], or the default. */
export function intOption(
  values: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${String(v)}`);
  }
  return n;
}

/** The table formats of `--format` (default tsv): one name or a comma list; an unknown name is a usage error. */
export function formatsOption(value: string | undefined): OutputFormat[] {
  if (value === undefined) return ['tsv'];
  try {
    return parseOutputFormats(value);
  } catch (err) {
    throw new UsageError(`--format: ${(err as Error).message}`);
  }
}
