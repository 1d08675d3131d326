/** A tiny, strict command-line parser: `--name value`, `--flag`, positionals; unknown options are errors. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** takes a value (else a boolean flag) */
  value: boolean;
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): { options: Map<string, string | true>; positionals: string[] } {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (!s.value) {
      options.set(name, true);
      continue;
    }
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new UsageError(`option --${name} needs a value`);
    options.set(name, v);
  }
  return { options, positionals };
}

/** An integer option within [min, max], or the default. */
export function intOption(options: Map<string, string | true>, name: string, fallback: number, min: number, max: number): number {
  const v = options.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${String(v)}`);
  }
  return n;
}
