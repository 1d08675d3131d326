/**
 * Notebook: posts-dislike-veto — A few accounts of one side dislike the other side's bridging posts: how many would-be active targets the veto removes.
 * Run: npx tsx notebooks/posts-dislike-veto.ts [--seed N]   (writes out/notebooks/posts-dislike-veto.html)
 */
import { postSections } from './lib/postSections.ts';
import { presetReport } from './lib/presetReport.ts';

await presetReport('posts-dislike-veto', { sections: postSections });
