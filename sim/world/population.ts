import { randomNormal, type RandomSource } from '../random/random.ts';
import type { WorldParams } from '../scenario/scenarioTypes.ts';
import { clamp, randomHex, randomInt, randomLogNormal } from './sampling.ts';
import { ROLE_AI_WRITER, ROLE_ORGANIC, type Participants } from './worldTypes.ts';

/** Modeling groups the simulated populations are drawn from (a subset of the scorer's group sets). */
export const SIM_GROUPS = {
  core: [1, 2, 3, 6, 8, 9, 10, 11, 14],
  main: 13,
  expansion: [4, 5, 7, 12, 15],
  expansionPlus: [18],
} as const;

/** One account as the builder takes it. */
export interface ParticipantInput {
  perspective: [number, number];
  leniency: number;
  activity: number;
  writing: number;
  writerQuality: number;
  role: number;
  adversary: number;
  enrolled: boolean;
  enrollmentState: string;
  modelingPopulation: string | null;
  modelingGroup: number;
  timestampOfLastStateChange: number;
}

/** Collects accounts, then freezes them into columns; ids are unique 64-digit hex strings. */
export class ParticipantsBuilder {
  private readonly rows: (ParticipantInput & { id: string })[] = [];
  private readonly ids = new Set<string>();
  organicRaters = 0;

  /** Adds an account with a fresh id drawn from `random`; returns its participant index. */
  add(p: ParticipantInput, random: RandomSource): number {
    let id = randomHex(random, 64);
    while (this.ids.has(id)) id = randomHex(random, 64);
    this.ids.add(id);
    this.rows.push({ ...p, id });
    return this.rows.length - 1;
  }

  get length(): number {
    return this.rows.length;
  }

  /** Reads back a field of an added account. */
  get(i: number): Readonly<ParticipantInput> {
    return this.rows[i];
  }

  build(): Participants {
    const n = this.rows.length;
    const col = (f: (r: ParticipantInput) => number) => Float64Array.from(this.rows, f);
    const perspective = new Float64Array(2 * n);
    this.rows.forEach((r, i) => {
      perspective[2 * i] = r.perspective[0];
      perspective[2 * i + 1] = r.perspective[1];
    });
    return {
      length: n,
      organicRaters: this.organicRaters,
      ids: this.rows.map((r) => r.id),
      perspective,
      leniency: col((r) => r.leniency),
      activity: col((r) => r.activity),
      writing: col((r) => r.writing),
      writerQuality: col((r) => r.writerQuality),
      role: Uint8Array.from(this.rows, (r) => r.role),
      adversary: Int16Array.from(this.rows, (r) => r.adversary),
      enrolled: Uint8Array.from(this.rows, (r) => (r.enrolled ? 1 : 0)),
      enrollmentState: this.rows.map((r) => r.enrollmentState),
      modelingPopulation: this.rows.map((r) => r.modelingPopulation),
      modelingGroup: col((r) => r.modelingGroup),
      timestampOfLastStateChange: col((r) => r.timestampOfLastStateChange),
    };
  }
}

/**
 * Adds the organic raters (conformance generator model): perspective with two clipped normal modes at
 * ±perspectiveMode, leniency ~ N(0, leniencySd), log-normal activity, a modeling population and group (group 13
 * for `mainGroupFraction` of CORE raters), enrollment state; `authorFraction` of them also write notes with a
 * mean quality ~ N(0, writerQualitySd).
 */
export function addOrganicRaters(b: ParticipantsBuilder, p: WorldParams, start: number, random: RandomSource): void {
  let writers = 0;
  for (let i = 0; i < p.raters; i++) {
    const mode = random() < 0.5 ? -p.perspectiveMode : p.perspectiveMode;
    const x = clamp(randomNormal(random, mode, p.perspectiveSd), -1, 1);
    const y = p.perspectiveDims === 2 ? clamp(randomNormal(random, 0, p.secondDimSd), -1, 1) : 0;
    const leniency = randomNormal(random, 0, p.leniencySd);
    const activity = randomLogNormal(random, 0, p.activitySigma);
    // A small world can draw no writer at all; its last rater then writes (larger worlds are unchanged).
    const writes = random() < p.authorFraction || (i === p.raters - 1 && writers === 0 && p.authorFraction > 0);
    if (writes) writers++;
    const writing = writes ? randomLogNormal(random, 0, 1) : 0;
    const quality = writes ? randomNormal(random, 0, p.writerQualitySd) : NaN;
    const u = random();
    let population = 'CORE';
    let group: number;
    if (u < p.expansionFraction) {
      population = 'EXPANSION';
      group = SIM_GROUPS.expansion[randomInt(random, SIM_GROUPS.expansion.length)];
    } else if (u < p.expansionFraction + p.expansionPlusFraction) {
      population = 'EXPANSION_PLUS';
      group = SIM_GROUPS.expansionPlus[randomInt(random, SIM_GROUPS.expansionPlus.length)];
    } else {
      group =
        random() < p.mainGroupFraction ? SIM_GROUPS.main : SIM_GROUPS.core[randomInt(random, SIM_GROUPS.core.length)];
    }
    const enrolled = !(random() < p.unenrolledFraction);
    const state = random() < p.newUserFraction ? 'newUser' : 'earnedIn';
    const changed = start - Math.floor(random() * 200 * 86_400_000);
    b.add(
      {
        perspective: [x, y],
        leniency,
        activity,
        writing,
        writerQuality: quality,
        role: ROLE_ORGANIC,
        adversary: -1,
        enrolled,
        enrollmentState: state,
        modelingPopulation: enrolled ? population : null,
        modelingGroup: enrolled ? group : NaN,
        timestampOfLastStateChange: changed,
      },
      random,
    );
  }
  b.organicRaters = b.length;
}

/** Adds `p.aiWriters` AI note-writer accounts (enrolled as apiEarnedIn, no modeling group, never rate). */
export function addAiWriters(b: ParticipantsBuilder, p: WorldParams, start: number, random: RandomSource): void {
  for (let i = 0; i < p.aiWriters; i++) {
    b.add(
      {
        perspective: [0, 0],
        leniency: 0,
        activity: 0,
        writing: 1,
        writerQuality: randomNormal(random, p.aiQualityMean, 0.3),
        role: ROLE_AI_WRITER,
        adversary: -1,
        enrolled: true,
        enrollmentState: 'apiEarnedIn',
        modelingPopulation: 'CORE',
        modelingGroup: NaN,
        timestampOfLastStateChange: start - 30 * 86_400_000,
      },
      random,
    );
  }
}
