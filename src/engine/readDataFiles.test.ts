import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDataFiles } from './readDataFiles.ts';
import { headerLine, NOTES_LAYOUT, RATINGS_LAYOUT } from '../../sim/index.ts';

/** A one-entry zip (deflate) as the public download ships, built by hand: local header, data, directory, end record. */
function zipOf(name: string, text: string): Buffer<ArrayBuffer> {
  const raw = Buffer.from(text);
  const data = deflateRawSync(raw);
  const nameBytes = Buffer.from(name);
  const crc = crc32(raw);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('readDataFiles', () => {
  it('reads notes and ratings from one-file zips and reports byte progress', async () => {
    const notes = `${headerLine(NOTES_LAYOUT)}\n`;
    const ratings = `${headerLine(RATINGS_LAYOUT)}\n`;
    const seen: number[] = [];
    const files = [
      { name: 'notes-00000.zip', blob: new Blob([zipOf('notes-00000.tsv', notes)]) },
      { name: 'ratings-00000.zip', blob: new Blob([zipOf('ratings-00000.tsv', ratings)]) },
    ];
    const data = await readDataFiles(files, (p) => seen.push(p.bytesRead));
    expect(data.notes.length).toBe(0);
    expect(data.ratings.length).toBe(0);
    expect(seen[seen.length - 1]).toBe(files.reduce((s, f) => s + f.blob.size, 0));
  });

  it('says when a .zip is not a zip', async () => {
    const files = [
      { name: 'notes-00000.zip', blob: new Blob(['not a zip at all']) },
      { name: 'ratings-00000.tsv', blob: new Blob(['x']) },
    ];
    await expect(readDataFiles(files)).rejects.toThrow(/notes-00000\.zip: not a zip file/);
  });
});
