/**
 * Notebook: posts-baseline — The post pilot without attackers: how the §12 rule, its minPos path alone and an MF bridging score compare with plain engagement at surfacing truly cross-side posts.
 * Run: npx tsx notebooks/posts-baseline.ts [--seed N]   (writes out/notebooks/posts-baseline.html)
 */
import { postSections } from './lib/postSections.ts';
import { presetReport } from './lib/presetReport.ts';

await presetReport('posts-baseline', { sections: postSections });
