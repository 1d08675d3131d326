import { ensureLength, trimmed } from './growable.ts';
import { ENROLLMENT_LAYOUT } from './inputColumns.ts';
import { internDetached, type WithDroppedDuplicates } from './readRatings.ts';
import { KeyRowIndex, RowOrigins } from './rowOrigins.ts';
import type { Dictionary, EnrollmentTable } from './tables.ts';
import type { LineSink } from './tsvLines.ts';
import { TsvRow, detach } from './tsvRow.ts';

/** enrollmentState values (scoring-core.md §2.5). */
export const ENROLLMENT_STATES = [
  'newUser',
  'earnedIn',
  'atRisk',
  'earnedOutNoAcknowledge',
  'earnedOutAcknowledged',
  'removed',
  'apiTestUser',
  'apiEarnedIn',
  'apiEarnedOut',
] as const;

/**
 * Streaming reader of userEnrollment-00000.tsv into an EnrollmentTable (scoring-core.md §2.5). Usage as
 * RatingsReader. `enrollmentState` must be one of ENROLLMENT_STATES; `modelingGroup` and
 * `timestampOfLastEarnOut` may be empty (NaN); the integer columns are required. Exact duplicate rows are
 * dropped; a participant repeated with different content is an error.
 */
export class EnrollmentReader implements LineSink {
  private readonly row = new TsvRow(ENROLLMENT_LAYOUT);
  private readonly origins = new RowOrigins();
  private readonly rowOfParticipant = new KeyRowIndex();
  private readonly populations = new Map<string, string>();
  private n = 0;
  private dropped = 0;
  private participant = new Int32Array(0);
  private successfulRatingNeededToEarnIn = new Float64Array(0);
  private timestampOfLastStateChange = new Float64Array(0);
  private timestampOfLastEarnOut = new Float64Array(0);
  private modelingGroup = new Float64Array(0);
  private numberOfTimesEarnedOut = new Float64Array(0);
  private readonly enrollmentState: string[] = [];
  private readonly modelingPopulation: (string | null)[] = [];
  private finished = false;

  constructor(readonly participants: Dictionary) {}

  startFile(file: string): void {
    if (this.finished) throw new Error('EnrollmentReader: finish() was already called');
    this.row.endFile();
    this.row.startFile(file);
    this.origins.startFile(file, this.n);
  }

  push(line: string, lineNo: number, unterminated = false): void {
    const r = this.row;
    if (!r.load(line, lineNo, unterminated)) return;
    const participant = internDetached(this.participants, r.participant(0));
    const hash = r.hash(0, r.columns - 1);
    const seen = this.rowOfParticipant.get(participant);
    if (seen >= 0) {
      this.origins.assertExactDuplicate(seen, hash, {
        file: r.file,
        line: lineNo,
        columnName: 'participantId',
        key: this.participants.values[participant],
      });
      this.dropped++;
      return;
    }
    const state = ENROLLMENT_STATES[r.code(1, ENROLLMENT_STATES, false) - 1];
    const i = this.n;
    if (i >= this.participant.length) this.grow(i + 1);
    this.participant[i] = participant;
    this.successfulRatingNeededToEarnIn[i] = r.number(2);
    this.timestampOfLastStateChange[i] = r.number(3);
    this.timestampOfLastEarnOut[i] = r.optionalNumber(4);
    this.modelingGroup[i] = r.optionalNumber(6);
    this.numberOfTimesEarnedOut[i] = r.number(7);
    this.enrollmentState.push(state);
    this.modelingPopulation.push(r.isEmpty(5) ? null : this.population(r.text(5)));
    this.origins.record(i, lineNo, hash);
    this.rowOfParticipant.set(participant, i);
    this.n = i + 1;
  }

  endFile(): void {
    this.row.endFile();
  }

  /** Files started so far. */
  get files(): readonly string[] {
    return this.origins.files;
  }

  finish(): WithDroppedDuplicates<EnrollmentTable> {
    if (this.finished) throw new Error('EnrollmentReader: finish() was already called');
    this.row.endFile();
    this.finished = true;
    this.origins.release();
    const n = this.n;
    return {
      length: n,
      participant: trimmed(this.participant, n),
      enrollmentState: this.enrollmentState,
      successfulRatingNeededToEarnIn: trimmed(this.successfulRatingNeededToEarnIn, n),
      timestampOfLastStateChange: trimmed(this.timestampOfLastStateChange, n),
      timestampOfLastEarnOut: trimmed(this.timestampOfLastEarnOut, n),
      modelingPopulation: this.modelingPopulation,
      modelingGroup: trimmed(this.modelingGroup, n),
      numberOfTimesEarnedOut: trimmed(this.numberOfTimesEarnedOut, n),
      droppedDuplicates: this.dropped,
    };
  }

  private population(s: string): string {
    let p = this.populations.get(s);
    if (p === undefined) {
      p = detach(s);
      this.populations.set(p, p);
    }
    return p;
  }

  private grow(length: number): void {
    this.participant = ensureLength(this.participant, length);
    this.successfulRatingNeededToEarnIn = ensureLength(this.successfulRatingNeededToEarnIn, length);
    this.timestampOfLastStateChange = ensureLength(this.timestampOfLastStateChange, length);
    this.timestampOfLastEarnOut = ensureLength(this.timestampOfLastEarnOut, length);
    this.modelingGroup = ensureLength(this.modelingGroup, length);
    this.numberOfTimesEarnedOut = ensureLength(this.numberOfTimesEarnedOut, length);
  }
}
