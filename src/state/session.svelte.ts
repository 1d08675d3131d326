/**
 * The dashboard's whole state: what the URL holds (page, scenario with its seed, note, classroom grid, teaching
 * mode) and the result holders of each page, each with its own engine client (so a long run never blocks the
 * classroom). Created once by main.ts with the worker engine, or by a test with the in-process one.
 */
import type { Scenario } from '../../sim/index.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import type { ClassroomWorld, ScoredNotes } from '../engine/engineTypes.ts';
import { ClassroomState } from './classroomState.svelte.ts';
import { DataState } from './dataState.svelte.ts';
import { InspectorState } from './inspectorState.svelte.ts';
import { presetScenario } from './presets.ts';
import { RunState } from './runState.svelte.ts';
import { PostsState } from './postsState.svelte.ts';
import { noPostsView, type PostsView } from './postsView.ts';
import { SweepsState } from './sweepsState.svelte.ts';
import { noSweepsView, type SweepsView } from './sweepsView.ts';
import type { PageName, ResultSource, UrlState } from './urlCodec.ts';

/** Safeguard rules the robustness page switches off by default (when the scenario names none). */
export const DEFAULT_SAFEGUARDS = [
  'NoHighVolIntercept (v1.0)',
  'NoCorrelatedIntercept (v1.0)',
  'MinMinorityRaters (v1.0)',
  'RaterBalance (v1.0)',
];

export class Session {
  page = $state<PageName>('scenario');
  preset = $state('quick');
  scenario = $state.raw<Scenario>(presetScenario('quick'));
  note = $state<string | null>(null);
  source = $state<ResultSource>('run');
  classroomWorld = $state.raw<ClassroomWorld>({ raters: 1, notes: 1, cells: Int8Array.of(-1), seed: 1 });
  teach = $state(false);
  /** the Posts page's view (rescoring parameters, rules off, selected post) */
  postsView = $state.raw<PostsView>(noPostsView());
  /** the Sweeps page's view (bundled example, metric, parameters, chart) */
  sweepsView = $state.raw<SweepsView>(noSweepsView());
  /** what the link had that could not be used */
  linkErrors = $state.raw<string[]>([]);

  readonly run: RunState;
  /** robustness: the scenario as it is (A) and with the chosen safeguards off (B), run side by side */
  readonly robustA: RunState;
  readonly robustB: RunState;
  readonly data: DataState;
  readonly classroom: ClassroomState;
  readonly inspector = new InspectorState();
  /** the main run's posts as the Posts page shows them (rescored with postsView's parameters) */
  readonly posts = new PostsState();
  /** the sweep output the Sweeps page shows */
  readonly sweeps = new SweepsState();

  constructor(engine: () => EngineClient, initial: { state: UrlState; errors: string[] }) {
    this.run = new RunState(engine, 'main');
    this.robustA = new RunState(engine, 'main');
    this.robustB = new RunState(engine, 'ab');
    this.data = new DataState(engine);
    this.classroom = new ClassroomState(engine);
    this.apply(initial.state);
    this.linkErrors = initial.errors;
  }

  /** The URL part of the state. */
  urlState(): UrlState {
    return {
      page: this.page,
      preset: this.preset,
      scenario: this.scenario,
      note: this.note,
      source: this.source,
      classroom: this.classroomWorld,
      teach: this.teach,
      posts: this.postsView,
      sweeps: this.sweepsView,
    };
  }

  /** Replaces the URL part of the state (a link opened, back / forward). */
  apply(state: UrlState): void {
    this.page = state.page;
    this.preset = state.preset;
    this.scenario = state.scenario;
    this.note = state.note;
    this.source = state.source;
    this.classroomWorld = state.classroom;
    this.teach = state.teach;
    this.postsView = state.posts;
    this.sweepsView = state.sweeps;
  }

  /** Chooses a preset: its scenario replaces the current one. */
  choosePreset(name: string): void {
    this.scenario = presetScenario(name);
    this.preset = name;
  }

  /** Opens `noteId` of `source` in the inspector. */
  openNote(noteId: string, source: ResultSource): void {
    this.note = noteId;
    this.source = source;
    this.page = 'note';
  }

  /** The notes of the result `source` refers to (null when there is none yet). */
  notesOf(source: ResultSource): ScoredNotes | null {
    return source === 'run' ? (this.run.summary?.notes ?? null) : (this.data.result?.notes ?? null);
  }

  /** The engine client that holds the result of `source`. */
  clientOf(source: ResultSource): EngineClient {
    return source === 'run' ? this.run.client : this.data.client;
  }

  /** Releases every worker. */
  dispose(): void {
    for (const r of [this.run, this.robustA, this.robustB]) r.dispose();
    this.data.dispose();
    this.classroom.dispose();
  }
}
