import { existsSync } from 'node:fs';
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { KEY_COLUMN } from '../sweep/sweepTable.ts';

/** runs.tsv of an output folder that belongs to a different sweep (other columns): bad input, exit 2. */
export class SweepRunsError extends Error {}

/**
 * A sweep's runs.tsv, appended one row at a time and flushed to disk (fsync) as each run ends, so an interrupted
 * sweep keeps every finished run. Opening an existing file reads its rows (the keys to skip on resume), drops a
 * last line cut short by a crash, and refuses a file with other columns. `add` ignores a key already present, so
 * a result collected twice is written once.
 *
 * @example const runs = await SweepRunsFile.open('out/runs.tsv', header); if (!runs.has(key)) await runs.add(row); await runs.close();
 */
export class SweepRunsFile {
  private readonly byKey = new Map<string, string[]>();
  private readonly keyColumn: number;

  private constructor(
    readonly path: string,
    readonly header: readonly string[],
    private readonly handle: FileHandle,
  ) {
    this.keyColumn = header.indexOf(KEY_COLUMN);
  }

  static async open(path: string, header: readonly string[]): Promise<SweepRunsFile> {
    const headerLine = header.join('\t');
    const previous: string[][] = [];
    if (existsSync(path)) {
      const text = await readFile(path, 'utf8');
      const complete = text.lastIndexOf('\n') + 1;
      if (complete < text.length) await truncate(path, complete);
      const lines = text.slice(0, complete).split('\n').slice(0, -1);
      if (lines.length > 0 && lines[0] !== headerLine)
        throw new SweepRunsError(
          `${path} has other columns than this sweep (${lines[0].split('\t').length} vs ${header.length}); ` +
            'use another --out folder, or delete runs.tsv to start over',
        );
      for (const line of lines.slice(1)) previous.push(line.split('\t'));
    }
    const handle = await open(path, 'a');
    const file = new SweepRunsFile(path, header, handle);
    for (const row of previous) if (row.length === header.length) file.byKey.set(row[file.keyColumn], row);
    if (previous.length === 0 && (await handle.stat()).size === 0) {
      await handle.write(`${headerLine}\n`);
      await handle.sync();
    }
    return file;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Every row held, in the order they were written. */
  rows(): string[][] {
    return [...this.byKey.values()];
  }

  /** Appends `row` and flushes it to disk, unless its key is already in the file. */
  async add(row: string[]): Promise<boolean> {
    if (row.length !== this.header.length)
      throw new Error(`SweepRunsFile: a row of ${row.length} cells, expected ${this.header.length}`);
    const key = row[this.keyColumn];
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, row);
    await this.handle.write(`${row.join('\t')}\n`);
    await this.handle.datasync();
    return true;
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}
