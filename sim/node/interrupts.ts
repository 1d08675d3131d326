/** Exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report Ctrl-C). */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Stops the process promptly on SIGINT or SIGTERM: prints why, runs `cleanup` (synchronous: e.g. discarding a
 * staged output directory) and exits with 130. Signals are handled on the event loop, so the exit comes at the next
 * yield of the main thread (scoring yields between scorer tasks; with --workers the fits run off the main thread).
 * A second signal while cleaning up kills the process at once. Returns a function that removes the handlers.
 *
 * @example const release = exitOnInterrupt('bridgelab score', () => staged.discardSync()); ...; release();
 */
export function exitOnInterrupt(label: string, cleanup: () => void, quiet = false): () => void {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) process.exit(INTERRUPTED_EXIT_CODE);
    interrupted = true;
    if (!quiet) console.error(`\n${label}: ${signal}: stopping (no partial output is left behind)`);
    try {
      cleanup();
    } finally {
      process.exit(INTERRUPTED_EXIT_CODE);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
