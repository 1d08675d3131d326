/**
 * Notebook: posts-one-sided-wave — A one-sided like wave on posts that reached both sides: how many targets the totalPos path activates, and which rankings move.
 * Run: npx tsx notebooks/posts-one-sided-wave.ts [--seed N]   (writes out/notebooks/posts-one-sided-wave.html)
 */
import { postSections } from './lib/postSections.ts';
import { presetReport } from './lib/presetReport.ts';

await presetReport('posts-one-sided-wave', { sections: postSections });
