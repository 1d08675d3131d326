import { DataFormatError } from './dataFormatError.ts';
import type { InputLayout } from './inputColumns.ts';

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const NA_TOKENS = new Set(['', 'nan', 'NaN', 'NA', 'null', 'None', '<NA>']);
const INT64_MAX = '9223372036854775807';
const INT64_MIN_ABS = '9223372036854775808';
/** Latest creation time accepted in an input file: 2100-01-01T00:00:00Z. */
export const MAX_TIME_MILLIS = 4_102_444_800_000;

/**
 * The current line of one input file, split into fields without copying, with checked accessors that
 * throw a DataFormatError naming file, line and column. One instance per table reader; `load` each line.
 * Column numbers in messages are 1-based; accessors take 0-based field indices.
 */
export class TsvRow {
  file = '';
  lineNo = 0;
  line = '';
  /** Number of columns declared by the current file's header (0 before the header). */
  columns = 0;
  private count = 0;
  /** starts[i] = offset of field i; starts[count] = line.length + 1. */
  private readonly starts: Int32Array;
  private started = false;

  constructor(readonly layout: InputLayout) {
    this.starts = new Int32Array(layout.columns.length + 2);
  }

  /** Begins a new file: its first line must be the header. */
  startFile(file: string): void {
    this.file = file;
    this.columns = 0;
    this.lineNo = 0;
    this.started = true;
  }

  /** Ends the current file; an empty file (no header line) is an error. */
  endFile(): void {
    if (!this.started) return;
    this.started = false;
    if (this.columns === 0) {
      const expected = this.layout.acceptedCounts[0];
      throw new DataFormatError({
        file: this.file,
        line: 1,
        reason: `empty file: expected a header line with ${expected} tab-separated column names (${this.layout.kind} file)`,
      });
    }
  }

  /**
   * Splits and checks one line. Returns true for a data row; false for the header (checked here) and for
   * blank lines (skipped, as the reference's reader does). Throws when the field count is wrong.
   */
  load(line: string, lineNo: number, unterminated = false): boolean {
    if (!this.started) throw new Error(`${this.layout.kind} reader: call startFile(name) before pushing lines`);
    this.line = line;
    this.lineNo = lineNo;
    this.count = this.split(line);
    if (this.columns === 0) {
      this.checkHeader(unterminated);
      return false;
    }
    if (line.length === 0) return false;
    if (this.count !== this.columns) this.wrongCount(unterminated);
    return true;
  }

  /** Raw text of field i (a slice of the line: copy it with `detach` before keeping it long-term). */
  text(i: number): string {
    return this.line.slice(this.starts[i], this.starts[i + 1] - 1);
  }

  isEmpty(i: number): boolean {
    return this.starts[i + 1] - 1 === this.starts[i];
  }

