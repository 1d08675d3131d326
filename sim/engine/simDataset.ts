import {
  Dictionary,
  type Dataset,
  type EnrollmentTable,
  type NotesTable,
  type RatingsTable,
  type StatusHistoryTable,
} from '../data/tables.ts';
import type { World } from '../world/worldTypes.ts';

/**
 * The public-format tables of a running simulation, grown in place: every participant is interned up front (world
 * index = participant index), notes are interned as they appear (world note index = dataset note index), ratings
 * are appended to growable typed columns. `view()` hands the scorer zero-copy views of what exists so far.
 */
export class SimDataset {
  readonly participants = new Dictionary();
  readonly noteIds = new Dictionary();
  /** ratings per note and per participant so far */
  readonly noteRatings: Int32Array;
  readonly raterRatings: Int32Array;
  statusHistory: StatusHistoryTable = emptyStatusHistory();
  readonly enrollment: EnrollmentTable;
  private readonly notes: NotesTable;
  private readonly pairs = new Set<number>();
  private appeared = 0;
  private r = {
    length: 0,
    note: new Int32Array(1024),
    rater: new Int32Array(1024),
    createdAt: new Float64Array(1024),
    flags: new Uint32Array(1024),
    helpful2: new Uint8Array(1024),
  };

  constructor(readonly world: World) {
    const p = world.participants;
    for (const id of p.ids) this.participants.intern(id);
    const n = world.notes;
    this.notes = {
      length: n.length,
      note: Int32Array.from({ length: n.length }, (_, i) => i),
      author: n.author,
      createdAt: n.createdAt,
      tweetId: Array.from(n.post, (post) => world.posts.tweetId[post]),
      classification: n.classification,
      summary: n.summary,
    };
    this.noteRatings = new Int32Array(n.length);
    this.raterRatings = new Int32Array(p.length);
    const rows: number[] = [];
    for (let i = 0; i < p.length; i++) if (p.enrolled[i]) rows.push(i);
    this.enrollment = {
      length: rows.length,
      participant: Int32Array.from(rows),
      enrollmentState: rows.map((i) => p.enrollmentState[i]),
      successfulRatingNeededToEarnIn: Float64Array.from(rows, () => 5),
      timestampOfLastStateChange: Float64Array.from(rows, (i) => p.timestampOfLastStateChange[i]),
      timestampOfLastEarnOut: Float64Array.from(rows, () => 1),
      modelingPopulation: rows.map((i) => p.modelingPopulation[i]),
      modelingGroup: Float64Array.from(rows, (i) => p.modelingGroup[i]),
      numberOfTimesEarnedOut: Float64Array.from(rows, () => 0),
    };
  }

  /** Notes [0, count) exist (count only grows). */
  appear(count: number): void {
    for (; this.appeared < count; this.appeared++) this.noteIds.intern(this.world.notes.id[this.appeared]);
  }

  get notesAppeared(): number {
    return this.appeared;
  }

  get ratingCount(): number {
    return this.r.length;
  }

  hasRated(rater: number, note: number): boolean {
    return this.pairs.has(rater * this.world.notes.length + note);
  }

  /** Appends a rating; false when the pair exists or the note has not appeared. */
  add(rater: number, note: number, time: number, flags: number, helpful2: number): boolean {
    if (note >= this.appeared || note < 0) return false;
    const key = rater * this.world.notes.length + note;
    if (this.pairs.has(key)) return false;
    this.pairs.add(key);
    if (this.r.length === this.r.note.length) this.grow();
    const r = this.r;
    r.note[r.length] = note;
    r.rater[r.length] = rater;
    r.createdAt[r.length] = time;
    r.flags[r.length] = flags;
    r.helpful2[r.length] = helpful2;
    r.length++;
    this.noteRatings[note]++;
    this.raterRatings[rater]++;
    return true;
  }

  /** The dataset as it stands: views of the grown columns (valid until the next add). */
  view(): Dataset {
    const k = this.appeared;
    const n = this.notes;
    const r = this.r;
    const m = r.length;
    const ratings: RatingsTable = {
      length: m,
      note: r.note.subarray(0, m),
      rater: r.rater.subarray(0, m),
      createdAt: r.createdAt.subarray(0, m),
      flags: r.flags.subarray(0, m),
      helpful2: r.helpful2.subarray(0, m),
    };
    return {
      participants: this.participants,
      noteIds: this.noteIds,
      notes: {
        length: k,
        note: n.note.subarray(0, k),
        author: n.author.subarray(0, k),
        createdAt: n.createdAt.subarray(0, k),
        tweetId: n.tweetId.slice(0, k),
        classification: n.classification.subarray(0, k),
        summary: n.summary.slice(0, k),
      },
      ratings,
      statusHistory: this.statusHistory,
      enrollment: this.enrollment,
    };
  }

  private grow(): void {
    const r = this.r;
    const size = r.note.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.r = {
      length: r.length,
      note: grown(r.note, (n) => new Int32Array(n)),
      rater: grown(r.rater, (n) => new Int32Array(n)),
      createdAt: grown(r.createdAt, (n) => new Float64Array(n)),
      flags: grown(r.flags, (n) => new Uint32Array(n)),
      helpful2: grown(r.helpful2, (n) => new Uint8Array(n)),
    };
  }
}

/** A status history with no rows. */
export function emptyStatusHistory(): StatusHistoryTable {
  const f = () => new Float64Array(0);
  const s = (): (string | null)[] => [];
  return {
    length: 0,
    note: new Int32Array(0),
    author: new Int32Array(0),
    createdAt: f(),
    timestampMillisOfFirstNonNMRStatus: f(),
    firstNonNMRStatus: s(),
    timestampMillisOfCurrentStatus: f(),
    currentStatus: s(),
    timestampMillisOfLatestNonNMRStatus: f(),
    mostRecentNonNMRStatus: s(),
    timestampMillisOfStatusLock: f(),
    lockedStatus: s(),
    timestampMillisOfRetroLock: f(),
    currentCoreStatus: s(),
    currentExpansionStatus: s(),
    currentGroupStatus: s(),
    currentDecidedBy: s(),
    currentModelingGroup: f(),
    timestampMillisOfMostRecentStatusChange: f(),
    timestampMillisOfNmrDueToMinStableCrhTime: f(),
    currentMultiGroupStatus: s(),
    currentModelingMultiGroup: f(),
    timestampMinuteOfFinalScoringOutput: f(),
    timestampMillisOfFirstNmrDueToMinStableCrhTime: f(),
    abovePcrhThresholdTime: f(),
  };
}
