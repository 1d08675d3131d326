/**
 * Streams the user's download files (Blob/File: .tsv, .tsv.gz, or a one-file .zip as the public download ships)
 * into sim's DatasetReader, with byte progress. Uses only web streams (Blob.stream, DecompressionStream,
 * TextDecoderStream), so it runs in a browser worker and under Node alike.
 */
import { DatasetReader, type ReadDataset, TsvLineSplitter } from '../../sim/index.ts';
import type { DataFile } from './engineTypes.ts';

/** The table a file feeds, from its name. */
export type TableKind = 'notes' | 'ratings' | 'statusHistory' | 'enrollment';

const KINDS: [RegExp, TableKind][] = [
  [/^notes-\d+\.(tsv|tsv\.gz|zip)$/, 'notes'],
  [/^ratings-\d+\.(tsv|tsv\.gz|zip)$/, 'ratings'],
  [/^noteStatusHistory-\d+\.(tsv|tsv\.gz|zip)$/, 'statusHistory'],
  [/^userEnrollment-\d+\.(tsv|tsv\.gz|zip)$/, 'enrollment'],
];

/** Which table a file name belongs to, or null when the name is not one of the public download's. */
export function tableKindOf(name: string): TableKind | null {
  const base = name.slice(name.lastIndexOf('/') + 1);
  for (const [re, kind] of KINDS) if (re.test(base)) return kind;
  return null;
}

/** Bytes read so far of all files, and the file being read. */
export interface ReadFilesProgress {
  bytesRead: number;
  totalBytes: number;
  file: string;
}

/**
 * Reads the files into a Dataset: notes first, then ratings in name order, status history, enrollment (the order
 * the Node reader uses). Notes and at least one ratings file are required. Throws an Error naming any file whose
 * name is not recognised, and sim's DataFormatError (file:line: column ...) on bad content.
 *
 * @example const data = await readDataFiles([{ name: f.name, blob: f }, ...], (p) => bar(p.bytesRead / p.totalBytes));
 */
export async function readDataFiles(
  files: readonly DataFile[],
  onProgress?: (progress: ReadFilesProgress) => void,
): Promise<ReadDataset> {
  const byKind: Record<TableKind, DataFile[]> = { notes: [], ratings: [], statusHistory: [], enrollment: [] };
  for (const f of files) {
    const kind = tableKindOf(f.name);
    if (kind === null) {
      throw new Error(
        `${f.name}: not a Community Notes download file (expected notes-00000.tsv, ratings-00000.tsv, ` +
          `noteStatusHistory-00000.tsv or userEnrollment-00000.tsv; each may be .tsv.gz or .zip)`,
      );
    }
    byKind[kind].push(f);
  }
  if (byKind.notes.length !== 1) {
    throw new Error(`exactly one notes file is needed (notes-00000.tsv), got ${byKind.notes.length}`);
  }
  if (byKind.ratings.length === 0) throw new Error('at least one ratings file is needed (ratings-00000.tsv)');
  for (const kind of ['statusHistory', 'enrollment'] as const) {
    if (byKind[kind].length > 1) throw new Error(`at most one ${kind} file, got ${byKind[kind].map((f) => f.name).join(', ')}`);
  }
  byKind.ratings.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const reader = new DatasetReader();
  const ordered: [DataFile, TableKind][] = (['notes', 'ratings', 'statusHistory', 'enrollment'] as const).flatMap((k) =>
    byKind[k].map((f): [DataFile, TableKind] => [f, k]),
  );
  const progress: ReadFilesProgress = { bytesRead: 0, totalBytes: files.reduce((s, f) => s + f.blob.size, 0), file: '' };
  for (const [file, kind] of ordered) {
    progress.file = file.name;
    onProgress?.({ ...progress });
    await readOne(file, reader[kind], (bytes) => {
      progress.bytesRead += bytes;
      onProgress?.({ ...progress });
    });
  }
  return reader.finish();
}

