/**
 * Streams the user's download files (Blob/File: .tsv, .tsv.gz, or a one-file .zip as the public download ships)
 * into sim's DatasetReader, with byte progress. Uses only web streams (Blob.stream, DecompressionStream) and sim's
 * Utf8LineSplitter, so it runs in a browser worker and under Node alike and reports bad input (invalid UTF-8 included)
 * with the same located messages as the CLI.
 */
import { DatasetReader, type ReadDataset, Utf8LineSplitter } from '../../sim/index.ts';
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
    if (byKind[kind].length > 1)
      throw new Error(`at most one ${kind} file, got ${byKind[kind].map((f) => f.name).join(', ')}`);
  }
  byKind.ratings.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const reader = new DatasetReader();
  const ordered: [DataFile, TableKind][] = (['notes', 'ratings', 'statusHistory', 'enrollment'] as const).flatMap((k) =>
    byKind[k].map((f): [DataFile, TableKind] => [f, k]),
  );
  const progress: ReadFilesProgress = {
    bytesRead: 0,
    totalBytes: files.reduce((s, f) => s + f.blob.size, 0),
    file: '',
  };
  for (const [file, kind] of ordered) {
    progress.file = file.name;
    onProgress?.({ ...progress });
    await readOne(file, reader[kind], (bytes) => {
      progress.bytesRead += bytes;
      onProgress?.({ ...progress });
    });
  }
  return reader.finish({ requireRows: true });
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
  const fileName = name.replace(/\.zip$/, '.tsv');
  sink.startFile(fileName);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const split = new Utf8LineSplitter(sink, fileName, (b) => decoder.decode(b));
  const reader = bytes.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      split.write(
        ArrayBuffer.isView(value)
          ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
          : new Uint8Array(value),
      );
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'DataFormatError') throw err;
    throw new Error(
      `${name}: could not be read (${(err as Error).message}); is it a complete .tsv, .tsv.gz or .zip file?`,
    );
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

/** Locates the single .tsv entry of a zip through its central directory (ZIP64 archives and entries included). */
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
  let entries = tail.getUint16(eocd + 10, true);
  let dirSize = tail.getUint32(eocd + 12, true);
  let dirOffset = tail.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || dirSize === 0xffffffff || entries === 0xffff) {
    // ZIP64: the locator just before the end record points to the ZIP64 end record with 64-bit fields.
    if (eocd < 20 || tail.getUint32(eocd - 20, true) !== 0x07064b50)
      throw new Error(`${name}: damaged ZIP64 archive (no locator)`);
    const at = Number(tail.getBigUint64(eocd - 20 + 8, true));
    const z = new DataView(await blob.slice(at, at + 56).arrayBuffer());
    if (z.byteLength < 56 || z.getUint32(0, true) !== 0x06064b50) throw new Error(`${name}: damaged ZIP64 end record`);
    entries = Number(z.getBigUint64(32, true));
    dirSize = Number(z.getBigUint64(40, true));
    dirOffset = Number(z.getBigUint64(48, true));
  }
  const dir = new DataView(await blob.slice(dirOffset, dirOffset + dirSize).arrayBuffer());
  const found: ZipEntry[] = [];
  let p = 0;
  for (let e = 0; e < entries; e++) {
    if (dir.getUint32(p, true) !== 0x02014b50) throw new Error(`${name}: damaged zip central directory`);
    const method = dir.getUint16(p + 10, true);
    let compressedSize = dir.getUint32(p + 20, true);
    const uncompressedSize = dir.getUint32(p + 24, true);
    const nameLen = dir.getUint16(p + 28, true);
    const extraLen = dir.getUint16(p + 30, true);
    const commentLen = dir.getUint16(p + 32, true);
    let localOffset = dir.getUint32(p + 42, true);
    const entryName = new TextDecoder().decode(new Uint8Array(dir.buffer, dir.byteOffset + p + 46, nameLen));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field (id 1): the 64-bit values of exactly the fields set to 0xffffffff, in this order.
      const wide = zip64Extra(dir, p + 46 + nameLen, extraLen);
      if (wide === null) throw new Error(`${name}: damaged ZIP64 entry ${entryName} (no ZIP64 extra field)`);
      let k = 0;
      if (uncompressedSize === 0xffffffff) k++;
      if (compressedSize === 0xffffffff) compressedSize = wide[k++] ?? NaN;
      if (localOffset === 0xffffffff) localOffset = wide[k++] ?? NaN;
      if (!Number.isFinite(compressedSize + localOffset)) throw new Error(`${name}: damaged ZIP64 entry ${entryName}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (entryName.endsWith('/') || !entryName.endsWith('.tsv')) continue;
    if (method !== 0 && method !== 8)
      throw new Error(`${name}: zip compression method ${method} is not supported (only deflate)`);
    const local = new DataView(await blob.slice(localOffset, localOffset + 30).arrayBuffer());
    if (local.getUint32(0, true) !== 0x04034b50) throw new Error(`${name}: damaged zip local header`);
    const offset = localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    found.push({ offset, compressedSize, method });
  }
  if (found.length !== 1)
    throw new Error(`${name}: expected exactly one .tsv file inside the zip, found ${found.length}`);
  return found[0];
}

/** The 64-bit values of a ZIP64 extra field (header id 1) among an entry's extra fields, or null. */
function zip64Extra(dir: DataView, start: number, length: number): number[] | null {
  for (let q = start; q + 4 <= start + length;) {
    const id = dir.getUint16(q, true);
    const size = dir.getUint16(q + 2, true);
    if (id === 1) {
      const values: number[] = [];
      for (let v = q + 4; v + 8 <= q + 4 + size; v += 8) values.push(Number(dir.getBigUint64(v, true)));
      return values;
    }
    q += 4 + size;
  }
  return null;
}
