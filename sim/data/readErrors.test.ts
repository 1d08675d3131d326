import { describe, expect, it } from 'vitest';
import { DataFormatError } from './dataFormatError.ts';
import { readDatasetText, type DatasetTexts } from './datasetReader.ts';
import {
  ENROLLMENT_HEADER,
  NOTES_HEADER,
  NSH_HEADER,
  RATINGS_HEADER,
  enrollmentLine,
  noteLine,
  nshLine,
  ratingLine,
} from './testing/inputLines.ts';

const NOTE = '1918821029632091175';
const RATER_A = 'C32DC374F17253632C87768A5B545DA9D217FB2BB1713CD8B35475F81455D402';
const RATER_B = 'E0C30470EB7307E53A99212F34778D73953E7E1C5E3158D7C7D9D29520B6051D';

const file = (header: string, ...lines: string[]): string => [header, ...lines].join('\n') + '\n';

/** Reads `texts`, expecting a DataFormatError with these fields and a reason matching `reason`. */
function expectError(
  texts: DatasetTexts,
  want: { file: string; line: number; column: number | null; columnName: string | null; reason: RegExp },
): DataFormatError {
  let caught: unknown;
  try {
    readDatasetText(texts);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DataFormatError);
  const e = caught as DataFormatError;
  expect({ file: e.file, line: e.line, column: e.column, columnName: e.columnName }).toEqual({
    file: want.file,
    line: want.line,
    column: want.column,
    columnName: want.columnName,
  });
  expect(e.reason).toMatch(want.reason);
  expect(e.message.startsWith(`${want.file}:${want.line}:`)).toBe(true);
  return e;
}

describe('missing column (wrong field count)', () => {
  it('names the first missing column of a short ratings row', () => {
    const short = ratingLine(NOTE, RATER_B, 'HELPFUL').split('\t').slice(0, 34).join('\t');
    const e = expectError(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'HELPFUL'), short) },
      { file: 'ratings-00000.tsv', line: 3, column: 35, columnName: 'suggestionId', reason: /34 fields, expected 35/ },
    );
    expect(e.message).toContain('ratings-00000.tsv:3: column 35 (suggestionId):');
  });

  it('reports an extra field in a notes row', () => {
    expectError(
      { notes: file(NOTES_HEADER, noteLine(NOTE, RATER_A) + '\textra') },
      { file: 'notes-00000.tsv', line: 2, column: 25, columnName: null, reason: /25 fields, expected 24.*extra/ },
    );
  });
});

describe('wrong header', () => {
  it('names the column whose header differs', () => {
    const header = RATINGS_HEADER.replace('helpfulnessLevel', 'helpfulness');
    expectError(
      { ratings: file(header, ratingLine(NOTE, RATER_A, 'HELPFUL')) },
      {
        file: 'ratings-00000.tsv',
        line: 1,
        column: 9,
        columnName: 'helpfulnessLevel',
        reason: /header has "helpfulness" where "helpfulnessLevel" was expected/,
      },
    );
  });

  it('recognises a file of the wrong kind', () => {
    expectError(
      { notes: file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'HELPFUL')) },
      {
        file: 'notes-00000.tsv',
        line: 1,
        column: 2,
        columnName: 'noteAuthorParticipantId',
        reason: /raterParticipantId/,
      },
    );
  });

  it('rejects a header with too few columns', () => {
    const header = NSH_HEADER.split('\t').slice(0, 20).join('\t');
    expectError(
      { statusHistory: file(header) },
      {
        file: 'noteStatusHistory-00000.tsv',
        line: 1,
        column: 21,
        columnName: 'currentModelingMultiGroup',
        reason: /20 columns, expected 24 or 23/,
      },
    );
  });

  it('accepts the documented public names, 33-column ratings and 23-column NSH', () => {
    const notesHeader = NOTES_HEADER.replace('noteAuthorParticipantId', 'participantId');
    const ratingsHeader = RATINGS_HEADER.replace('raterParticipantId', 'participantId')
      .split('\t')
      .slice(0, 33)
      .join('\t');
    const nshHeader = NSH_HEADER.replace('noteAuthorParticipantId', 'participantId')
      .replace('mostRecentNonNMRStatus', 'latestNonNMRStatus')
      .split('\t')
      .slice(0, 23)
      .join('\t');
    const rating = ratingLine(NOTE, RATER_A, 'HELPFUL').split('\t').slice(0, 33).join('\t');
    const nsh = nshLine(NOTE, RATER_B, { 22: '1746319999999' }).split('\t').slice(0, 23).join('\t');
    const ds = readDatasetText({
      notes: file(notesHeader, noteLine(NOTE, RATER_B)),
      ratings: file(ratingsHeader, rating),
      statusHistory: file(nshHeader, nsh),
    });
    expect(ds.ratings.length).toBe(1);
    expect(ds.statusHistory.length).toBe(1);
    // the legacy layout discards column 23, as the reference does
    expect(ds.statusHistory.timestampMillisOfFirstNmrDueToMinStableCrhTime[0]).toBeNaN();
    expect(ds.statusHistory.abovePcrhThresholdTime[0]).toBeNaN();
  });
});

