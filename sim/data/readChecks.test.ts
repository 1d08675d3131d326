import { describe, expect, it } from 'vitest';
import { DataFormatError } from './dataFormatError.ts';
import { readDatasetText, type DatasetTexts } from './datasetReader.ts';
import { NOTES_HEADER, NSH_HEADER, RATINGS_HEADER, noteLine, nshLine, ratingLine } from './testing/inputLines.ts';

const NOTE = '1918821029632091175';
const OTHER = '1918821029632091176';
const A = 'C32DC374F17253632C87768A5B545DA9D217FB2BB1713CD8B35475F81455D402';
const B = 'E0C30470EB7307E53A99212F34778D73953E7E1C5E3158D7C7D9D29520B6051D';
const file = (header: string, ...lines: string[]): string => [header, ...lines].join('\n') + '\n';

function error(texts: DatasetTexts, requireRows = true): DataFormatError {
  try {
    readDatasetText(texts, { requireRows });
  } catch (err) {
    expect(err).toBeInstanceOf(DataFormatError);
    return err as DataFormatError;
  }
  throw new Error('no error');
}

describe('creation times', () => {
  it.each([
    ['-5', /negative time "-5"/],
    ['1746318258216.5', /fraction "1746318258216.5"/],
    ['1746318258216000', /after 2100-01-01.*microseconds/],
  ])('rejects a rating time of %s at its cell', (value, reason) => {
    const e = error(
      { ratings: file(RATINGS_HEADER, ratingLine(NOTE, A, 'HELPFUL'), ratingLine(NOTE, B, 'HELPFUL', { 2: value })) },
      false,
    );
    expect([e.file, e.line, e.column, e.columnName]).toEqual(['ratings-00000.tsv', 3, 3, 'createdAtMillis']);
    expect(e.reason).toMatch(reason);
  });

  it('rejects a status history whose creation time or author differs from the notes file, naming both places', () => {
    const notes = file(NOTES_HEADER, noteLine(OTHER, A), noteLine(NOTE, A));
    const e = error({ notes, statusHistory: file(NSH_HEADER, nshLine(NOTE, A, { 2: '1746317558093' })) }, false);
    expect([e.file, e.line, e.column, e.columnName]).toEqual(['noteStatusHistory-00000.tsv', 2, 3, 'createdAtMillis']);
    expect(e.reason).toMatch(/created at 1746317558093 .* but at 1746317558092 .* by notes-00000.tsv:3/);
    const a = error({ notes, statusHistory: file(NSH_HEADER, nshLine(NOTE, B)) }, false);
    expect([a.line, a.column]).toEqual([2, 2]);
    expect(a.reason).toMatch(/has author E0C3.* here but C32D.* in notes-00000.tsv:3/);
  });
});

describe('a whole download (requireRows)', () => {
  const notes = file(NOTES_HEADER, noteLine(NOTE, A));

  it('rejects a notes file with only its header, and ratings files with only theirs', () => {
    const e = error({ notes: file(NOTES_HEADER), ratings: file(RATINGS_HEADER, ratingLine(NOTE, A, 'HELPFUL')) });
    expect([e.file, e.line]).toEqual(['notes-00000.tsv', 2]);
    expect(e.reason).toMatch(/no notes: the file has a header but no rows/);
    const r = error({ notes, ratings: file(RATINGS_HEADER) });
    expect(r.reason).toMatch(/no ratings/);
  });

  it('rejects ratings none of which is on a known note, and warns when some are not', () => {
    const ratings = file(RATINGS_HEADER, ratingLine(OTHER, A, 'HELPFUL'), ratingLine(OTHER, B, 'HELPFUL'));
    const e = error({ notes, ratings });
    expect([e.file, e.line, e.column, e.columnName]).toEqual(['ratings-00000.tsv', 2, 1, 'noteId']);
    expect(e.reason).toMatch(/none of the 2 ratings is on a note of notes-00000.tsv .*same download/);
    const some = file(RATINGS_HEADER, ratingLine(NOTE, A, 'HELPFUL'), ratingLine(OTHER, B, 'HELPFUL'));
    const ds = readDatasetText({ notes, ratings: some }, { requireRows: true });
    expect(ds.warnings).toEqual([
      expect.objectContaining({ code: 'ratingsOnUnknownNotes', count: 1, where: 'ratings-00000.tsv:3' }),
    ]);
  });

  it('counts exact duplicate rows dropped as a warning', () => {
    const line = ratingLine(NOTE, A, 'HELPFUL');
    const ds = readDatasetText({ notes, ratings: file(RATINGS_HEADER, line, line, line) }, { requireRows: true });
    expect(ds.ratings.length).toBe(1);
    expect(ds.warnings).toEqual([
      expect.objectContaining({ code: 'exactDuplicateRowsDropped', count: 2, where: 'ratings-00000.tsv' }),
    ]);
  });
});
