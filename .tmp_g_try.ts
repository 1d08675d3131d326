import { validateScenario } from './sim/scenario/validateScenario.ts';
import { runSimulation } from './sim/engine/runSimulation.ts';
const s = validateScenario({ world: { raters: 600, notes: 250, ratings: 9000 }, time: { days: 3, scoringEveryHours: 6 }, scoring: { scorers: ['MFCoreScorer'] } });
const t = performance.now();
const r = await runSimulation(s, { clock: () => performance.now(), onStep: (p) => { if (p.run) console.log(p.step, p.notes, p.ratings, p.run.error, p.run.status.reduce((a, x) => a + (x === 1 ? 1 : 0), 0), p.run.preview.reduce((a, x) => a + x, 0)); } });
console.log((performance.now() - t).toFixed(0), 'ms', r.sources, r.scoringMillis.map((x) => x.toFixed(0)));