describe('unknown enum value', () => {
  it('helpfulnessLevel', () => {
    expectError(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'MAYBE')) },
      {
        file: 'ratings-00000.tsv',
        line: 2,
        column: 9,
        columnName: 'helpfulnessLevel',
        reason: /unknown value "MAYBE"; expected one of NOT_HELPFUL, SOMEWHAT_HELPFUL, HELPFUL/,
      },
    );
  });

  it('ratingSourceBucketed', () => {
    expectError(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'HELPFUL', { 32: 'RANDOM' })) },
      { file: 'ratings-00000.tsv', line: 2, column: 33, columnName: 'ratingSourceBucketed', reason: /"RANDOM"/ },
    );
  });

  it('classification', () => {
    expectError(
      { notes: file(NOTES_HEADER, noteLine(NOTE, RATER_A, { 4: 'MISLEADING' })) },
      {
        file: 'notes-00000.tsv',
        line: 2,
        column: 5,
        columnName: 'classification',
        reason: /unknown value "MISLEADING"; expected one of NOT_MISLEADING, MISINFORMED_OR_POTENTIALLY_MISLEADING/,
      },
    );
  });

  it('enrollmentState', () => {
    expectError(
      { enrollment: file(ENROLLMENT_HEADER, enrollmentLine(RATER_A), enrollmentLine(RATER_B, { 1: 'banned' })) },
      {
        file: 'userEnrollment-00000.tsv',
        line: 3,
        column: 2,
        columnName: 'enrollmentState',
        reason: /"banned".*earnedIn/,
      },
    );
  });

  it('a noteStatusHistory status', () => {
    expectError(
      { statusHistory: file(NSH_HEADER, nshLine(NOTE, RATER_A, { 6: 'HELPFUL' })) },
      { file: 'noteStatusHistory-00000.tsv', line: 2, column: 7, columnName: 'currentStatus', reason: /"HELPFUL"/ },
    );
  });

  it('a tag cell that is not 0, 1 or empty', () => {
    expectError(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'HELPFUL', { 12: '2' })) },
      {
        file: 'ratings-00000.tsv',
        line: 2,
        column: 13,
        columnName: 'helpfulEmpathetic',
        reason: /expected 0, 1 or an empty cell, got "2"/,
      },
    );
  });
});

describe('non-numeric values and bad ids', () => {
  it('a rating timestamp', () => {
    expectError(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'HELPFUL', { 2: 'yesterday' })) },
      {
        file: 'ratings-00000.tsv',
        line: 2,
        column: 3,
        columnName: 'createdAtMillis',
        reason: /expected a number, got "yesterday"/,
      },
    );
  });

  it('an empty note timestamp', () => {
    expectError(
      { notes: file(NOTES_HEADER, noteLine(NOTE, RATER_A, { 2: '' })) },
      {
        file: 'notes-00000.tsv',
        line: 2,
        column: 3,
        columnName: 'createdAtMillis',
        reason: /empty cell; expected a number/,
      },
    );
  });

  it('an NSH timestamp', () => {
    expectError(
      { statusHistory: file(NSH_HEADER, nshLine(NOTE, RATER_A, { 5: '0x1F' })) },
      {
        file: 'noteStatusHistory-00000.tsv',
        line: 2,
        column: 6,
        columnName: 'timestampMillisOfCurrentStatus',
        reason: /expected a number or an empty cell, got "0x1F"/,
      },
    );
  });

  it('a note id that is not an integer or does not fit 64 bits', () => {
    expectError(
      { ratings: file(RATINGS_HEADER, ratingLine('12.5', RATER_A, 'HELPFUL')) },
      { file: 'ratings-00000.tsv', line: 2, column: 1, columnName: 'noteId', reason: /expected an integer id/ },
    );
    expectError(
      { notes: file(NOTES_HEADER, noteLine('9223372036854775808', RATER_A)) },
      {
        file: 'notes-00000.tsv',
        line: 2,
        column: 1,
        columnName: 'noteId',
        reason: /does not fit a signed 64-bit integer/,
      },
    );
  });

  it('an empty participant id', () => {
    expectError(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, '', 'HELPFUL')) },
      {
        file: 'ratings-00000.tsv',
        line: 2,
        column: 2,
        columnName: 'raterParticipantId',
        reason: /empty participant id/,
      },
    );
  });
});

