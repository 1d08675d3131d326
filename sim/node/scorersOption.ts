import { scorerCatalogue } from '../scoring/scorers/catalogue.ts';
import { UsageError } from './cliArgs.ts';

/**
 * The `--scorers a,b` list checked against the catalogue (scorer names and their prescoring names): an unknown or
 * miscased name is a UsageError listing the known names (with "did you mean" for a case slip); undefined when the
 * option is absent.
 *
 * @example scorersOption('MFCoreScorer,MFExpansionScorer') // ['MFCoreScorer', 'MFExpansionScorer']
 */
export function scorersOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError('--scorers needs at least one scorer name');
  const known = [...new Set(scorerCatalogue().flatMap((c) => [c.name, c.prescoringName]))];
  for (const name of names) {
    if (known.includes(name)) continue;
    const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
    throw new UsageError(
      `--scorers: unknown scorer ${name}${near ? ` (did you mean ${near}?)` : ''}; known: ${known.join(', ')}`,
    );
  }
  return names;
}
