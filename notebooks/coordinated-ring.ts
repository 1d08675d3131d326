/**
 * Notebook: coordinated-ring — a ring with shared post selection and near-simultaneous identical verdicts.
 * Shows whether the quasi-clique and post-selection-similarity detectors find it (and which organic raters they
 * flag by mistake), how far the ring lifts its targets, and what NoCorrelatedIntercept adds (A/B).
 * Run: npx tsx notebooks/coordinated-ring.ts [--seed N]   (writes out/notebooks/coordinated-ring.html)
 */
import { presetReport } from './lib/presetReport.ts';

await presetReport('coordinated-ring');