interface FileSink {
  startFile(name: string): void;
  push(line: string, lineNo: number, unterminated?: boolean): void;
  endFile(): void;
}

async function readOne(file: DataFile, sink: FileSink, onBytes: (n: number) => void): Promise<void> {
  const name = file.name.slice(file.name.lastIndexOf('/') + 1);
  let bytes: ReadableStream<BufferSource>;
  if (name.endsWith('.zip')) {
    const entry = await zipEntry(file.blob, name);
    const raw = counted(file.blob.slice(entry.offset, entry.offset + entry.compressedSize).stream(), onBytes);
    bytes = entry.method === 0 ? raw : raw.pipeThrough(new DecompressionStream('deflate-raw'));
    // The header and directory bytes around the entry count as read too.
    onBytes(file.blob.size - entry.compressedSize);
  } else {
    const raw = counted(file.blob.stream(), onBytes);
    bytes = name.endsWith('.gz') ? raw.pipeThrough(new DecompressionStream('gzip')) : raw;
  }
  const text = bytes.pipeThrough(new TextDecoderStream());
  sink.startFile(name.replace(/\.zip$/, '.tsv'));
  const split = new TsvLineSplitter(sink);
  const reader = text.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      split.write(value);
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'DataFormatError') throw err;
    throw new Error(`${name}: could not be read (${(err as Error).message}); is it a complete .tsv, .tsv.gz or .zip file?`);
  } finally {
    reader.releaseLock();
  }
  split.end();
  sink.endFile();
}

function counted(stream: ReadableStream<BufferSource>, onBytes: (n: number) => void): ReadableStream<BufferSource> {
  return stream.pipeThrough(
    new TransformStream<BufferSource, BufferSource>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}

interface ZipEntry {
  offset: number;
  compressedSize: number;
  method: number;
}

/** Locates the single .tsv entry of a zip through its central directory (zip64 is not supported). */
async function zipEntry(blob: Blob, name: string): Promise<ZipEntry> {
  const tailSize = Math.min(blob.size, 65_557);
  const tail = new DataView(await blob.slice(blob.size - tailSize).arrayBuffer());
  let eocd = -1;
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${name}: not a zip file (no end-of-central-directory record)`);
  const entries = tail.getUint16(eocd + 10, true);
  const dirSize = tail.getUint32(eocd + 12, true);
  const dirOffset = tail.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || entries === 0xffff) throw new Error(`${name}: zip64 archives are not supported; unzip it first`);
  const dir = new DataView(await blob.slice(dirOffset, dirOffset + dirSize).arrayBuffer());
  const found: ZipEntry[] = [];
  let p = 0;
  for (let e = 0; e < entries; e++) {
    if (dir.getUint32(p, true) !== 0x02014b50) throw new Error(`${name}: damaged zip central directory`);
    const method = dir.getUint16(p + 10, true);
    const compressedSize = dir.getUint32(p + 20, true);
    const nameLen = dir.getUint16(p + 28, true);
    const extraLen = dir.getUint16(p + 30, true);
    const commentLen = dir.getUint16(p + 32, true);
    const localOffset = dir.getUint32(p + 42, true);
    const entryName = new TextDecoder().decode(new Uint8Array(dir.buffer, dir.byteOffset + p + 46, nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (entryName.endsWith('/') || !entryName.endsWith('.tsv')) continue;
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new Error(`${name}: zip64 entries are not supported; unzip it first`);
    }
    if (method !== 0 && method !== 8) throw new Error(`${name}: zip compression method ${method} is not supported (only deflate)`);
    const local = new DataView(await blob.slice(localOffset, localOffset + 30).arrayBuffer());
    if (local.getUint32(0, true) !== 0x04034b50) throw new Error(`${name}: damaged zip local header`);
    const offset = localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    found.push({ offset, compressedSize, method });
  }
  if (found.length !== 1) throw new Error(`${name}: expected exactly one .tsv file inside the zip, found ${found.length}`);
  return found[0];
}
