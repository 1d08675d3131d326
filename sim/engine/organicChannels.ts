import type { RandomSource } from '../random/random.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import { aliasSampler, drawCumulative, randomInt } from '../world/sampling.ts';
import type { World } from '../world/worldTypes.ts';
import { attentionWeight, firstLiveNote } from './attention.ts';

/** Rating sources of organic ratings (index into OrganicChannels.counts). */
export const CHANNEL = { selfSelected: 0, needsYourHelp: 1, populationSampled: 2 } as const;

/** Adds a rating; returns false when the rater already rated the note. */
export type AddRating = (rater: number, note: number, time: number, populationSampled: boolean) => boolean;

/** Per-step state the channels read: statuses after the latest scoring run and rating counts so far. */
export interface ChannelState {
  status: Uint8Array;
  preview: Uint8Array;
  noteRatings: Int32Array;
}

/**
 * How organic ratings reach notes, step by step:
 * - self-selected: a rater drawn by activity picks a note by attention (virality × recency, × shownExposure when
 *   shown as Helpful, × previewExposure in preview), from their own modeling group's notes with probability
 *   groupLocality;
 * - needs-your-help feed: NMR notes with fewer than needsYourHelpMaxRatings ratings, by recency;
 * - population-sampled notifications: raters drawn uniformly (not by activity, so nobody can volunteer) asked about
 *   live notes of any status (shown ones included: the population-sampled veto acts on Helpful notes) with at
 *   least populationSampledMinRatings ratings, by attention (what many people see is worth sampling); flagged
 *   POPULATION_SAMPLED.
 * Channel shares are fixed per step (rounded with carried remainders); a channel with no eligible note falls back
 * to self-selection.
 */
export class OrganicChannels {
  /** ratings added per channel */
  readonly counts = [0, 0, 0];
  private readonly pickActive: (random: RandomSource) => number;
  private readonly enrolledRaters: Int32Array;
  private readonly groupSlot: Int32Array;
  private readonly noteSlot: Int32Array;
  private readonly nSlots: number;
  private live = 0;
  private carry = [0, 0];
  private readonly halfLife: number;
  // per-step sampling tables, reused
  private idx = new Int32Array(0);
  private cum = { self: new Float64Array(0), nyh: new Float64Array(0), pop: new Float64Array(0) };
  private nyhIdx = new Int32Array(0);
  private popIdx = new Int32Array(0);
  private counts3 = [0, 0, 0];
  private slotIdx: Int32Array[] = [];
  private slotCum: Float64Array[] = [];
  private slotLen: Int32Array;

  constructor(
    private readonly world: World,
    private readonly scenario: Scenario,
  ) {
    const p = world.participants;
    const n = p.organicRaters;
    if (n === 0) throw new Error('organic channels: the world has no organic raters');
    this.pickActive = aliasSampler(p.activity.subarray(0, n));
    const enrolled: number[] = [];
    for (let i = 0; i < n; i++) if (p.enrolled[i]) enrolled.push(i);
    this.enrolledRaters = Int32Array.from(enrolled.length > 0 ? enrolled : [...Array(n).keys()]);
    const slots = new Map<number, number>();
    const slotOf = (g: number) => {
      if (Number.isNaN(g)) return -1;
      let s = slots.get(g);
      if (s === undefined) slots.set(g, (s = slots.size));
      return s;
    };
    this.groupSlot = Int32Array.from(p.modelingGroup.subarray(0, n), slotOf);
    this.noteSlot = Int32Array.from(world.notes.homeGroup, slotOf);
    this.nSlots = slots.size;
    this.slotLen = new Int32Array(this.nSlots);
    this.halfLife = scenario.time.attentionHalfLifeHours * 3_600_000;
  }

