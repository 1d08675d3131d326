import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** An output directory that cannot be used (a file, under a file, not writable): bad input, exit 2. */
export class OutputDirError extends Error {}

/**
 * Checks, before any work starts, that `out` can become the output directory: it is a directory or can be created
 * (no part of its path is a file) and the place the files go is writable. Throws an OutputDirError naming the path
 * and the reason.
 *
 * @example checkOutputDir('out/run1'); // throws for 'notes.tsv/out' when notes.tsv is a file
 */
export function checkOutputDir(out: string): void {
  const path = resolve(out);
  let probe = path;
  for (;;) {
    let isDir: boolean | null = null;
    try {
      isDir = statSync(probe).isDirectory();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ENOTDIR') {
        probe = dirname(probe);
        continue;
      }
      if (code !== 'ENOENT')
        throw new OutputDirError(`--out ${out}: ${probe} cannot be used (${(err as Error).message})`);
    }
    if (isDir === false) {
      if (probe === path) throw new OutputDirError(`--out ${out} is a file, not a directory`);
      throw new OutputDirError(`--out ${out} sits under ${probe}, which is a file, not a directory`);
    }
    if (isDir === true) break;
    const parent = dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
  } catch {
    const what = probe === path ? 'is not writable' : `cannot be created: ${probe} is not writable`;
    throw new OutputDirError(`--out ${out} ${what}`);
  }
}

/**
 * An output directory written all or nothing: files go to a staging directory (`dir`) and `commitSync` moves them
 * into place in one synchronous step, so a signal (handled on the event loop) can never land in the middle;
 * `discardSync` removes the staging directory. When `out` does not exist yet the staging directory sits beside it
 * and is renamed to `out`; otherwise it sits inside `out` and each file is renamed over its old version.
 *
 * @example
 * const staged = StagedOutput.open('out/run1');
 * await writeFileAtomic(join(staged.dir, 'scored_notes.tsv'), text);
 * staged.commitSync();
 */
export class StagedOutput {
  private done = false;

  private constructor(
    readonly out: string,
    readonly dir: string,
    private readonly inside: boolean,
  ) {}

  /** Synchronous, so that no signal can arrive between creating the staging directory and knowing about it. */
  static open(out: string): StagedOutput {
    const path = resolve(out);
    const inside = existsSync(path);
    const name = `.bridgelab-partial-${process.pid}`;
    const dir = inside ? join(path, name) : join(dirname(path), `.${basename(path)}${name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return new StagedOutput(path, dir, inside);
  }

  /** Moves every staged file into the output directory (replacing older versions) and removes the staging directory. */
  commitSync(): void {
    if (this.done) return;
    if (!this.inside) {
      renameSync(this.dir, this.out);
    } else {
      for (const file of listFiles(this.dir)) {
        const target = join(this.out, relative(this.dir, file));
        mkdirSync(dirname(target), { recursive: true });
        renameSync(file, target);
      }
      rmSync(this.dir, { recursive: true, force: true });
    }
    this.done = true;
  }

  /**
   * Removes the staging directory: the output directory stays as it was before the run. From a signal handler pass
   * `settleMs`: a file operation already running on libuv's thread pool (a `mkdir -p` of a staged subdirectory)
   * could recreate what was just removed, so the thread blocks that long and removes again.
   */
  discardSync(settleMs = 0): void {
    if (this.done) return;
    rmSync(this.dir, { recursive: true, force: true });
    if (settleMs > 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, settleMs);
      rmSync(this.dir, { recursive: true, force: true });
    }
    this.done = true;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out.sort();
}
