/**
 * The Sweeps page's tables: a sweep's runs (runs.parquet or runs.tsv) and, when given, its summary
 * (summary.parquet / summary.tsv), read with sim's readers on the main thread (a sweep's output is a row per run,
 * small). From a bundled example (fetched by URL) or the user's files. Latest request wins.
 */
import { parquetTextTable, readOutputTable, type TextTable } from '../../sim/index.ts';
import { sweepLayout, type SweepLayout } from './sweepLayout.ts';

export type SweepsPhase = 'idle' | 'loading' | 'done' | 'error';

/** A named file's bytes. */
export interface SweepFile {
  name: string;
  bytes: ArrayBuffer;
}

const isSummary = (name: string) => /summary[^/]*\.(parquet|tsv)$/i.test(name);

async function readTable(file: SweepFile): Promise<TextTable> {
  if (/\.parquet$/i.test(file.name)) return parquetTextTable(file.name, file.bytes, []);
  if (/\.tsv$/i.test(file.name)) return readOutputTable(file.name, new TextDecoder().decode(file.bytes), []);
  throw new Error(`${file.name}: expected a .parquet or .tsv file of a sweep's output`);
}

export class SweepsState {
  phase = $state<SweepsPhase>('idle');
  error = $state<string | null>(null);
  runs = $state.raw<TextTable | null>(null);
  summary = $state.raw<TextTable | null>(null);
  layout = $state.raw<SweepLayout | null>(null);
  /** where the tables came from: a bundled example's name, or the file names */
  source = $state<string>('');

  private generation = 0;

  /**
   * Reads `files`: the runs table (a name without "summary", Parquet preferred over TSV) and optionally the
   * summary. Errors (no runs table, not a sweep's columns, a malformed file) land in `error`.
   */
  async open(files: readonly SweepFile[], source: string): Promise<void> {
    const mine = ++this.generation;
    this.phase = 'loading';
    this.error = null;
    try {
      const candidates = files.filter((f) => !isSummary(f.name));
      const runsFile = candidates.find((f) => /\.parquet$/i.test(f.name)) ?? candidates[0];
      if (!runsFile) throw new Error('no runs table: choose runs.parquet or runs.tsv (and optionally summary.parquet)');
      const summaryFile =
        files.find((f) => isSummary(f.name) && /\.parquet$/i.test(f.name)) ?? files.find((f) => isSummary(f.name));
      const runs = await readTable(runsFile);
      const layout = sweepLayout(runs);
      const summary = summaryFile ? await readTable(summaryFile) : null;
      if (mine !== this.generation) return;
      this.runs = runs;
      this.layout = layout;
      this.summary = summary;
      this.source = source;
      this.phase = 'done';
    } catch (err) {
      if (mine !== this.generation) return;
      this.error = err instanceof Error ? err.message : String(err);
      this.phase = 'error';
    }
  }

  /** Fetches and opens the files at `urls` (a bundled example). */
  async openUrls(files: readonly { name: string; url: string }[], source: string): Promise<void> {
    try {
      const read = await Promise.all(
        files.map(async (f) => {
          const response = await fetch(f.url);
          if (!response.ok) throw new Error(`${f.name}: HTTP ${response.status}`);
          return { name: f.name, bytes: await response.arrayBuffer() };
        }),
      );
      await this.open(read, source);
    } catch (err) {
      this.generation++;
      this.error = err instanceof Error ? err.message : String(err);
      this.phase = 'error';
    }
  }
}
