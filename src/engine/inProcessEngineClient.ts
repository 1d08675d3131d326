/**
 * The engine on the calling thread: same service as the worker, no comlink. Used by tests and anywhere a worker
 * is unavailable. `cancel()` cannot interrupt a running request; it makes it reject when it ends. A simulation
 * reads the very control block the caller holds (same thread), so `control()` has nothing to send.
 */
import { CancelledError, type EngineClient } from './engineClient.ts';
import { EngineService } from './engineService.ts';

/** Creates an EngineClient that runs every request on this thread. */
export function createInProcessEngineClient(): EngineClient {
  const service = new EngineService();
  let generation = 0;
  const guard = async <T>(work: () => Promise<T> | T): Promise<T> => {
    const mine = generation;
    const value = await work();
    if (mine !== generation) throw new CancelledError();
    return value;
  };
  return {
    scoreFiles: (files, request, onProgress) => guard(() => service.scoreFiles(files, request, onProgress)),
    scoreTexts: (texts, request, onProgress) => guard(() => service.scoreTexts(texts, request, onProgress)),
    rescore: (request, onProgress) => guard(() => service.rescore(request, onProgress)),
    noteRatings: (noteId) => guard(() => service.noteRatings(noteId)),
    simulate: (request, onEvent) => guard(() => service.simulate(request, onEvent)),
    control: () => Promise.resolve(),
    noteHistory: (noteId) => guard(() => service.noteHistory(noteId)),
    postBoard: (params) => guard(() => service.postBoard(params)),
    classroom: (world) => guard(() => service.classroom(world)),
    cancel: () => {
      generation++;
    },
    dispose: () => {
      generation++;
    },
  };
}
