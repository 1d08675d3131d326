/**
 * Engine factory: pick an MF engine by name. 'typed' is the default and fastest on one thread; the
 * tfjs engines run the same model on a TensorFlow.js backend (loaded on demand).
 */
import type { TfjsBackendName } from './tfjsEngine.ts';
import { TypedMFEngine } from './typedEngine.ts';
import type { MFEngine } from './types.ts';

export const ENGINE_NAMES = [
  'typed',
  'tfjs',
  'tfjs-cpu',
  'tfjs-wasm',
  'tfjs-webgl',
  'tfjs-webgpu',
  'tfjs-tensorflow',
] as const;
/** 'tfjs' is an alias of 'tfjs-cpu'; 'tfjs-tensorflow' needs the optional @tensorflow/tfjs-node. */
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface EngineOptions {
  /** tfjs-wasm: location of the .wasm binaries (see TfjsEngineOptions.wasmPaths). */
  wasmPaths?: string | Record<string, string>;
  /** Called when a tfjs backend is unavailable and cpu is used instead. */
  onWarning?: (message: string) => void;
}

/**
 * Create the engine `name`. Tfjs engines fall back to the cpu backend with a warning when their
 * backend cannot load; an unknown name throws.
 *
 * @example const engine = await createEngine('typed'); await engine.fit(problem, init, options);
 */
export async function createEngine(name: EngineName, options: EngineOptions = {}): Promise<MFEngine> {
  if (name === 'typed') return new TypedMFEngine();
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`createEngine: unknown engine '${String(name)}' (expected one of ${ENGINE_NAMES.join(', ')})`);
  }
  // tfjs-core is loaded only when a tfjs engine is requested.
  const { createTfjsEngine } = await import('./tfjsEngine.ts');
  const backend = name === 'tfjs' ? 'cpu' : (name.slice('tfjs-'.length) as TfjsBackendName);
  return createTfjsEngine({ backend, wasmPaths: options.wasmPaths, onWarning: options.onWarning });
}
