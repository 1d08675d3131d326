import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Bytes of text gathered before each write call. */
const BATCH_CHARS = 1 << 20;

/**
 * Writes `chunks` (UTF-8 text or bytes) to `path` atomically: into a temporary file in the same directory, fsynced,
 * then renamed over `path`. On any error (including one thrown by the chunk iterator) the temporary file is
 * removed and the error rethrown, so `path` is either the complete new file or untouched.
 *
 * @example await writeFileAtomic('out/scored_notes.tsv', writeTsv(columns));
 */
export async function writeFileAtomic(
  path: string,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const handle = await open(temp, 'wx');
  let closed = false;
  try {
    let pending = '';
    for await (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        if (pending.length > 0) await handle.write(pending);
        pending = '';
        await handle.write(chunk);
        continue;
      }
      pending += chunk;
      if (pending.length >= BATCH_CHARS) {
        await handle.write(pending);
        pending = '';
      }
    }
    if (pending.length > 0) await handle.write(pending);
    await handle.sync();
    closed = true;
    await handle.close();
    await rename(temp, path);
  } catch (err) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/** Makes the rename durable; some platforms cannot open a directory, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
