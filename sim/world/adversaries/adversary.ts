import { LEVEL_HELPFUL, LEVEL_NOT_HELPFUL, LEVEL_SOMEWHAT_HELPFUL } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import type { AdversarySpec, Scenario, Verdict } from '../../scenario/scenarioTypes.ts';
import type { NotesBuilder } from '../content.ts';
import type { ParticipantsBuilder } from '../population.ts';
import { drawLevel, verdictScore } from '../ratingBehaviour.ts';
import { randomInt, randomPoisson } from '../sampling.ts';
import { EXPANSION_GROUPS, EXPANSION_PLUS_GROUPS } from '../../scoring/constants.ts';
import { ROLE_ADVERSARY, type Posts, type World } from '../worldTypes.ts';

/** What an adversary sees and can do during one simulation step [t0, t1). */
export interface StepContext {
  world: World;
  scenario: Scenario;
  t0: number;
  t1: number;
  /** notes [0, appeared) exist by t1 */
  appeared: number;
  /** per note: StatusCode after the latest scoring run (NMR for NYH, FIRM_REJECT or none) */
  status: Uint8Array;
  /** per note: in proposed-note preview (stabilization) after the latest run */
  preview: Uint8Array;
  /** Adds a rating; false when the pair was already rated, the note does not exist yet or the time is outside the step. */
  rate(rater: number, note: number, time: number, level: number, random: RandomSource): boolean;
  hasRated(rater: number, note: number): boolean;
  /** A live note drawn by attention (-1 when none). */
  pickLiveNote(random: RandomSource): number;
}

/** Build-time access to the world under construction (adversary accounts and notes are added here). */
export interface AdversarySetup {
  scenario: Scenario;
  start: number;
  end: number;
  people: ParticipantsBuilder;
  notes: NotesBuilder;
  posts: Posts;
  random: RandomSource;
}

/** LEVEL_* code of a verdict. */
export const levelOf = (v: Verdict): number =>
  v === 'HELPFUL' ? LEVEL_HELPFUL : v === 'NOT_HELPFUL' ? LEVEL_NOT_HELPFUL : LEVEL_SOMEWHAT_HELPFUL;

/**
 * Shared machinery of every adversary strategy: its accounts, the notes it has targeted, a budget of attack
 * ratings, a time-ordered queue of planned ratings (emitted in the step that contains their time), camouflage
 * ratings that build an ordinary rating history, and target scanning by selector. Subclasses implement `act`.
 */
export abstract class Adversary {
  /** participant indices of the accounts taking part */
  readonly accounts: number[] = [];
  /** world note indices targeted, in order */
  readonly targets: number[] = [];
  readonly targetSet = new Set<number>();
  /** attack ratings added (camouflage excluded) */
  attackRatings = 0;
  camouflageRatings = 0;
  private planned = 0;
  private scanned = -1;
  private readonly queue = { rater: [] as number[], note: [] as number[], time: [] as number[], level: [] as number[] };
  private readonly plannedPairs = new Set<string>();

  constructor(
    readonly spec: AdversarySpec,
    readonly index: number,
  ) {}

  get startTime(): number {
    return this.begin;
  }
  get endTime(): number {
    return this.begin + this.spec.durationHours * 3_600_000;
  }
  protected begin = 0;

  /** Whether the strategy changes organic ratings of its accounts (overrideLevel) instead of planning its own. */
  readonly overridesOrganic: boolean = false;

  /** Called once the world is built, before init: a strategy that changes organic raters does it here. */
  adjustWorld(_world: World, _scenario: Scenario): void {}

  /** The level of an organic rating by `rater` on `note` at `time`, given the honest `level` (LEVEL_* codes). */
  overrideLevel(
    _world: World,
    _scenario: Scenario,
    _rater: number,
    _note: number,
    _time: number,
    level: number,
    _random: RandomSource,
  ): number {
    return level;
  }

  /** Called once before the first step with the simulated start time. */
  init(start: number): void {
    this.begin = start + this.spec.startHours * 3_600_000;
  }

  /** One step: camouflage, the strategy's own actions, then planned ratings falling inside the step. */
  step(ctx: StepContext, random: RandomSource): void {
    this.camouflage(ctx, random);
    if (ctx.t1 > this.begin && ctx.t0 <= this.endTime) this.act(ctx, random);
    this.flush(ctx, random);
  }

  /** The strategy's actions in a step that overlaps its active window. */
  protected abstract act(ctx: StepContext, random: RandomSource): void;

  /** Budget left for planning new attack ratings. */
  protected get budgetLeft(): number {
    return this.spec.budget - this.planned;
  }

  /** Plans an attack rating at `time` (clamped into the future); false when over budget or already planned. */
  protected plan(ctx: StepContext, rater: number, note: number, time: number, level: number): boolean {
    if (this.planned >= this.spec.budget) return false;
    const key = `${rater}:${note}`;
    if (this.plannedPairs.has(key) || ctx.hasRated(rater, note)) return false;
    this.plannedPairs.add(key);
    const q = this.queue;
    q.rater.push(rater);
    q.note.push(note);
    q.time.push(Math.max(time, ctx.t0, ctx.world.notes.createdAt[note] + 1));
    q.level.push(level);
    this.planned++;
    return true;
  }

