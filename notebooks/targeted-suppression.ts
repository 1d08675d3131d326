/**
 * Notebook: targeted-suppression — accounts rating truly helpful notes of one slant Not Helpful at a steady rate.
 * Shows how many targets lose (or never reach) Helpful compared with the same world without the attack.
 * Run: npx tsx notebooks/targeted-suppression.ts [--seed N]   (writes out/notebooks/targeted-suppression.html)
 */
import { presetReport } from './lib/presetReport.ts';

await presetReport('targeted-suppression');
