import { createHash } from 'node:crypto';
import { canonicalJson } from '../sweep/canonicalJson.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';

/**
 * The key of one sweep run: the first 16 hex digits (64 bits) of SHA-256 over the canonical JSON of the validated
 * scenario (every default filled in) and the seed. Equal scenarios give equal keys whatever their key order or
 * which sweep they came from; a schema change that adds a default changes every key (a different scenario).
 *
 * @example runKey(scenario, 7) // '3f9a0c2e51b7d480'
 */
export function runKey(scenario: Scenario, seed: number): string {
  return createHash('sha256')
    .update(canonicalJson({ scenario: { ...scenario, seed }, seed }))
    .digest('hex')
    .slice(0, 16);
}
