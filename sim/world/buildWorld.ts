import { deriveSeed, randomSeeded } from '../random/random.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import type { Adversary } from './adversaries/adversary.ts';
import { setupAdversary } from './adversaries/setupAdversary.ts';
import { addOrganicNotes, generatePosts, NotesBuilder } from './content.ts';
import { applyLatentWorld } from './latentWorld.ts';
import { addAiWriters, addOrganicRaters, ParticipantsBuilder } from './population.ts';
import { WRITER_ADVERSARY, type World } from './worldTypes.ts';

/** A world and the adversary strategies acting in it. */
export interface BuiltWorld {
  world: World;
  adversaries: Adversary[];
}

/**
 * Builds the world of `scenario` from `seed`: organic raters, AI writers, posts and notes, then (when
 * `withAdversaries`) every adversary's accounts and notes. Each part draws from its own stream
 * (deriveSeed(seed, 'world.raters'), ...), so the organic world is the same with and without adversaries: the
 * basis of counterfactual runs. A latent world (world.model "latent") then draws its true rater and note parameters
 * from 'world.latent' (world/latentWorld.ts), and adversaries that change organic raters do so (adjustWorld).
 *
 * @example const { world } = buildWorld(validateScenario({}), 42, false); world.notes.length; // 1000
 */
export function buildWorld(scenario: Scenario, seed: number, withAdversaries: boolean): BuiltWorld {
  const p = scenario.world;
  const start = scenario.time.startMillis;
  const end = start + Math.round(scenario.time.days * 86_400_000);
  const stream = (label: string) => randomSeeded(deriveSeed(seed, label));
  const people = new ParticipantsBuilder();
  addOrganicRaters(people, p, start, stream('world.raters'));
  addAiWriters(people, p, start, stream('world.aiWriters'));
  const posts = generatePosts(p, start, end, stream('world.posts'));
  const notes = new NotesBuilder();
  addOrganicNotes(notes, p, people, posts, end, stream('world.notes'));
  const adversaries: Adversary[] = [];
  if (withAdversaries) {
    scenario.adversaries.forEach((spec, i) => {
      const setup = { scenario, start, end, people, notes, posts, random: stream(`adversary.${i}.setup`) };
      adversaries.push(setupAdversary(setup, spec, i));
    });
  }
  const built = notes.build();
  const world: World = {
    start,
    end,
    dims: p.perspectiveDims,
    participants: people.build(),
    posts,
    notes: built,
    organicNote: Uint8Array.from(built.writerKind, (k) => (k === WRITER_ADVERSARY ? 0 : 1)),
  };
  if (p.model === 'latent') applyLatentWorld(world, p.latent, stream('world.latent'));
  for (const a of adversaries) a.adjustWorld(world, scenario);
  for (const a of adversaries) a.init(start);
  return { world, adversaries };
}
