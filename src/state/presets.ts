/**
 * Scenario presets the dashboard offers: its own quick default (small enough to run to the end in seconds in a
 * browser) plus every preset in datasets/scenarios/*.json. Each preset is raw scenario JSON; validateScenario fills
 * in the defaults.
 */
import { validateScenario, type Scenario } from '../../sim/index.ts';

/** The dashboard's default: a small organic community, core scorer, scored twice a simulated day. */
export const QUICK_PRESET = {
  name: 'quick',
  description:
    'A small organic community (1,000 raters, 400 notes, 15,000 ratings over 4 simulated days, scored every 12 hours ' +
    'with the core model). Runs to the end in a few seconds: the place to start.',
  seed: 42,
  world: { raters: 1000, notes: 400, ratings: 15000 },
  time: { days: 4, stepMinutes: 60, scoringEveryHours: 12 },
  scoring: { scorers: ['MFCoreScorer'] },
};

const files = import.meta.glob('../../datasets/scenarios/*.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

/** Preset name -> raw JSON, the dashboard default first, then the bundled presets by name. */
export const PRESETS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['quick', QUICK_PRESET],
  ...Object.entries(files)
    .map(([path, json]): [string, unknown] => [path.replace(/^.*\/|\.json$/g, ''), json])
    .sort((a, b) => a[0].localeCompare(b[0])),
]);

export const DEFAULT_PRESET = 'quick';

/** The validated scenario of preset `name`; throws naming the preset when it is unknown or invalid. */
export function presetScenario(name: string): Scenario {
  const json = PRESETS.get(name);
  if (json === undefined) throw new Error(`unknown preset "${name}" (known: ${[...PRESETS.keys()].join(', ')})`);
  try {
    return validateScenario(json);
  } catch (err) {
    throw new Error(`preset "${name}" is not a valid scenario: ${(err as Error).message}`);
  }
}

/** Names of the presets whose scenario has adversaries (the attack presets), in PRESETS order. */
export function attackPresets(): string[] {
  return [...PRESETS.keys()].filter((name) => {
    try {
      return presetScenario(name).adversaries.length > 0;
    } catch (_err) {
      return false;
    }
  });
}