  /** Marks notes [scanned, appeared) that match the target selector, within the active window, up to targets.count. */
  protected scanTargets(ctx: StepContext): number[] {
    const fresh: number[] = [];
    if (ctx.t1 <= this.begin || ctx.t0 > this.endTime) return fresh;
    const notes = ctx.world.notes;
    if (this.scanned < 0) {
      this.scanned = 0;
      if (!this.spec.targets.includeExisting)
        while (this.scanned < ctx.appeared && notes.createdAt[this.scanned] < this.begin) this.scanned++;
    }
    for (; this.scanned < ctx.appeared; this.scanned++) {
      if (this.targets.length >= this.spec.targets.count) break;
      const n = this.scanned;
      if (notes.createdAt[n] > this.endTime || !this.matches(ctx, n)) continue;
      this.addTarget(n);
      fresh.push(n);
    }
    return fresh;
  }

  /** Records note `n` as a target (once). */
  protected addTarget(n: number): void {
    if (this.targetSet.has(n)) return;
    this.targets.push(n);
    this.targetSet.add(n);
  }

  /** Whether note `n` fits targets.selector. */
  protected matches(ctx: StepContext, n: number): boolean {
    const t = this.spec.targets;
    const notes = ctx.world.notes;
    if (notes.adversary[n] >= 0 && notes.adversary[n] !== this.index) return false;
    switch (t.selector) {
      case 'any':
        return true;
      case 'slant':
        return Math.sign(notes.slant[2 * n]) === t.side;
      case 'topic':
        return notes.topic[n] === t.topic;
      case 'helpful':
        return notes.helpfulness[n] >= ctx.scenario.metrics.helpfulThreshold;
      case 'unhelpful':
        return notes.helpfulness[n] < ctx.scenario.metrics.unhelpfulThreshold;
      case 'own':
        return notes.adversary[n] === this.index;
    }
  }

  /** Side of the attackers: the sign of their perspective (+1 when 0). */
  protected get side(): number {
    return this.spec.perspective < 0 ? -1 : 1;
  }

  private flush(ctx: StepContext, random: RandomSource): void {
    const q = this.queue;
    const due: number[] = [];
    const keep: number[] = [];
    for (let i = 0; i < q.time.length; i++) (q.time[i] < ctx.t1 ? due : keep).push(i);
    if (due.length === 0) return;
    due.sort((a, b) => q.time[a] - q.time[b] || a - b);
    for (const i of due) {
      if (ctx.rate(q.rater[i], q.note[i], Math.max(q.time[i], ctx.t0), q.level[i], random)) this.attackRatings++;
    }
    for (const k of ['rater', 'note', 'time', 'level'] as const) q[k] = keep.map((i) => q[k][i]);
  }

  /** Ordinary honest ratings by created accounts (camouflageRatingsPerDay each), on notes drawn by attention. */
  private camouflage(ctx: StepContext, random: RandomSource): void {
    const own = this.accounts.filter((a) => ctx.world.participants.role[a] === ROLE_ADVERSARY);
    if (own.length === 0 || this.spec.camouflageRatingsPerDay <= 0) return;
    const expected = (own.length * this.spec.camouflageRatingsPerDay * (ctx.t1 - ctx.t0)) / 86_400_000;
    const n = randomPoisson(random, expected);
    const p = ctx.scenario.world;
    for (let k = 0; k < n; k++) {
      const rater = own[randomInt(random, own.length)];
      const note = ctx.pickLiveNote(random);
      if (note < 0 || this.targetSet.has(note) || ctx.hasRated(rater, note)) continue;
      const level = drawLevel(random, verdictScore(ctx.world, p, rater, note), p.verdictOffset);
      const from = Math.max(ctx.t0, ctx.world.notes.createdAt[note] + 1);
      if (ctx.rate(rater, note, from + random() * (ctx.t1 - from), level, random)) this.camouflageRatings++;
    }
  }
}

/**
 * Adds `count` adversary accounts (enrolled in spec.modelingGroup, perspective spec.perspective, CORE population,
 * earnedIn) and returns their participant indices.
 */
export function addAdversaryAccounts(
  setup: AdversarySetup,
  spec: AdversarySpec,
  index: number,
  count: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      setup.people.add(
        {
          perspective: [spec.perspective, 0],
          leniency: 0,
          activity: 0,
          writing: 0,
          writerQuality: NaN,
          role: ROLE_ADVERSARY,
          adversary: index,
          enrolled: true,
          enrollmentState: 'earnedIn',
          modelingPopulation: populationOfGroup(spec.modelingGroup),
          modelingGroup: spec.modelingGroup,
          timestampOfLastStateChange: setup.start - 60 * 86_400_000,
        },
        setup.random,
      ),
    );
  }
  return out;
}

/** modelingPopulation matching a modeling group. */
function populationOfGroup(group: number): string {
  if (EXPANSION_PLUS_GROUPS.includes(group)) return 'EXPANSION_PLUS';
  if (EXPANSION_GROUPS.includes(group)) return 'EXPANSION';
  return 'CORE';
}
