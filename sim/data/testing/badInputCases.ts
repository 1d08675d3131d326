// Mutations of a small valid download for the bad-input suite (sim/data/badInput.test.ts, test/badInputCli.test.ts): each
// returns the mutated files and the outcome a careful reader must give (where the error is, or which warning).
import {
  ENROLLMENT_HEADER,
  NOTES_HEADER,
  NSH_HEADER,
  RATINGS_HEADER,
  enrollmentLine,
  noteLine,
  nshLine,
  ratingLine,
} from './inputLines.ts';

export type FileKey = 'notes' | 'ratings' | 'statusHistory' | 'enrollment';

const NOTE_IDS = ['1918821029632091175', '1918821029632091176', '1918821029632091177'];
const A = 'C32DC374F17253632C87768A5B545DA9D217FB2BB1713CD8B35475F81455D402';
const B = 'E0C30470EB7307E53A99212F34778D73953E7E1C5E3158D7C7D9D29520B6051D';
const RATERS = ['R1', 'R2', 'R3'];

/** The valid download: header and rows of each file (ratings: 3 raters × 2 notes, alternating verdicts). */
export const FILES: Record<FileKey, { name: string; header: string; rows: string[] }> = {
  notes: {
    name: 'notes-00000.tsv',
    header: NOTES_HEADER,
    rows: [noteLine(NOTE_IDS[0], A), noteLine(NOTE_IDS[1], B), noteLine(NOTE_IDS[2], A)],
  },
  ratings: {
    name: 'ratings-00000.tsv',
    header: RATINGS_HEADER,
    rows: NOTE_IDS.slice(0, 2).flatMap((n, i) =>
      RATERS.map((r, k) => ratingLine(n, r, (i + k) % 2 === 0 ? 'HELPFUL' : 'NOT_HELPFUL')),
    ),
  },
  statusHistory: {
    name: 'noteStatusHistory-00000.tsv',
    header: NSH_HEADER,
    rows: [nshLine(NOTE_IDS[0], A), nshLine(NOTE_IDS[1], B)],
  },
  enrollment: {
    name: 'userEnrollment-00000.tsv',
    header: ENROLLMENT_HEADER,
    rows: [...RATERS, A, B].map((p) => enrollmentLine(p)),
  },
};

const KEYS: FileKey[] = ['notes', 'ratings', 'statusHistory', 'enrollment'];
/** The download is ASCII, so its bytes are its char codes (sim/ has no TextEncoder without the DOM types). */
const enc = {
  encode(text: string): Uint8Array {
    const out = new Uint8Array(text.length);
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c > 0x7f) throw new Error('badInputCases: the base download must be ASCII');
      out[k] = c;
    }
    return out;
  },
};
const bytesOf = (lines: string[], newlineAtEnd = true): Uint8Array =>
  enc.encode(lines.join('\n') + (newlineAtEnd && lines.length > 0 ? '\n' : ''));

/** The valid download as file bytes. */
export const BASE: Record<FileKey, Uint8Array> = Object.fromEntries(
  KEYS.map((k) => [k, bytesOf([FILES[k].header, ...FILES[k].rows])]),
) as Record<FileKey, Uint8Array>;

export type Expectation =
  | { kind: 'error'; file: string; line: number; column: number | null; reason?: RegExp }
  | { kind: 'warning'; code: string; count: number };

export interface Mutation {
  label: string;
  files: Record<FileKey, Uint8Array>;
  expect: Expectation;
}

/** Columns the readers check, with values that must be rejected there (0-based column). */
export interface StrictCell {
  file: FileKey;
  column: number;
  values: readonly string[];
  reason?: RegExp;
}

const ID_BAD = ['abc', '1.5', '99999999999999999999', '', '0x1F', '1 2'];
const TIME_BAD = ['-5', '1746318258216.5', '1e20', '4102444800001', 'x', '', 'NaN'];
const NUM_BAD = ['x', '1..2', '1,5', '--1', '0x10'];
const STATUS_BAD = ['MAYBE', 'helpful', 'CURRENTLY_RATED_HELPFUL '];
const FLAG_BAD = ['2', 'yes', '-1', '0.5', 'x'];