describe('duplicate rating', () => {
  it('drops exact duplicate rows silently and counts them', () => {
    const row = ratingLine(NOTE, RATER_A, 'HELPFUL', { 10: '1' });
    const ds = readDatasetText({ ratings: file(RATINGS_HEADER, row, ratingLine(NOTE, RATER_B, 'HELPFUL'), row, row) });
    expect(ds.ratings.length).toBe(2);
    expect(ds.ratings.droppedDuplicates).toBe(2);
    expect(Array.from(ds.ratings.rater)).toEqual([0, 1]);
  });

  it('rejects the same rater and note with different content, naming both lines and the column', () => {
    expectError(
      {
        ratings: file(
          RATINGS_HEADER,
          ratingLine(NOTE, RATER_A, 'HELPFUL'),
          ratingLine(NOTE, RATER_B, 'HELPFUL'),
          ratingLine(NOTE, RATER_A, 'NOT_HELPFUL'),
        ),
      },
      {
        file: 'ratings-00000.tsv',
        line: 4,
        column: 9,
        columnName: 'helpfulnessLevel',
        reason: new RegExp(
          `duplicate rating: participant ${RATER_A} already rated note ${NOTE} at ratings-00000.tsv:2`,
        ),
      },
    );
  });

  it('finds a conflict across ratings files', () => {
    expectError(
      {
        ratings: [
          file(RATINGS_HEADER, ratingLine(NOTE, RATER_A, 'HELPFUL')),
          file(
            RATINGS_HEADER,
            ratingLine(NOTE, RATER_B, 'HELPFUL'),
            ratingLine(NOTE, RATER_A, 'HELPFUL', { 2: '1746318258217' }),
          ),
        ],
      },
      {
        file: 'ratings-00001.tsv',
        line: 3,
        column: 3,
        columnName: 'createdAtMillis',
        reason: /at ratings-00000.tsv:2/,
      },
    );
  });

  it('treats an empty tag cell and 0 as different content (as the reference does)', () => {
    expectError(
      {
        ratings: file(
          RATINGS_HEADER,
          ratingLine(NOTE, RATER_A, 'HELPFUL'),
          ratingLine(NOTE, RATER_A, 'HELPFUL', { 20: '' }),
        ),
      },
      { file: 'ratings-00000.tsv', line: 3, column: 2, columnName: 'raterParticipantId', reason: /empty-versus-0/ },
    );
  });

  it('rejects a repeated noteId with different content in notes', () => {
    expectError(
      { notes: file(NOTES_HEADER, noteLine(NOTE, RATER_A), noteLine(NOTE, RATER_A, { 21: 'Other text' })) },
      {
        file: 'notes-00000.tsv',
        line: 3,
        column: 1,
        columnName: 'noteId',
        reason: /duplicate noteId .* already at notes-00000.tsv:2/,
      },
    );
  });
});

describe('truncated last line and empty file', () => {
  it('reports a last line without newline and with too few fields as truncated', () => {
    const cut = ratingLine(NOTE, RATER_B, 'HELPFUL').slice(0, 120);
    const text = `${RATINGS_HEADER}\n${ratingLine(NOTE, RATER_A, 'HELPFUL')}\n${cut}`;
    const fields = cut.split('\t').length;
    expectError(
      { ratings: text },
      {
        file: 'ratings-00000.tsv',
        line: 3,
        column: fields,
        columnName: RATINGS_HEADER.split('\t')[fields - 1],
        reason: /truncated last line: it has \d+ fields, expected 35, and no newline at the end/,
      },
    );
  });

  it('accepts a complete last line without newline', () => {
    const ds = readDatasetText({ ratings: `${RATINGS_HEADER}\n${ratingLine(NOTE, RATER_A, 'HELPFUL')}` });
    expect(ds.ratings.length).toBe(1);
  });

  it('rejects an empty file', () => {
    expectError(
      { notes: '' },
      {
        file: 'notes-00000.tsv',
        line: 1,
        column: null,
        columnName: null,
        reason: /empty file: expected a header line with 24/,
      },
    );
  });

  it('rejects a file whose only line is blank', () => {
    expectError(
      { enrollment: '\n' },
      { file: 'userEnrollment-00000.tsv', line: 1, column: null, columnName: null, reason: /empty header line/ },
    );
  });
});