  /** A signed 64-bit integer id as canonical decimal text (leading zeros removed); exact, never a float. */
  id(i: number): string {
    const s = this.text(i);
    const n = s.length;
    const c0 = s.charCodeAt(0);
    if (n > 0 && n <= 19 && c0 >= 49 && c0 <= 57) {
      let k = 1;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c < 48 || c > 57) break;
        k++;
      }
      if (k === n && (n < 19 || s <= INT64_MAX)) return s;
    }
    return this.slowId(i, s);
  }

  /** An id cell that may be empty (returns null). */
  optionalId(i: number): string | null {
    return this.isEmpty(i) ? null : this.id(i);
  }

  /** A non-empty participant id (opaque string). */
  participant(i: number): string {
    if (this.isEmpty(i)) this.fail(i, 'empty participant id');
    return this.text(i);
  }

  /** A required finite number (integer timestamps, counts). */
  number(i: number): number {
    const s = this.text(i);
    const v = parseDecimal(s);
    if (!Number.isFinite(v)) {
      this.fail(i, s.length === 0 ? 'empty cell; expected a number' : `expected a number, got ${quote(s)}`);
    }
    return v;
  }

  /**
   * A required creation time in ms since 1970: a whole number from 0 to MAX_TIME_MILLIS. Negative, fractional and
   * far-future values are errors (seconds, microseconds or a corrupted cell would silently skew every age).
   */
  timestamp(i: number): number {
    const v = this.number(i);
    const s = quote(this.text(i));
    if (!Number.isInteger(v)) this.fail(i, `expected whole milliseconds since 1970, got the fraction ${s}`);
    if (v < 0) this.fail(i, `expected milliseconds since 1970, got the negative time ${s}`);
    if (v > MAX_TIME_MILLIS) {
      this.fail(i, `time ${s} is after 2100-01-01: expected milliseconds since 1970 (microseconds or nanoseconds?)`);
    }
    return v;
  }

  /** A number that may be missing: empty or a pandas NA token gives NaN; "inf"/"-inf" accepted. */
  optionalNumber(i: number): number {
    const s = this.text(i);
    const v = parseDecimal(s);
    if (!Number.isNaN(v)) return v;
    if (NA_TOKENS.has(s)) return NaN;
    if (s === 'inf' || s === 'Infinity' || s === '+inf') return Infinity;
    if (s === '-inf' || s === '-Infinity') return -Infinity;
    return this.fail(i, `expected a number or an empty cell, got ${quote(s)}`);
  }

  /** An optional small integer (unused int8 columns such as `version`, `agree`). */
  optionalInteger(i: number): number {
    const v = this.optionalNumber(i);
    if (!Number.isNaN(v) && !Number.isInteger(v)) this.fail(i, `expected an integer, got ${quote(this.text(i))}`);
    return v;
  }

  /** A 0/1 cell; empty counts as 0 (old ratings leave tags empty). */
  flag(i: number): number {
    const a = this.starts[i];
    const len = this.starts[i + 1] - 1 - a;
    if (len === 0) return 0;
    const c = this.line.charCodeAt(a);
    if (c === 48 || c === 49) {
      if (len === 1) return c - 48;
      if (len === 3 && this.line.charCodeAt(a + 1) === 46 && this.line.charCodeAt(a + 2) === 48) return c - 48;
    }
    return this.fail(i, `expected 0, 1 or an empty cell, got ${quote(this.text(i))}`);
  }

  /**
   * Bits of `count` consecutive 0/1 cells starting at field `from` (bit k = field from + k); empty cells
   * give 0 and set bit k of `emptyMask`.
   */
  flagBits(from: number, count: number): number {
    let bits = 0;
    let empty = 0;
    const line = this.line;
    const starts = this.starts;
    for (let k = 0; k < count; k++) {
      const a = starts[from + k];
      const len = starts[from + k + 1] - 1 - a;
      if (len === 1) {
        const c = line.charCodeAt(a);
        if (c === 49) bits |= 1 << k;
        else if (c !== 48) bits |= this.flag(from + k) << k;
      } else if (len === 0) empty |= 1 << k;
      else bits |= this.flag(from + k) << k;
    }
    this.emptyMask = empty >>> 0;
    return bits >>> 0;
  }

  /** Set by flagBits: which of its cells were empty. */
  emptyMask = 0;

  /** Index of the cell in `values` plus 1; 0 for an empty cell when `allowEmpty`. Unknown values throw. */
  code(i: number, values: readonly string[], allowEmpty: boolean): number {
    if (this.isEmpty(i)) {
      if (allowEmpty) return 0;
      this.fail(i, `empty cell; expected one of ${values.join(', ')}`);
    }
    const s = this.text(i);
    for (let k = 0; k < values.length; k++) if (values[k] === s) return k + 1;
    return this.fail(
      i,
      `unknown value ${quote(s)}; expected one of ${values.join(', ')}${allowEmpty ? ' or an empty cell' : ''}`,
    );
  }

  /** 32-bit FNV-1a hash of the raw text of fields from..to (inclusive), tabs included. */
  hash(from: number, to: number): number {
    const end = Math.min(to + 1, this.count);
    let h = 0x811c9dc5;
    const line = this.line;
    for (let k = this.starts[from], e = this.starts[end] - 1; k < e; k++) {
      h = Math.imul(h ^ line.charCodeAt(k), 0x01000193);
    }
    return h >>> 0;
  }

  /** Throws a DataFormatError about field i of the current line. */
  fail(i: number, reason: string): never {
    throw new DataFormatError({
      file: this.file,
      line: this.lineNo,
      column: i + 1,
      columnName: this.layout.columns[i]?.name ?? null,
      reason,
    });
  }

  private split(line: string): number {
    const starts = this.starts;
    const max = starts.length - 1;
    let n = 0;
    let pos = 0;
    starts[0] = 0;
    for (;;) {
      const t = line.indexOf('\t', pos);
      if (t < 0) break;
      n++;
      if (n < max) starts[n] = t + 1;
      pos = t + 1;
    }
    n++;
    if (n <= max) starts[n] = line.length + 1;
    return n;
  }

  private slowId(i: number, s: string): string {
    if (s.length === 0) return this.fail(i, 'empty cell; expected an integer id');
    const neg = s.charCodeAt(0) === 45;
    let k = neg ? 1 : 0;
    if (k === s.length || !/^\d+$/.test(s.slice(k))) {
      return this.fail(i, `expected an integer id (up to 19 digits), got ${quote(s)}`);
    }
    while (k < s.length - 1 && s.charCodeAt(k) === 48) k++;
    const digits = s.slice(k);
    const limit = neg ? INT64_MIN_ABS : INT64_MAX;
    if (digits.length > 19 || (digits.length === 19 && digits > limit)) {
      return this.fail(i, `id ${quote(s)} does not fit a signed 64-bit integer`);
    }
    return neg && digits !== '0' ? '-' + digits : digits;
  }

  private checkHeader(unterminated: boolean): void {
    const { columns, acceptedCounts, kind } = this.layout;
    const n = this.count;
    const names = this.line.split('\t');
    const fileKind = `${kind} file`;
    if (this.line.length === 0) {
      throw new DataFormatError({
        file: this.file,
        line: this.lineNo,
        reason: `empty header line; expected ${acceptedCounts[0]} tab-separated column names (${fileKind})`,
      });
    }
    for (let k = 0; k < Math.min(n, columns.length); k++) {
      const got = names[k].trim();
      const col = columns[k];
      if (got !== col.name && !(col.aliases ?? []).includes(got)) {
        const also = col.aliases?.length ? ` (or ${col.aliases.map(quote).join(', ')})` : '';
        throw new DataFormatError({
          file: this.file,
          line: this.lineNo,
          column: k + 1,
          columnName: col.name,
          reason: `header has ${quote(got)} where ${quote(col.name)}${also} was expected (${fileKind})`,
        });
      }
    }
    if (!acceptedCounts.includes(n)) {
      const expected = acceptedCounts.join(' or ');
      const truncated = unterminated ? ' (the file ends inside its header: truncated?)' : '';
      if (n < columns.length) {
        throw new DataFormatError({
          file: this.file,
          line: this.lineNo,
          column: n + 1,
          columnName: columns[n].name,
          reason: `header has ${n} columns, expected ${expected}: column ${n + 1} ${quote(columns[n].name)} is missing${truncated}`,
        });
      }
      throw new DataFormatError({
        file: this.file,
        line: this.lineNo,
        column: columns.length + 1,
        reason: `header has ${n} columns, expected ${expected}: unexpected extra column ${quote(names[columns.length])}`,
      });
    }
    this.columns = n;
  }

  private wrongCount(unterminated: boolean): never {
    const n = this.count;
    const expected = this.columns;
    if (unterminated) {
      throw new DataFormatError({
        file: this.file,
        line: this.lineNo,
        column: Math.min(n, expected + 1),
        columnName: n <= expected ? this.layout.columns[n - 1].name : null,
        reason: `truncated last line: it has ${n} fields, expected ${expected}, and no newline at the end (was the file cut short?)`,
      });
    }
    if (n < expected) {
      throw new DataFormatError({
        file: this.file,
        line: this.lineNo,
        column: n + 1,
        columnName: this.layout.columns[n].name,
        reason: `line has ${n} fields, expected ${expected}: ${n + 1 === expected ? `column ${expected} is` : `columns ${n + 1}-${expected} are`} missing`,
      });
    }
    throw new DataFormatError({
      file: this.file,
      line: this.lineNo,
      column: expected + 1,
      reason: `line has ${n} fields, expected ${expected}: unexpected extra field (a tab inside a value?)`,
    });
  }
}

/** Strict decimal parse: NaN for anything but an optionally signed decimal number (no hex, no spaces). */
export function parseDecimal(s: string): number {
  const n = s.length;
  if (n === 0) return NaN;
  let k = 0;
  const neg = s.charCodeAt(0) === 45;
  if (neg) k = 1;
  if (n - k > 0 && n - k <= 15) {
    let v = 0;
    for (; k < n; k++) {
      const c = s.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (k === n) return neg ? -v : v;
  }
  return NUMBER_RE.test(s) ? Number(s) : NaN;
}

/** A copy of `s` that does not keep the (possibly huge) string it was sliced from alive. */
export const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

const quote = (s: string): string => JSON.stringify(s.length > 60 ? s.slice(0, 57) + '...' : s);