export const STRICT_CELLS: readonly StrictCell[] = [
  { file: 'notes', column: 0, values: ID_BAD },
  { file: 'notes', column: 1, values: [''], reason: /empty participant id/ },
  { file: 'notes', column: 2, values: TIME_BAD },
  { file: 'notes', column: 3, values: ID_BAD },
  { file: 'notes', column: 4, values: ['MAYBE', 'misleading'] },
  { file: 'ratings', column: 0, values: ID_BAD },
  { file: 'ratings', column: 1, values: [''], reason: /empty participant id/ },
  { file: 'ratings', column: 2, values: TIME_BAD },
  { file: 'ratings', column: 3, values: ['x', '1.5'] },
  { file: 'ratings', column: 4, values: ['x', '0.5'] },
  { file: 'ratings', column: 5, values: ['x', '2.5'] },
  { file: 'ratings', column: 6, values: FLAG_BAD },
  { file: 'ratings', column: 7, values: FLAG_BAD },
  { file: 'ratings', column: 8, values: ['MAYBE', 'helpful', ' HELPFUL'] },
  ...Array.from({ length: 22 }, (_, t) => ({ file: 'ratings' as const, column: 9 + t, values: FLAG_BAD })),
  { file: 'ratings', column: 31, values: ['x', '1.5', '-'] },
  { file: 'ratings', column: 32, values: ['OTHER', 'default'] },
  { file: 'statusHistory', column: 0, values: ID_BAD },
  { file: 'statusHistory', column: 1, values: ['', 'SOMEONE_ELSE'] },
  { file: 'statusHistory', column: 2, values: [...TIME_BAD, '1746317558093'] },
  ...[3, 5, 7, 9, 11, 16, 17, 18, 20, 21, 22, 23].map((column) => ({
    file: 'statusHistory' as const,
    column,
    values: NUM_BAD,
  })),
  ...[4, 6, 8, 10, 12, 13, 14, 19].map((column) => ({ file: 'statusHistory' as const, column, values: STATUS_BAD })),
  { file: 'enrollment', column: 0, values: [''], reason: /empty participant id/ },
  { file: 'enrollment', column: 1, values: ['banned', '', 'EarnedIn'] },
  { file: 'enrollment', column: 2, values: NUM_BAD.concat(['']) },
  { file: 'enrollment', column: 3, values: NUM_BAD.concat(['']) },
  { file: 'enrollment', column: 4, values: NUM_BAD },
  { file: 'enrollment', column: 6, values: NUM_BAD },
  { file: 'enrollment', column: 7, values: NUM_BAD.concat(['']) },
];

function withFile(key: FileKey, bytes: Uint8Array): Record<FileKey, Uint8Array> {
  return { ...BASE, [key]: bytes };
}

const cellsOf = (line: string): string[] => line.split('\t');

