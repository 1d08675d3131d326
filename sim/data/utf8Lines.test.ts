import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from './dataFormatError.ts';
import { firstInvalidUtf8, Utf8LineSplitter } from './utf8Lines.ts';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decode = (b: Uint8Array): string => fatal.decode(b);
const valid = (b: Uint8Array): boolean => {
  try {
    decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder on random bytes, and its prefix decodes', () => {
    const bytes = fc.uint8Array({ maxLength: 24 }).map((b) => b.map((x) => (x % 3 === 0 ? x : 0x80 | (x & 0x7f))));
    fc.assert(
      fc.property(bytes, (b) => {
        const bad = firstInvalidUtf8(b);
        expect(bad === -1).toBe(valid(b));
        if (bad >= 0) expect(valid(b.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe('Utf8LineSplitter', () => {
  it('gives the same lines for any chunking, and locates a bad byte in any chunking', () => {
    const text = 'a\tb\r\nc\té\n\n😀\tx\ty\nlast';
    const bytes = new TextEncoder().encode(text);
    const broken = bytes.slice();
    broken[bytes.indexOf(0xf0) + 1] = 0x41; // breaks the emoji on line 4, field 1
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const lines: [string, number][] = [];
        const split = new Utf8LineSplitter({ push: (l, n) => lines.push([l, n]) }, 'f.tsv', decode);
        for (let k = 1; k < at.length; k++) split.write(bytes.subarray(at[k - 1], at[k]));
        split.end();
        expect(lines).toEqual([
          ['a\tb', 1],
          ['c\té', 2],
          ['', 3],
          ['😀\tx\ty', 4],
          ['last', 5],
        ]);
        const bad = new Utf8LineSplitter({ push: () => {} }, 'f.tsv', decode);
        const err = (() => {
          try {
            for (let k = 1; k < at.length; k++) bad.write(broken.subarray(at[k - 1], at[k]));
            bad.end();
          } catch (e) {
            return e;
          }
        })() as DataFormatError;
        expect(err).toBeInstanceOf(DataFormatError);
        expect([err.file, err.line, err.column]).toEqual(['f.tsv', 4, 1]);
        expect(err.reason).toMatch(/byte 0xF0 at character 1 of the line/);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
