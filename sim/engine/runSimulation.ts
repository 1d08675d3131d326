import type { SeedLabelCache } from '../scoring/topics/seedTopics.ts';
import { deriveSeed, randomSeeded } from '../random/random.ts';
import type { Dataset } from '../data/tables.ts';
import { createEngine, type EngineName } from '../scoring/mf/engines.ts';
import type { MFEngine } from '../scoring/mf/types.ts';
import type { ScoringOptions } from '../scoring/pipeline/runScoring.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import { nextStatusHistory, scoreDataset, type ScoringResult } from '../scoring/pipeline/scoreDataset.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import type { Adversary, StepContext } from '../world/adversaries/adversary.ts';
import { buildWorld } from '../world/buildWorld.ts';
import {
  drawLevel,
  drawTags,
  alignment,
  HELPFUL2_OF_LEVEL,
  ratingFlags,
  verdictScore,
} from '../world/ratingBehaviour.ts';
import { drawLatentLevel, homophilyAccepts, latentGap } from '../world/latentWorld.ts';
import type { World } from '../world/worldTypes.ts';
import { notesBefore, organicRatingSchedule } from './attention.ts';
import { OrganicChannels } from './organicChannels.ts';
import { PostChannel } from './postChannel.ts';
import { previousOutputs } from './previousOutputs.ts';
import { SimDataset } from './simDataset.ts';
import { StatusTimeline, type RunSnapshot } from './statusTimeline.ts';

/** Anything with an `aborted` flag (AbortSignal in browsers and Node). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Thrown when a run is cancelled through its signal. */
export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'SimulationCancelled';
  }
}

/** Progress after each simulation step. */
export interface StepProgress {
  /** which run of an experiment ('main', 'counterfactual', 'ab') */
  label: string;
  step: number;
  steps: number;
  /** simulated time at the end of the step, ms */
  time: number;
  notes: number;
  ratings: number;
  /** the scoring run that ended this step, if any */
  run: RunSnapshot | null;
}

/** Options of runSimulation; every field is optional. */
export interface SimulationOptions {
  /** seed of the whole run (default scenario.seed) */
  seed?: number;
  /** include the scenario's adversaries (default true) */
  withAdversaries?: boolean;
  /** rules switched off in every scoring run (default scenario.scoring.disabledRules) */
  disabledRules?: string[];
  /** MF engine (default createEngine(scenario.scoring.engine)) */
  engine?: MFEngine;
  label?: string;
  signal?: CancelSignal;
  /** called after every step; a returned promise is awaited (lets a caller pause or yield between steps) */
  onStep?: (progress: StepProgress) => void | Promise<void>;
  /** scoring stages inside a run (forwarded from scoreDataset) */
  onScoringProgress?: (stage: string, done: number, total: number) => void;
  /** how scorer tasks run inside each scoring run (forwarded to scoreDataset; sim/node offers a worker pool) */
  executor?: ScoringOptions['executor'];
  /** run the periodic scoring (default true); false only generates the world's ratings (tests, previews) */
  score?: boolean;
  /** a millisecond clock for timing the scoring runs (sim/ never reads one itself; default: no timing) */
  clock?: () => number;
}

/** Where each rating came from. */
export interface RatingSources {
  selfSelected: number;
  needsYourHelp: number;
  populationSampled: number;
  camouflage: number;
  attack: number;
}

/** Everything a run produced. */
export interface SimulationResult {
  scenario: Scenario;
  seed: number;
  label: string;
  withAdversaries: boolean;
  disabledRules: string[];
  world: World;
  adversaries: Adversary[];
  /** the final public-format tables; statusHistory is the history after the last run */
  dataset: Dataset;
  timeline: StatusTimeline;
  /** the last successful scoring result */
  lastResult: ScoringResult | null;
  sources: RatingSources;
  /** milliseconds spent scoring per run, measured with options.clock (NaN without one); not in any output file */
  scoringMillis: number[];
  /** the post pilot (§12) when scenario.posts.enabled: audience, activity, post timeline and metrics, else null */
  posts: PostChannel | null;
}