export const mutate = {
  /** One strict cell of one data row replaced by a value that cell must reject. */
  cell(target: StrictCell, row: number, pick: number): Mutation {
    const f = FILES[target.file];
    const r = row % f.rows.length;
    const value = target.values[pick % target.values.length];
    const cells = cellsOf(f.rows[r]);
    cells[target.column] = value;
    const rows = f.rows.slice();
    rows[r] = cells.join('\t');
    return {
      label: `${f.name} row ${r + 2} column ${target.column + 1} = ${JSON.stringify(value)}`,
      files: withFile(target.file, bytesOf([f.header, ...rows])),
      expect: { kind: 'error', file: f.name, line: r + 2, column: target.column + 1, reason: target.reason },
    };
  },

  /** A data row with fields missing or extra, a truncated last line, or a repeated key with other content. */
  row(key: FileKey, kind: string, row: number, amount: number): Mutation {
    const f = FILES[key];
    const n = cellsOf(f.header).length;
    const r = row % f.rows.length;
    const rows = f.rows.slice();
    const label = `${f.name} row ${r + 2}: ${kind} ${amount}`;
    if (kind === 'missing') {
      const k = Math.min(amount, n - 1);
      rows[r] = cellsOf(rows[r])
        .slice(0, n - k)
        .join('\t');
      const files = withFile(key, bytesOf([f.header, ...rows]));
      return {
        label,
        files,
        expect: { kind: 'error', file: f.name, line: r + 2, column: n - k + 1, reason: /missing/ },
      };
    }
    if (kind === 'extra') {
      rows[r] += '\tx'.repeat(amount);
      const files = withFile(key, bytesOf([f.header, ...rows]));
      return {
        label,
        files,
        expect: { kind: 'error', file: f.name, line: r + 2, column: n + 1, reason: /extra field/ },
      };
    }
    if (kind === 'truncated') {
      const last = rows.length - 1;
      const k = Math.min(amount, n - 1);
      rows[last] = cellsOf(rows[last])
        .slice(0, n - k)
        .join('\t');
      const files = withFile(key, bytesOf([f.header, ...rows], false));
      const expect: Expectation = {
        kind: 'error',
        file: f.name,
        line: last + 2,
        column: n - k,
        reason: /truncated last line/,
      };
      return { label: `${f.name}: last line cut to ${n - k} fields`, files, expect };
    }
    // conflict: the row repeated at the end with one cell changed
    const cells = cellsOf(rows[r]);
    const changed = { notes: 21, ratings: 8, statusHistory: 15, enrollment: 1 }[key];
    const alternatives: Record<FileKey, string> = {
      notes: 'Another summary.',
      ratings: cells[8] === 'HELPFUL' ? 'NOT_HELPFUL' : 'HELPFUL',
      statusHistory: 'CoreModel (v1.0)',
      enrollment: 'newUser',
    };
    cells[changed] = alternatives[key];
    rows.push(cells.join('\t'));
    const column = key === 'ratings' ? 9 : 1;
    const files = withFile(key, bytesOf([f.header, ...rows]));
    return {
      label,
      files,
      expect: { kind: 'error', file: f.name, line: rows.length + 1, column, reason: /duplicate|already/ },
    };
  },

  /** Header cells renamed, dropped or swapped; empty, blank or header-only files. */
  header(key: FileKey, kind: string, column: number): Mutation {
    const f = FILES[key];
    const names = cellsOf(f.header);
    const n = names.length;
    const label = `${f.name} header: ${kind} ${column}`;
    const err = (line: number, col: number | null, reason?: RegExp): Expectation => ({
      kind: 'error',
      file: f.name,
      line,
      column: col,
      reason,
    });
    if (kind === 'empty') return { label, files: withFile(key, new Uint8Array(0)), expect: err(1, null, /empty file/) };
    if (kind === 'blank')
      return { label, files: withFile(key, enc.encode('\n')), expect: err(1, null, /empty header/) };
    if (kind === 'headerOnly') {
      // Only notes and ratings must have rows; an empty status history or enrollment is a first run's normal.
      const k: FileKey = key === 'ratings' ? 'ratings' : 'notes';
      const g = FILES[k];
      const reason = k === 'notes' ? /no notes/ : /no ratings/;
      return {
        label: `${g.name}: header only`,
        files: withFile(k, bytesOf([g.header])),
        expect: { kind: 'error', file: g.name, line: 2, column: null, reason },
      };
    }
    const c = column % (n - 2);
    const header = names.slice();
    if (kind === 'rename') header[c] = 'bogus';
    else if (kind === 'drop') header.splice(c, 1);
    else [header[c], header[c + 1]] = [header[c + 1], header[c]];
    return {
      label,
      files: withFile(key, bytesOf([header.join('\t'), ...f.rows])),
      expect: err(1, c + 1, /header has/),
    };
  },

  /** Invalid UTF-8 bytes inserted into a line (the header included) at a character offset. */
  encoding(key: FileKey, line: number, offset: number, bad: readonly number[]): Mutation {
    const f = FILES[key];
    const lines = [f.header, ...f.rows];
    const l = line % lines.length;
    const text = lines[l];
    const at = offset % (text.length + 1);
    const before = enc.encode(
      lines
        .slice(0, l)
        .map((x) => x + '\n')
        .join('') + text.slice(0, at),
    );
    const after = enc.encode(
      text.slice(at) +
        '\n' +
        lines
          .slice(l + 1)
          .map((x) => x + '\n')
          .join(''),
    );
    const bytes = new Uint8Array(before.length + bad.length + after.length);
    bytes.set(before);
    bytes.set(bad, before.length);
    bytes.set(after, before.length + bad.length);
    const column = text.slice(0, at).split('\t').length;
    return {
      label: `${f.name} line ${l + 1} offset ${at}: bytes ${bad.map((b) => b.toString(16)).join(' ')}`,
      files: withFile(key, bytes),
      expect: { kind: 'error', file: f.name, line: l + 1, column, reason: /invalid UTF-8/ },
    };
  },

  /** Tolerated oddities: ratings on notes in no file, exact duplicate rows. */
  warning(kind: string, key: FileKey, amount: number): Mutation {
    if (kind === 'unknownNotes') {
      const f = FILES.ratings;
      const extra = Array.from({ length: amount }, (_, k) => ratingLine(`77${k}`, RATERS[0], 'HELPFUL'));
      return {
        label: `${amount} ratings on unknown notes`,
        files: withFile('ratings', bytesOf([f.header, ...f.rows, ...extra])),
        expect: { kind: 'warning', code: 'ratingsOnUnknownNotes', count: amount },
      };
    }
    const f = FILES[key];
    const rows = [...f.rows, ...Array.from({ length: amount }, () => f.rows[0])];
    return {
      label: `${f.name}: ${amount} exact duplicates`,
      files: withFile(key, bytesOf([f.header, ...rows])),
      expect: { kind: 'warning', code: 'exactDuplicateRowsDropped', count: amount },
    };
  },
};
