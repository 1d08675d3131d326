import { formatWarning, type DataWarning } from '../data/dataWarnings.ts';

/** Prints each warning on stderr (also with --quiet: they change what the outputs mean). */
export function printWarnings(label: string, warnings: readonly DataWarning[]): void {
  for (const w of warnings) console.error(`${label}: ${formatWarning(w)}`);
}
