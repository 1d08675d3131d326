/**
 * Sweep outputs bundled with the dashboard (datasets/sweeps/examples/, provenance and the regenerating command in
 * datasets/README.md), served as asset URLs so the Sweeps page opens one with a click and a link can name it.
 */
import classroomRuns from '../../datasets/sweeps/examples/classroom-grid/runs.parquet?url';
import classroomSummary from '../../datasets/sweeps/examples/classroom-grid/summary.parquet?url';

export interface SweepExample {
  label: string;
  /** the sweep file that made it */
  sweep: string;
  runs: string;
  summary: string;
}

export const SWEEP_EXAMPLES: ReadonlyMap<string, SweepExample> = new Map([
  [
    'classroom-grid',
    {
      label: 'classroom: ratings × author share, 2 seeds (12 runs)',
      sweep: 'datasets/sweeps/classroom-grid.json',
      runs: classroomRuns,
      summary: classroomSummary,
    },
  ],
]);