  /** Adds `total` organic ratings in [t0, t1) on notes [.., appeared), through `add`. */
  step(
    total: number,
    t0: number,
    t1: number,
    appeared: number,
    state: ChannelState,
    random: RandomSource,
    add: AddRating,
  ): void {
    const c = this.scenario.channels;
    this.live = firstLiveNote(this.world, this.live, t0, this.halfLife);
    this.buildTables(t0, t1, appeared, state);
    this.carry[0] += total * c.populationSampledShare;
    this.carry[1] += total * c.needsYourHelpShare;
    const nPop = Math.floor(this.carry[0] + 1e-9);
    const nNyh = Math.floor(this.carry[1] + 1e-9);
    this.carry[0] -= nPop;
    this.carry[1] -= nNyh;
    const nSelf = Math.max(0, total - nPop - nNyh);
    const locality = this.scenario.world.groupLocality;
    const time = (note: number) => {
      const from = Math.max(t0, this.world.notes.createdAt[note] + 1);
      return Math.min(t1 - 1, Math.floor(from + random() * (t1 - from)));
    };
    const selfSelected = (channel: number): void => {
      for (let tries = 0; tries < 12; tries++) {
        const rater = this.pickActive(random);
        const slot = this.groupSlot[rater];
        let note: number;
        if (slot >= 0 && this.slotLen[slot] > 0 && random() < locality) {
          note = this.slotIdx[slot][drawCumulative(random, this.slotCum[slot], this.slotLen[slot])];
        } else {
          const k = drawCumulative(random, this.cum.self, this.counts3[0]);
          if (k < 0) return;
          note = this.idx[k];
        }
        if (add(rater, note, time(note), false)) {
          this.counts[channel]++;
          return;
        }
      }
    };
    for (let k = 0; k < nSelf; k++) selfSelected(CHANNEL.selfSelected);
    for (let k = 0; k < nNyh; k++) {
      if (this.counts3[1] === 0) {
        selfSelected(CHANNEL.selfSelected);
        continue;
      }
      for (let tries = 0; tries < 12; tries++) {
        const note = this.nyhIdx[drawCumulative(random, this.cum.nyh, this.counts3[1])];
        if (add(this.pickActive(random), note, time(note), false)) {
          this.counts[CHANNEL.needsYourHelp]++;
          break;
        }
      }
    }
    for (let k = 0; k < nPop; k++) {
      if (this.counts3[2] === 0) {
        selfSelected(CHANNEL.selfSelected);
        continue;
      }
      for (let tries = 0; tries < 12; tries++) {
        const note = this.popIdx[drawCumulative(random, this.cum.pop, this.counts3[2])];
        const rater = this.enrolledRaters[randomInt(random, this.enrolledRaters.length)];
        if (add(rater, note, time(note), true)) {
          this.counts[CHANNEL.populationSampled]++;
          break;
        }
      }
    }
  }

  /** A live note drawn by attention alone (no group locality); -1 when none. Valid after a step's tables are built. */
  pickLiveNote(random: RandomSource): number {
    const k = drawCumulative(random, this.cum.self, this.counts3[0]);
    return k < 0 ? -1 : this.idx[k];
  }

  /** Prepares this step's sampling tables over the live notes. */
  buildTables(t0: number, t1: number, appeared: number, state: ChannelState): void {
    const c = this.scenario.channels;
    const n = Math.max(0, appeared - this.live);
    if (this.idx.length < n) {
      this.idx = new Int32Array(n);
      this.nyhIdx = new Int32Array(n);
      this.popIdx = new Int32Array(n);
      this.cum = { self: new Float64Array(n), nyh: new Float64Array(n), pop: new Float64Array(n) };
    }
    this.slotLen.fill(0);
    for (let s = 0; s < this.nSlots; s++) {
      if (!this.slotIdx[s] || this.slotIdx[s].length < n) {
        this.slotIdx[s] = new Int32Array(Math.max(n, 16));
        this.slotCum[s] = new Float64Array(Math.max(n, 16));
      }
    }
    let ks = 0;
    let kn = 0;
    let kp = 0;
    let self = 0;
    let nyh = 0;
    let pop = 0;
    for (let note = this.live; note < appeared; note++) {
      const w = attentionWeight(this.world, note, t0, t1, this.halfLife);
      if (w <= 0) continue;
      const status = state.status[note];
      const exposure = status === StatusCode.CRH ? c.shownExposure : state.preview[note] ? c.previewExposure : 1;
      const ws = w * exposure;
      self += ws;
      this.idx[ks] = note;
      this.cum.self[ks++] = self;
      const slot = this.noteSlot[note];
      if (slot >= 0) {
        const len = this.slotLen[slot];
        this.slotIdx[slot][len] = note;
        this.slotCum[slot][len] = (len > 0 ? this.slotCum[slot][len - 1] : 0) + ws;
        this.slotLen[slot] = len + 1;
      }
      const recency = w / this.world.notes.virality[note];
      const count = state.noteRatings[note];
      if (status === StatusCode.NMR && count < c.needsYourHelpMaxRatings) {
        nyh += recency;
        this.nyhIdx[kn] = note;
        this.cum.nyh[kn++] = nyh;
      }
      if (count >= c.populationSampledMinRatings) {
        pop += ws;
        this.popIdx[kp] = note;
        this.cum.pop[kp++] = pop;
      }
    }
    this.counts3 = [ks, kn, kp];
  }
}
