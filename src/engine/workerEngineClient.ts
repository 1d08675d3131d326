/**
 * The app's engine: a module Web Worker (engine.worker.ts) driven over comlink. Progress callbacks cross as comlink
 * proxies; `cancel()` terminates the worker (interrupting any computation) and the next request starts a new one.
 * The same client runs over any comlink endpoint (createRemoteEngineClient), e.g. a MessageChannel in tests.
 */
import { proxy, wrap, type Endpoint, type Remote } from 'comlink';
import { CancelledError, type EngineClient } from './engineClient.ts';
import type { ProgressFn } from './engineTypes.ts';
import type { WorkerApi } from './workerApi.ts';

/** An open connection to an engine: the endpoint that exposes WorkerApi and how to shut it down. */
export interface EngineConnection {
  endpoint: Endpoint;
  /** stops the engine (terminates the worker) */
  close(): void;
}

/** Creates an EngineClient backed by its own Web Worker (started on the first request). */
export function createWorkerEngineClient(): EngineClient {
  return createRemoteEngineClient((fail) => {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'bridgelab-engine',
    });
    // A worker that fails to load or crashes answers nothing: fail every request in flight instead of hanging.
    worker.addEventListener('error', (e) =>
      fail(new Error(`the engine worker failed: ${e.message || 'it could not start'}`)),
    );
    worker.addEventListener('messageerror', () =>
      fail(new Error('the engine worker sent a message that could not be read')),
    );
    return { endpoint: worker, close: () => worker.terminate() };
  });
}

/**
 * Creates an EngineClient over connections made by `connect` (called on the first request, and again after a
 * cancel). `connect` receives `fail`, to call when the engine breaks: every request in flight then rejects with
 * that error.
 */
export function createRemoteEngineClient(connect: (fail: (err: Error) => void) => EngineConnection): EngineClient {
  let connection: EngineConnection | null = null;
  let remote: Remote<WorkerApi> | null = null;
  const pending = new Set<(err: Error) => void>();

  const api = (): Remote<WorkerApi> => {
    if (remote === null) {
      connection = connect((err) => fail(err));
      remote = wrap<WorkerApi>(connection.endpoint);
    }
    return remote;
  };

  /** Runs a request; it rejects at once on cancel(), and engine errors surface as rejections. */
  const call = <T>(run: (r: Remote<WorkerApi>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const abandon = (err: Error) => reject(err);
      pending.add(abandon);
      run(api()).then(
        (v) => {
          pending.delete(abandon);
          resolve(v);
        },
        (e: unknown) => {
          pending.delete(abandon);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });

  // The engine releases the callback's proxy when its request ends.
  const withProgress = <T>(
    onProgress: ProgressFn | undefined,
    run: (p: ProgressFn | undefined) => Promise<T>,
  ): Promise<T> => run(onProgress ? proxy(onProgress) : undefined);

  /** Closes the connection and rejects every request in flight with `reason`. */
  const fail = (reason: Error) => {
    connection?.close();
    connection = null;
    remote = null;
    for (const abandon of pending) abandon(reason);
    pending.clear();
  };
  const stop = () => fail(new CancelledError());

  return {
    scoreFiles: (files, request, onProgress) =>
      call((r) => withProgress(onProgress, (p) => r.scoreFiles(files, request, p) as Promise<never>)),
    scoreTexts: (texts, request, onProgress) =>
      call((r) => withProgress(onProgress, (p) => r.scoreTexts(texts, request, p) as Promise<never>)),
    rescore: (request, onProgress) =>
      call((r) => withProgress(onProgress, (p) => r.rescore(request, p) as Promise<never>)),
    simulate: (request, onEvent) =>
      call((r) => r.simulate(request, (onEvent ? proxy(onEvent) : undefined) as never) as Promise<never>),
    // No engine yet means no run to control: do not start a worker just for that.
    control: (controlId, command) => (remote === null ? Promise.resolve() : call((r) => r.control(controlId, command))),
    noteRatings: (noteId) => call((r) => r.noteRatings(noteId)),
    noteHistory: (noteId) => call((r) => r.noteHistory(noteId)),
    postBoard: (params) => call((r) => r.postBoard(params)),
    classroom: (world) => call((r) => r.classroom(world)),
    cancel: stop,
    dispose: stop,
  };
}
