import { DataFormatError } from './dataFormatError.ts';
import { TsvLineSplitter, type LineSink } from './tsvLines.ts';

/** Strict UTF-8 decoding of whole lines (a fatal TextDecoder); throws on invalid bytes. Injected: sim has no DOM. */
export type Utf8Decode = (bytes: Uint8Array) => string;

const NL = 10;

/**
 * Byte-level line splitter: feed it the raw bytes of one file in chunks of any size (`write`), then `end()`.
 * Bytes are decoded a run of whole lines at a time (a newline byte never sits inside a multi-byte character),
 * so invalid UTF-8 is reported at its own line, field and character rather than where its chunk began:
 * `ratings-00000.tsv:3000: column 5: invalid UTF-8: byte 0xFF at character 57 of the line`.
 *
 * @example
 * const split = new Utf8LineSplitter(reader.ratings, 'ratings-00000.tsv', (b) => fatalDecoder.decode(b));
 * for await (const chunk of stream) split.write(chunk);
 * split.end();
 */
export class Utf8LineSplitter {
  private readonly lines: TsvLineSplitter;
  /** bytes after the last newline seen, waiting for the rest of their line */
  private carry: Uint8Array[] = [];

  constructor(
    sink: LineSink,
    private readonly file: string,
    private readonly decode: Utf8Decode,
  ) {
    this.lines = new TsvLineSplitter(sink);
  }

  /** Number of lines pushed so far. */
  get linesPushed(): number {
    return this.lines.linesPushed;
  }

  write(chunk: Uint8Array): void {
    const last = chunk.lastIndexOf(NL);
    if (last < 0) {
      if (chunk.length > 0) this.carry.push(chunk);
      return;
    }
    const first = chunk.indexOf(NL);
    if (this.carry.length > 0) {
      this.carry.push(chunk.subarray(0, first + 1));
      this.feed(concat(this.carry));
      this.carry = [];
    } else {
      this.feed(chunk.subarray(0, first + 1));
    }
    if (last > first) this.feed(chunk.subarray(first + 1, last + 1));
    if (last + 1 < chunk.length) this.carry.push(chunk.slice(last + 1));
  }

  end(): void {
    if (this.carry.length > 0) this.feed(concat(this.carry));
    this.carry = [];
    this.lines.end();
  }

  /** Decodes bytes that end at a line boundary (or at the end of the file) and splits them into lines. */
  private feed(bytes: Uint8Array): void {
    let text: string;
    try {
      text = this.decode(bytes);
    } catch {
      this.fail(bytes);
    }
    this.lines.write(text);
  }

  private fail(bytes: Uint8Array): never {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    let line = this.lines.linesPushed + 1;
    let lineStart = 0;
    let column = 1;
    for (let k = 0; k < bad; k++) {
      if (bytes[k] === NL) {
        line++;
        lineStart = k + 1;
        column = 1;
      } else if (bytes[k] === 9) column++;
    }
    const prefix = bytes.subarray(lineStart, bad);
    let chars = prefix.length;
    try {
      chars = this.decode(prefix).length;
    } catch {
      // the prefix is valid by construction; keep the byte count if the decoder disagrees
    }
    const byte = bytes[bad] ?? 0;
    throw new DataFormatError({
      file: this.file,
      line,
      column,
      reason:
        `invalid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at character ${chars + 1} of the ` +
        `line (the file must be UTF-8 text; was it saved in another encoding?)`,
    });
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return -1;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
