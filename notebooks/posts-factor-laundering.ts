/**
 * Notebook: posts-factor-laundering — Accounts placed on the other side by their note ratings like their own side's posts: one-sided likes counted as cross-side ones.
 * Run: npx tsx notebooks/posts-factor-laundering.ts [--seed N]   (writes out/notebooks/posts-factor-laundering.html)
 */
import { postSections } from './lib/postSections.ts';
import { presetReport } from './lib/presetReport.ts';

await presetReport('posts-factor-laundering', { sections: postSections });
