/**
 * Something in the input (or in a run) that the run tolerates but a careful user must hear about: counted by
 * kind, with the first place it was seen. The CLI prints each on stderr and writes them all to `warnings.tsv`.
 */
export interface DataWarning {
  /** stable name of the kind of warning, e.g. `ratingsOnUnknownNotes` (README lists them all) */
  code: string;
  /** how many rows (or scorers, ...) it concerns */
  count: number;
  /** first place seen: `file:line`, a file name, or a scorer name */
  where: string;
  message: string;
}

/** Collects warnings, one entry per code and place: counts add up, the first message is kept. */
export class DataWarnings {
  private readonly byCode = new Map<string, DataWarning>();

  add(code: string, where: string, message: string, count = 1): void {
    if (count <= 0) return;
    const key = `${code}\u0000${where}`;
    const seen = this.byCode.get(key);
    if (seen) seen.count += count;
    else this.byCode.set(key, { code, count, where, message });
  }

  list(): DataWarning[] {
    return [...this.byCode.values()].map((w) => ({ ...w }));
  }
}

/** One line for stderr: `warning: ratings-00000.tsv:17: 3 ratings refer to ... [ratingsOnUnknownNotes]`. */
export function formatWarning(w: DataWarning): string {
  return `warning: ${w.where}: ${w.message} [${w.code}]`;
}

/** The `warnings.tsv` output: header `code, count, where, message`, one row per warning (tabs and newlines blanked). */
export function warningsTsv(warnings: readonly DataWarning[]): string {
  const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
  const rows = warnings.map((w) => [w.code, String(w.count), cell(w.where), cell(w.message)].join('\t'));
  return ['code\tcount\twhere\tmessage', ...rows].join('\n') + '\n';
}
