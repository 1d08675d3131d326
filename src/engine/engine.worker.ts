/// <reference lib="webworker" />
// The engine's Web Worker: exposes an EngineService over comlink; typed-array results are transferred, not copied.
import { expose, releaseProxy, transfer, type Remote } from 'comlink';
import type { DatasetTexts } from '../../sim/data/datasetReader.ts';
import { EngineService } from './engineService.ts';
import type { ClassroomWorld, DataFile, ProgressFn, ScoreRequest } from './engineTypes.ts';
import { transferables } from './transferables.ts';

const service = new EngineService();

const withTransfer = <T>(value: T): T => transfer(value, transferables(value));

/** Runs `work` with the caller's progress callback, then releases that callback's proxy. */
async function withProgress<T>(onProgress: ProgressFn | undefined, work: (p: ProgressFn | undefined) => Promise<T>): Promise<T> {
  try {
    return withTransfer(await work(onProgress));
  } finally {
    (onProgress as Remote<ProgressFn> | undefined)?.[releaseProxy]();
  }
}

/** The worker's API: EngineService's methods with transferred results. */
const api = {
  scoreFiles: (files: DataFile[], request: ScoreRequest, onProgress?: ProgressFn) =>
    withProgress(onProgress, (p) => service.scoreFiles(files, request, p)),
  scoreTexts: (texts: DatasetTexts, request: ScoreRequest, onProgress?: ProgressFn) =>
    withProgress(onProgress, (p) => service.scoreTexts(texts, request, p)),
  noteRatings: (noteId: string) => withTransfer(service.noteRatings(noteId)),
  classroom: (world: ClassroomWorld) => withTransfer(service.classroom(world)),
};
export type WorkerApi = typeof api;

expose(api);
