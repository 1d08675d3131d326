/// <reference lib="webworker" />
// The engine's Web Worker: exposes an EngineService over comlink; typed-array results are transferred, not copied.
import { expose, releaseProxy, transfer, type Remote } from 'comlink';
import type { DatasetTexts } from '../../sim/data/datasetReader.ts';
import { EngineService } from './engineService.ts';
import type { ClassroomWorld, DataFile, ProgressFn, ScoreRequest, SimEvent, SimRequest } from './engineTypes.ts';
import { transferables } from './transferables.ts';

const service = new EngineService();

const withTransfer = <T>(value: T): T => transfer(value, transferables(value));

/** Runs `work` with the caller's callback (a comlink proxy), then releases that proxy. */
async function withCallback<F, T>(callback: F | undefined, work: (c: F | undefined) => Promise<T>): Promise<T> {
  try {
    return withTransfer(await work(callback));
  } finally {
    (callback as Remote<() => void> | undefined)?.[releaseProxy]();
  }
}

/** The worker's API: EngineService's methods with transferred results. */
const api = {
  scoreFiles: (files: DataFile[], request: ScoreRequest, onProgress?: ProgressFn) =>
    withCallback(onProgress, (p) => service.scoreFiles(files, request, p)),
  scoreTexts: (texts: DatasetTexts, request: ScoreRequest, onProgress?: ProgressFn) =>
    withCallback(onProgress, (p) => service.scoreTexts(texts, request, p)),
  rescore: (request: ScoreRequest, onProgress?: ProgressFn) => withCallback(onProgress, (p) => service.rescore(request, p)),
  simulate: (request: SimRequest, onEvent?: (event: SimEvent) => void) =>
    withCallback(onEvent, (e) => service.simulate(request, e)),
  noteRatings: (noteId: string) => withTransfer(service.noteRatings(noteId)),
  noteHistory: (noteId: string) => withTransfer(service.noteHistory(noteId)),
  classroom: (world: ClassroomWorld) => withTransfer(service.classroom(world)),
};
export type WorkerApi = typeof api;

expose(api);
