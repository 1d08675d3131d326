/**
 * MF engine on TensorFlow.js (tfjs-core + a backend). Same semantics as the typed engine; useful to
 * compare backends and as an optional accelerator (`@tensorflow/tfjs-node`, never a dependency).
 */
import * as tf from '@tensorflow/tfjs-core';
import { runFitLoop } from './fitLoop.ts';
import { TfjsMFModel } from './tfjsModel.ts';
import type { MFEngine, MFFitOptions, MFFitResult, MFParams, MFProblem } from './types.ts';
import { validateFit } from './validateFit.ts';

export { TfjsMFModel };

export type TfjsBackendName = 'cpu' | 'wasm' | 'webgl' | 'webgpu' | 'tensorflow';
/** Every backend name `createTfjsEngine` accepts. */
export const TFJS_BACKENDS: readonly TfjsBackendName[] = ['cpu', 'wasm', 'webgl', 'webgpu', 'tensorflow'];

export interface TfjsEngineOptions {
  backend: TfjsBackendName;
  /**
   * wasm only: where the .wasm binaries live, passed to setWasmPaths (a prefix ending in '/' or a
   * file map). Not needed in Node (the package's Node build finds its dist directory itself); a
   * bundled browser build passes the URL prefix the .wasm files are served from.
   */
  wasmPaths?: string | Record<string, string>;
  /** wasm only: allow the multithreaded build (default false: it breaks in Node and minified workers). */
  wasmThreads?: boolean;
  /** Receives a message whenever the requested backend is unavailable and cpu is used instead. */
  onWarning?: (message: string) => void;
}

/** MFEngine on one tfjs backend. Build it with `createTfjsEngine`. */
export class TfjsMFEngine implements MFEngine {
  readonly name: string;

  /** `backend` is the backend actually used; `warnings` lists why it differs from `requested`. */
  constructor(
    readonly backend: TfjsBackendName,
    readonly requested: TfjsBackendName,
    readonly warnings: readonly string[],
  ) {
    this.name = `tfjs-${backend}`;
  }

  /** Fit on this engine's backend (made active first; tfjs has one global backend). Throws on invalid input. */
  async fit(problem: MFProblem, init: MFParams, options: MFFitOptions): Promise<MFFitResult> {
    validateFit(problem, init, options);
    if (tf.getBackend() !== this.backend && !(await tf.setBackend(this.backend))) {
      throw new Error(`TfjsMFEngine: backend ${this.backend} could not be activated`);
    }
    const model = new TfjsMFModel(problem, init, options);
    try {
      const { loss, epochs } = runFitLoop(model, options.convergence, options.maxEpochs);
      return { params: model.params(), loss, epochs, trainError: model.plainDataLoss };
    } finally {
      model.dispose();
    }
  }
}

/**
 * Load and activate a tfjs backend and return an engine on it. When the backend cannot load
 * (tfjs-node not installed, no WebGL/WebGPU, wasm binaries not found) it falls back to cpu and
 * reports why through `onWarning` and `engine.warnings`; it never throws for an unavailable backend.
 *
 * @example const engine = await createTfjsEngine({ backend: 'wasm', wasmPaths: distDir, onWarning: console.warn });
 */
export async function createTfjsEngine(options: TfjsEngineOptions): Promise<TfjsMFEngine> {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const requested = options.backend;
  if (!TFJS_BACKENDS.includes(requested)) {
    throw new Error(`createTfjsEngine: unknown backend '${String(requested)}' (expected ${TFJS_BACKENDS.join(', ')})`);
  }
  let backend: TfjsBackendName = requested;
  try {
    await loadBackend(options);
    if (!(await tf.setBackend(requested))) throw new Error('initialisation failed');
  } catch (error) {
    warn(`tfjs backend '${requested}' is unavailable (${describe(error)}${hint(requested)}); using 'cpu' instead`);
    backend = 'cpu';
    await loadBackend({ backend: 'cpu' });
    if (!(await tf.setBackend('cpu'))) throw new Error("TfjsMFEngine: even the 'cpu' backend failed to initialise");
  }
  return new TfjsMFEngine(backend, requested, warnings);
}

async function loadBackend(options: TfjsEngineOptions): Promise<void> {
  switch (options.backend) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
      if (!options.wasmThreads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      return;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'tensorflow': {
      // A variable specifier keeps bundlers and tsc from resolving the optional native package.
      const specifier = '@tensorflow/tfjs-node';
      await import(/* @vite-ignore */ specifier);
      return;
    }
  }
}

function hint(backend: TfjsBackendName): string {
  if (backend === 'tensorflow')
    return '; @tensorflow/tfjs-node is optional: install it with `npm i @tensorflow/tfjs-node` on a machine that can download libtensorflow';
  if (backend === 'wasm') return '; check that wasmPaths points at the served tfjs-backend-wasm .wasm files';
  return '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
