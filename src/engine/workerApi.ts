/**
 * What the engine worker exposes over comlink: an EngineService's methods with their typed-array results
 * transferred (not copied) and the caller's callbacks (comlink proxies) released when a request ends. Separate
 * from engine.worker.ts so tests can expose it over a MessageChannel.
 */
import { releaseProxy, transfer, type Remote } from 'comlink';
import { type DatasetTexts, transferables } from '../../sim/index.ts';
import type { EngineService } from './engineService.ts';
import type {
  ClassroomWorld,
  ControlCommand,
  DataFile,
  PostScoringParams,
  ProgressFn,
  ScoreRequest,
  SimEvent,
  SimRequest,
} from './engineTypes.ts';

const withTransfer = <T>(value: T): T => transfer(value, transferables(value));

/** Runs `work` with the caller's callback (a comlink proxy), then releases that proxy. */
async function withCallback<F, T>(callback: F | undefined, work: (c: F | undefined) => Promise<T>): Promise<T> {
  try {
    return withTransfer(await work(callback));
  } finally {
    (callback as Remote<() => void> | undefined)?.[releaseProxy]();
  }
}

/** The API object to `expose` for `service`. */
export function createWorkerApi(service: EngineService) {
  return {
    scoreFiles: (files: DataFile[], request: ScoreRequest, onProgress?: ProgressFn) =>
      withCallback(onProgress, (p) => service.scoreFiles(files, request, p)),
    scoreTexts: (texts: DatasetTexts, request: ScoreRequest, onProgress?: ProgressFn) =>
      withCallback(onProgress, (p) => service.scoreTexts(texts, request, p)),
    rescore: (request: ScoreRequest, onProgress?: ProgressFn) =>
      withCallback(onProgress, (p) => service.rescore(request, p)),
    simulate: (request: SimRequest, onEvent?: (event: SimEvent) => void) =>
      withCallback(onEvent, (e) => service.simulate(request, e)),
    control: (controlId: string, command: ControlCommand) => service.control(controlId, command),
    noteRatings: (noteId: string) => withTransfer(service.noteRatings(noteId)),
    noteHistory: (noteId: string) => withTransfer(service.noteHistory(noteId)),
    postBoard: (params: Partial<PostScoringParams>) => withTransfer(service.postBoard(params)),
    classroom: (world: ClassroomWorld) => withTransfer(service.classroom(world)),
  };
}
export type WorkerApi = ReturnType<typeof createWorkerApi>;