/**
 * Runs a scenario on the simulated clock: builds the world, then step by step lets notes appear, adds organic
 * ratings through the channels and the adversaries' ratings, and every `scoringEveryHours` scores everything so far
 * with the full pipeline (scoreDataset), carrying the note status history from run to run (and, with the
 * scenario's production cadence, the last prescoring results and the previous outputs for incremental rescoring). Statuses feed back into
 * exposure. A scoring run the scorer refuses (e.g. the topic model's sanity check on a tiny world, as the reference
 * aborts) is recorded in the timeline with its reason and the statuses carry over; programming errors propagate.
 * Cancellable between steps (throws SimulationCancelled).
 *
 * @example const result = await runSimulation(validateScenario(json), { seed: 7, onStep: (p) => log(p.step) });
 */
export async function runSimulation(scenario: Scenario, options: SimulationOptions = {}): Promise<SimulationResult> {
  const seed = options.seed ?? scenario.seed;
  const withAdversaries = options.withAdversaries ?? true;
  const disabledRules = options.disabledRules ?? scenario.scoring.disabledRules;
  const label = options.label ?? 'main';
  const engine = options.engine ?? (await createEngine(scenario.scoring.engine as EngineName));
  const { world, adversaries } = buildWorld(scenario, seed, withAdversaries);
  const data = new SimDataset(world);
  const p = scenario.world;
  const stepMs = scenario.time.stepMinutes * 60_000;
  const steps = Math.ceil((world.end - world.start) / stepMs);
  const stepsPerScoring = Math.round((scenario.time.scoringEveryHours * 60) / scenario.time.stepMinutes);
  const schedule = organicRatingSchedule(
    world,
    p.ratings,
    stepMs,
    steps,
    scenario.time.attentionHalfLifeHours * 3_600_000,
  );
  const channels = new OrganicChannels(world, scenario);
  const posts = scenario.posts.enabled ? new PostChannel(world, scenario, seed, adversaries) : null;
  const organicRandom = randomSeeded(deriveSeed(seed, 'organic.ratings'));
  const latent = p.model === 'latent';
  const overriders = adversaries.filter((a) => a.overridesOrganic);
  const adversaryRandom = adversaries.map((a) => randomSeeded(deriveSeed(seed, `adversary.${a.index}.act`)));
  const status = new Uint8Array(world.notes.length);
  const preview = new Uint8Array(world.notes.length);
  const timeline = new StatusTimeline();
  const sources: RatingSources = { selfSelected: 0, needsYourHelp: 0, populationSampled: 0, camouflage: 0, attack: 0 };
  const scoringMillis: number[] = [];
  let lastResult: ScoringResult | null = null;
  let appeared = 0;
  // Production cadence (scenario.scoring): the prescoring run's results and rater clustering are reused until the
  // next prescoring; incremental rescoring in between. (The topic classifier is retrained every run: reusing it, as
  // production does, aborts runs of small young worlds on its accuracy check.)
  const prescoreEvery = scenario.scoring.prescoreEveryHours * 3_600_000;
  let prescored: ScoringResult['run'] | null = null;
  const seedLabelCache: SeedLabelCache = new Map();
  let prescoredAt = -Infinity;

  const addRating = (
    rater: number,
    note: number,
    time: number,
    level: number,
    populationSampled: boolean,
    random: () => number,
  ): boolean => {
    if (data.hasRated(rater, note)) return false;
    const tags = drawTags(random, level, world, note, alignment(world, rater, note, p.secondDimWeight));
    return data.add(rater, note, time, ratingFlags(level, tags, populationSampled), HELPFUL2_OF_LEVEL[level]);
  };

  for (let s = 0; s < steps; s++) {
    if (options.signal?.aborted) throw new SimulationCancelled();
    const t0 = world.start + s * stepMs;
    const t1 = Math.min(world.end, t0 + stepMs);
    appeared = notesBefore(world, appeared, t1);
    data.appear(appeared);
    channels.step(
      schedule[s],
      t0,
      t1,
      appeared,
      { status, preview, noteRatings: data.noteRatings },
      organicRandom,
      (rater, note, time, pop) => {
        if (latent && !homophilyAccepts(world, p.latent, rater, note, organicRandom)) return false;
        let level = latent
          ? drawLatentLevel(organicRandom, latentGap(world, p.latent, rater, note), p.latent.temperature)
          : drawLevel(organicRandom, verdictScore(world, p, rater, note), p.verdictOffset);
        if (overriders.length > 0 && !data.hasRated(rater, note))
          for (const a of overriders)
            level = a.overrideLevel(world, scenario, rater, note, time, level, adversaryRandom[adversaries.indexOf(a)]);
        return addRating(rater, note, time, level, pop, organicRandom);
      },
    );
    if (adversaries.length > 0) {
      const ctx: StepContext = {
        world,
        scenario,
        t0,
        t1,
        appeared,
        status,
        preview,
        rate: (rater, note, time, level, random) =>
          note < appeared &&
          time >= t0 &&
          time < t1 &&
          time > world.notes.createdAt[note] &&
          addRating(rater, note, Math.floor(time), level, false, random),
        hasRated: (rater, note) => data.hasRated(rater, note),
        pickLiveNote: (random) => channels.pickLiveNote(random),
      };
      adversaries.forEach((a, i) => a.step(ctx, adversaryRandom[i]));
    }
    posts?.step(t0, t1);
    let run: RunSnapshot | null = null;
    if (options.score !== false && ((s + 1) % stepsPerScoring === 0 || s === steps - 1)) {
      const started = options.clock?.() ?? NaN;
      const view = data.view();
      const reuse = prescored !== null && prescoreEvery > 0 && t1 - prescoredAt < prescoreEvery - 1;
      try {
        const result = await scoreDataset(view, {
          now: t1,
          seed: deriveSeed(seed, 'scoring'),
          engine,
          scorers: scenario.scoring.scorers.length > 0 ? scenario.scoring.scorers : undefined,
          disabledRules,
          onProgress: options.onScoringProgress,
          executor: options.executor,
          ...(reuse && prescored ? { prescoring: prescored.prescoring, raterClustering: prescored } : {}),
          seedLabelCache,
          previous: scenario.scoring.incremental && lastResult ? previousOutputs(lastResult) : undefined,
        });
        if (!reuse) {
          prescored = result.run;
          prescoredAt = t1;
        }
        data.statusHistory = nextStatusHistory(result);
        run = timeline.record(result, t1, appeared, view.ratings.length);
        lastResult = result;
        for (let n = 0; n < appeared; n++) {
          const code = run.status[n];
          status[n] = code === StatusCode.CRH || code === StatusCode.CRNH ? code : StatusCode.NMR;
          preview[n] = run.preview[n];
        }
      } catch (err) {
        // The scorer refusing a snapshot (as the reference aborts on degenerate data) is an outcome to record;
        // a programming error is not.
        if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) {
          throw new Error(`scoring run at ${new Date(t1).toISOString()} failed: ${err.message}`, { cause: err });
        }
        const reason = err instanceof Error ? err.message : String(err);
        run = timeline.recordFailure(t1, appeared, view.ratings.length, reason);
        posts?.fail(t1, reason);
      }
      if (posts && lastResult && run.error === null) posts.score(lastResult, view, t1);
      scoringMillis.push((options.clock?.() ?? NaN) - started);
    }
    const paused = options.onStep?.({
      label,
      step: s + 1,
      steps,
      time: t1,
      notes: appeared,
      ratings: data.ratingCount,
      run,
    });
    if (paused instanceof Promise) await paused;
  }
  sources.selfSelected = channels.counts[0];
  sources.needsYourHelp = channels.counts[1];
  sources.populationSampled = channels.counts[2];
  for (const a of adversaries) {
    sources.camouflage += a.camouflageRatings;
    sources.attack += a.attackRatings;
  }
  return {
    scenario,
    seed,
    label,
    withAdversaries,
    disabledRules,
    world,
    adversaries,
    dataset: data.view(),
    timeline,
    lastResult,
    sources,
    scoringMillis,
    posts,
  };
}
