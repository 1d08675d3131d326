import { describe, expect, it } from 'vitest';
import { TsvLineSplitter, pushTsvText, type LineSink } from './tsvLines.ts';

const collect = (): LineSink & { lines: [string, number, boolean][] } => {
  const lines: [string, number, boolean][] = [];
  return { lines, push: (line, no, unterminated = false) => void lines.push([line, no, unterminated]) };
};

describe('TsvLineSplitter', () => {
  it('yields complete lines with 1-based numbers, whatever the chunking', () => {
    const text = 'a\tb\nc\td\r\n\ne\tf\n';
    const expected = [
      ['a\tb', 1, false],
      ['c\td', 2, false],
      ['', 3, false],
      ['e\tf', 4, false],
    ];
    for (let size = 1; size <= text.length; size++) {
      const sink = collect();
      const split = new TsvLineSplitter(sink);
      for (let k = 0; k < text.length; k += size) split.write(text.slice(k, k + size));
      split.end();
      expect(sink.lines).toEqual(expected);
    }
  });

  it('handles \\r\\n split between chunks', () => {
    const sink = collect();
    const split = new TsvLineSplitter(sink);
    split.write('x\r');
    split.write('\ny');
    split.end();
    expect(sink.lines).toEqual([
      ['x', 1, false],
      ['y', 2, true],
    ]);
  });

  it('flags a last line without newline as unterminated, and drops a BOM', () => {
    const sink = collect();
    pushTsvText('\ufeffh1\th2\n1\t2', sink);
    expect(sink.lines).toEqual([
      ['h1\th2', 1, false],
      ['1\t2', 2, true],
    ]);
  });

  it('pushes nothing for empty text', () => {
    const sink = collect();
    pushTsvText('', sink);
    expect(sink.lines).toEqual([]);
  });
});
