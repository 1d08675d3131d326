import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bridgelab-atomic-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes all chunks (sync or async iterable) and leaves no temporary file', async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'a.tsv'), ['x\ty\n', '1\t2\n']);
    async function* chunks() {
      yield 'é\n';
      yield 'z'.repeat(3_000_000);
    }
    await writeFileAtomic(join(dir, 'b.tsv'), chunks());
    expect(readFileSync(join(dir, 'a.tsv'), 'utf8')).toBe('x\ty\n1\t2\n');
    expect(readFileSync(join(dir, 'b.tsv'), 'utf8')).toBe('é\n' + 'z'.repeat(3_000_000));
    expect(readdirSync(dir).sort()).toEqual(['a.tsv', 'b.tsv']);
  });

  it('on failure removes the temporary file and leaves an existing target untouched', async () => {
    const dir = tempDir();
    const target = join(dir, 'scored_notes.tsv');
    writeFileSync(target, 'old content\n');
    function* failing() {
      yield 'x'.repeat(2_000_000);
      throw new Error('scorer crashed while writing');
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow('scorer crashed while writing');
    expect(readdirSync(dir)).toEqual(['scored_notes.tsv']);
    expect(readFileSync(target, 'utf8')).toBe('old content\n');

    await expect(writeFileAtomic(join(dir, 'new.tsv'), failing())).rejects.toThrow('scorer crashed');
    expect(readdirSync(dir)).toEqual(['scored_notes.tsv']);
  });

  it('fails clearly when the directory does not exist', async () => {
    const dir = tempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'x.tsv'), ['a'])).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
