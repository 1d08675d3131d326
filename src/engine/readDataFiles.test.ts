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

/** The same entry as a ZIP64 archive: 0xffffffff sizes and offset, the real values in ZIP64 extra fields and records. */
function zip64Of(name: string, text: string): Buffer<ArrayBuffer> {
  const raw = Buffer.from(text);
  const data = deflateRawSync(raw);
  const nameBytes = Buffer.from(name);
  const crc = crc32(raw);
  const extra = (withOffset: boolean) => {
    const e = Buffer.alloc(withOffset ? 28 : 20);
    e.writeUInt16LE(1, 0);
    e.writeUInt16LE(e.length - 4, 2);
    e.writeBigUInt64LE(BigInt(raw.length), 4);
    e.writeBigUInt64LE(BigInt(data.length), 12);
    if (withOffset) e.writeBigUInt64LE(0n, 20);
    return e;
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(20, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(28, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const head = Buffer.concat([local, nameBytes, extra(false), data]);
  const dir = Buffer.concat([central, nameBytes, extra(true)]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(1n, 24);
  record.writeBigUInt64LE(1n, 32);
  record.writeBigUInt64LE(BigInt(dir.length), 40);
  record.writeBigUInt64LE(BigInt(head.length), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(head.length + dir.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([head, dir, record, locator, end]);
}

// One valid note and one rating on it (the cells the readers check; the rest empty or 0).
const NOTE_ROW = ['1918821029632091175', 'A', '1746317558092', '1918745142640625795', 'NOT_MISLEADING', '', '', '']
  .concat(Array(13).fill('0'), ['A summary.', '0', '0'])
  .join('\t');
const RATING_ROW = ['1918821029632091175', 'B', '1746318258216', '2', '0', '0', '0', '0', 'HELPFUL']
  .concat(Array(22).fill('0'), ['1918745142640625795', 'DEFAULT', '', ''])
  .join('\t');

describe('readDataFiles', () => {
  it('reads notes and ratings from one-file zips and reports byte progress', async () => {
    const notes = `${headerLine(NOTES_LAYOUT)}\n${NOTE_ROW}\n`;
    const ratings = `${headerLine(RATINGS_LAYOUT)}\n${RATING_ROW}\n`;
    const seen: number[] = [];
    const files = [
      { name: 'notes-00000.zip', blob: new Blob([zipOf('notes-00000.tsv', notes)]) },
      { name: 'ratings-00000.zip', blob: new Blob([zipOf('ratings-00000.tsv', ratings)]) },
    ];
    const data = await readDataFiles(files, (p) => seen.push(p.bytesRead));
    expect(data.notes.length).toBe(1);
    expect(data.ratings.length).toBe(1);
    expect(seen[seen.length - 1]).toBe(files.reduce((s, f) => s + f.blob.size, 0));
  });

  it('reads ZIP64 archives', async () => {
    const files = [
      {
        name: 'notes-00000.zip',
        blob: new Blob([zip64Of('notes-00000.tsv', `${headerLine(NOTES_LAYOUT)}\n${NOTE_ROW}\n`)]),
      },
      { name: 'ratings-00000.tsv', blob: new Blob([`${headerLine(RATINGS_LAYOUT)}\n${RATING_ROW}\n`]) },
    ];
    const data = await readDataFiles(files);
    expect(data.notes.length).toBe(1);
    expect(data.ratings.length).toBe(1);
  });

  it('gives the CLI’s located messages: invalid UTF-8 at its line and field, header-only notes', async () => {
    const ratings = Buffer.concat([
      Buffer.from(`${headerLine(RATINGS_LAYOUT)}\n${RATING_ROW}\n`),
      Buffer.from('1918821029632091175\tC'),
      Buffer.from([0xff]),
      Buffer.from(`\t${RATING_ROW.split('\t').slice(2).join('\t')}\n`),
    ]);
    const notes = { name: 'notes-00000.tsv', blob: new Blob([`${headerLine(NOTES_LAYOUT)}\n${NOTE_ROW}\n`]) };
    await expect(readDataFiles([notes, { name: 'ratings-00000.tsv', blob: new Blob([ratings]) }])).rejects.toThrow(
      /^ratings-00000\.tsv:3: column 2: invalid UTF-8: byte 0xFF at character 22 of the line/,
    );
    const headerOnly = { name: 'notes-00000.tsv', blob: new Blob([`${headerLine(NOTES_LAYOUT)}\n`]) };
    const rated = { name: 'ratings-00000.tsv', blob: new Blob([`${headerLine(RATINGS_LAYOUT)}\n${RATING_ROW}\n`]) };
    await expect(readDataFiles([headerOnly, rated])).rejects.toThrow(/^notes-00000\.tsv:2: no notes/);
  });

  it('says when a .zip is not a zip', async () => {
    const files = [
      { name: 'notes-00000.zip', blob: new Blob(['not a zip at all']) },
      { name: 'ratings-00000.tsv', blob: new Blob(['x']) },
    ];
    await expect(readDataFiles(files)).rejects.toThrow(/notes-00000\.zip: not a zip file/);
  });
});
