/** Receives the lines of one file, in order. `unterminated` is true only for a last line without "\n". */
export interface LineSink {
  push(line: string, lineNo: number, unterminated?: boolean): void;
}

/**
 * Incremental line splitter: feed it text chunks of any size (`write`), then `end()`.
 * Each complete line goes to `sink.push(line, lineNo)` without its "\n" or "\r\n"; line numbers are 1-based.
 * A final line without a newline is pushed with `unterminated = true` so the table reader can report a
 * truncated file when its field count is wrong. A leading byte-order mark is dropped.
 *
 * @example
 * const split = new TsvLineSplitter(builder);
 * for (const chunk of chunks) split.write(chunk);
 * split.end();
 */
export class TsvLineSplitter {
  private carry = '';
  private lineNo = 0;
  private started = false;
  private ended = false;

  constructor(private readonly sink: LineSink) {}

  /** Number of lines pushed so far (the line being read when an error is thrown mid-chunk). */
  get linesPushed(): number {
    return this.lineNo;
  }

  write(chunk: string): void {
    if (this.ended) throw new Error('TsvLineSplitter.write called after end()');
    if (chunk.length === 0) return;
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.sink.push(text.slice(start, end), ++this.lineNo, false);
      start = nl + 1;
    }
    this.carry = start === 0 ? text : text.slice(start);
  }

  /** Flushes the last line if the text did not end with a newline. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    let rest = this.carry;
    this.carry = '';
    if (rest.length > 0 && rest.charCodeAt(rest.length - 1) === 13) rest = rest.slice(0, -1);
    if (rest.length > 0) this.sink.push(rest, ++this.lineNo, true);
  }
}

/** Splits a whole text into lines and pushes them into `sink` (convenience for tests and small files). */
export function pushTsvText(text: string, sink: LineSink): void {
  const split = new TsvLineSplitter(sink);
  split.write(text);
  split.end();
}
