import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputDir, OutputDirError, StagedOutput } from './outputDir.ts';

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bridgelab-out-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('checkOutputDir', () => {
  it('accepts an existing directory or one that can be created', () => {
    const d = temp();
    expect(() => checkOutputDir(d)).not.toThrow();
    expect(() => checkOutputDir(join(d, 'a', 'b'))).not.toThrow();
  });

  it('rejects a file and a path under a file, naming them', () => {
    const d = temp();
    writeFileSync(join(d, 'f.tsv'), 'x');
    expect(() => checkOutputDir(join(d, 'f.tsv'))).toThrow(OutputDirError);
    expect(() => checkOutputDir(join(d, 'f.tsv'))).toThrow(/f\.tsv is a file, not a directory/);
    expect(() => checkOutputDir(join(d, 'f.tsv', 'x', 'y'))).toThrow(/sits under .*f\.tsv, which is a file/);
  });
});

describe('StagedOutput', () => {
  it('creates a new directory in one rename, or replaces files in an existing one keeping the others', async () => {
    const d = temp();
    const out = join(d, 'new');
    const a = StagedOutput.open(out);
    mkdirSync(join(a.dir, 'sub'));
    writeFileSync(join(a.dir, 'sub', 'x.tsv'), '1');
    writeFileSync(join(a.dir, 'y.tsv'), '1');
    expect(existsSync(out)).toBe(false);
    a.commitSync();
    expect(readdirSync(d)).toEqual(['new']);
    expect(readFileSync(join(out, 'sub', 'x.tsv'), 'utf8')).toBe('1');

    writeFileSync(join(out, 'mine.txt'), 'keep');
    const b = StagedOutput.open(out);
    writeFileSync(join(b.dir, 'y.tsv'), '2');
    b.commitSync();
    expect(readdirSync(out).sort()).toEqual(['mine.txt', 'sub', 'y.tsv']);
    expect(readFileSync(join(out, 'y.tsv'), 'utf8')).toBe('2');
  });

  it('discarding leaves the output directory as it was', async () => {
    const d = temp();
    const out = join(d, 'o');
    mkdirSync(out);
    writeFileSync(join(out, 'y.tsv'), 'old');
    const s = StagedOutput.open(out);
    writeFileSync(join(s.dir, 'y.tsv'), 'new');
    s.discardSync();
    expect(readdirSync(out)).toEqual(['y.tsv']);
    expect(readFileSync(join(out, 'y.tsv'), 'utf8')).toBe('old');
    const t = StagedOutput.open(join(d, 'fresh'));
    t.discardSync();
    expect(readdirSync(d)).toEqual(['o']);
  });
});
