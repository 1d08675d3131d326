import { ENROLLMENT_LAYOUT, NOTES_LAYOUT, RATINGS_LAYOUT, STATUS_HISTORY_LAYOUT } from './inputColumns.ts';
import { CLASSIFICATIONS } from './readNotes.ts';
import { HELPFULNESS_LEVELS } from './readRatings.ts';
import { FLAG, levelOf, type Dataset } from './tables.ts';
import { writeTsv, type OutputColumn } from './writeTsv.ts';

/**
 * Writers of the four input files in the public format (headers as in the public download, see
 * inputColumns.ts), so a simulated world can be scored by this project or by the reference scorer and read
 * back. Each yields text chunks (see writeTsv). Columns the tables do not keep are written with neutral
 * values: 0 for the notes' checkbox columns, empty for the deprecated notes categories, `version` 2 (1 for
 * ratings without helpfulnessLevel), `agree`/`disagree` 0, `ratedOnTweetId` = the note's tweetId (-1 when
 * the note is not in the notes table), empty `suggestion`/`suggestionId`.
 */
export function writeNotesTsv(ds: Dataset): Generator<string> {
  const t = ds.notes;
  const fixed = (name: string, text: string): OutputColumn => ({ name, kind: 'cell', cell: () => text });
  const cols = NOTES_LAYOUT.columns.map((c): OutputColumn => {
    switch (c.name) {
      case 'noteId':
        return { name: c.name, kind: 'string', values: t.note, dictionary: ds.noteIds.values };
      case 'noteAuthorParticipantId':
        return { name: c.name, kind: 'string', values: t.author, dictionary: ds.participants.values };
      case 'createdAtMillis':
        return { name: c.name, kind: 'int', values: t.createdAt };
      case 'tweetId':
        return { name: c.name, kind: 'string', values: t.tweetId };
      case 'classification':
        return { name: c.name, kind: 'cell', cell: (i) => classificationText(t.classification[i]) };
      case 'summary':
        return { name: c.name, kind: 'string', values: t.summary };
      case 'believable':
      case 'harmful':
      case 'validationDifficulty':
        return fixed(c.name, '');
      default:
        return fixed(c.name, '0');
    }
  });
  return writeTsv(cols, { rows: t.length });
}

/** ratings in the 35-column public layout; see writeNotesTsv for the columns the table does not keep. */
export function writeRatingsTsv(ds: Dataset): Generator<string> {
  const t = ds.ratings;
  const tweetOfNote: (string | undefined)[] = new Array(ds.noteIds.size);
  for (let i = 0; i < ds.notes.length; i++) tweetOfNote[ds.notes.note[i]] = ds.notes.tweetId[i];
  const bit = (mask: number) => (i: number) => ((t.flags[i] & mask) !== 0 ? '1' : '0');
  const cols: OutputColumn[] = [
    { name: 'noteId', kind: 'string', values: t.note, dictionary: ds.noteIds.values },
    { name: 'raterParticipantId', kind: 'string', values: t.rater, dictionary: ds.participants.values },
    { name: 'createdAtMillis', kind: 'int', values: t.createdAt },
    { name: 'version', kind: 'cell', cell: (i) => (levelOf(t.flags[i]) === 0 ? '1' : '2') },
    { name: 'agree', kind: 'cell', cell: () => '0' },
    { name: 'disagree', kind: 'cell', cell: () => '0' },
    { name: 'helpful', kind: 'cell', cell: bit(FLAG.v1Helpful) },
    { name: 'notHelpful', kind: 'cell', cell: bit(FLAG.v1NotHelpful) },
    { name: 'helpfulnessLevel', kind: 'cell', cell: (i) => levelText(levelOf(t.flags[i])) },
  ];
  for (let k = 9; k < 31; k++) {
    cols.push({ name: RATINGS_LAYOUT.columns[k].name, kind: 'cell', cell: bit(1 << (k - 9)) });
  }
  cols.push(
    { name: 'ratedOnTweetId', kind: 'cell', cell: (i) => tweetOfNote[t.note[i]] ?? '-1' },
    {
      name: 'ratingSourceBucketed',
      kind: 'cell',
      cell: (i) => ((t.flags[i] & FLAG.populationSampled) !== 0 ? 'POPULATION_SAMPLED' : 'DEFAULT'),
    },
    { name: 'suggestion', kind: 'cell', cell: () => '' },
    { name: 'suggestionId', kind: 'cell', cell: () => '' },
  );
  return writeTsv(cols, { rows: t.length });
}

/** noteStatusHistory in the 24-column layout. */
export function writeStatusHistoryTsv(ds: Dataset): Generator<string> {
  const t = ds.statusHistory;
  const record = t as unknown as Record<string, Float64Array | (string | null)[]>;
  const cols = STATUS_HISTORY_LAYOUT.columns.map((c, k): OutputColumn => {
    if (k === 0) return { name: c.name, kind: 'string', values: t.note, dictionary: ds.noteIds.values };
    if (k === 1) return { name: c.name, kind: 'string', values: t.author, dictionary: ds.participants.values };
    if (k === 2) return { name: c.name, kind: 'int', values: t.createdAt };
    const values = record[c.name];
    if (values === undefined) throw new Error(`writeStatusHistoryTsv: the table has no column ${c.name}`);
    return values instanceof Float64Array
      ? { name: c.name, kind: 'float', values }
      : { name: c.name, kind: 'string', values };
  });
  return writeTsv(cols, { rows: t.length });
}

/** userEnrollment in the 8-column layout. */
export function writeEnrollmentTsv(ds: Dataset): Generator<string> {
  const t = ds.enrollment;
  const [participantId, state, needed, lastChange, lastEarnOut, population, group, timesOut] =
    ENROLLMENT_LAYOUT.columns.map((c) => c.name);
  return writeTsv(
    [
      { name: participantId, kind: 'string', values: t.participant, dictionary: ds.participants.values },
      { name: state, kind: 'string', values: t.enrollmentState },
      { name: needed, kind: 'int', values: t.successfulRatingNeededToEarnIn },
      { name: lastChange, kind: 'int', values: t.timestampOfLastStateChange },
      { name: lastEarnOut, kind: 'float', values: t.timestampOfLastEarnOut },
      { name: population, kind: 'string', values: t.modelingPopulation },
      { name: group, kind: 'float', values: t.modelingGroup },
      { name: timesOut, kind: 'int', values: t.numberOfTimesEarnedOut },
    ],
    { rows: t.length },
  );
}

const classificationText = (code: number): string => (code >= 1 && code <= 2 ? CLASSIFICATIONS[code - 1] : '');
const levelText = (level: number): string => (level >= 1 && level <= 3 ? HELPFULNESS_LEVELS[level - 1] : '');
