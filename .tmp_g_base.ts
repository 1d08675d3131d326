import { readFileSync } from 'node:fs';
import { validateScenario } from './sim/scenario/validateScenario.ts';
import { runSimulation } from './sim/engine/runSimulation.ts';
const s = validateScenario(JSON.parse(readFileSync(process.argv[2], 'utf8')));
const t = performance.now();
let stage = ''; let st = 0; const stages: Record<string, number> = {};
const r = await runSimulation(s, { clock: () => performance.now(),
  onScoringProgress: (name) => { const now = performance.now(); if (stage) stages[stage] = (stages[stage] ?? 0) + now - st; stage = name; st = now; },
  onStep: (p) => { if (p.run) { if (stage) stages[stage] = (stages[stage] ?? 0) + performance.now() - st; stage = ''; const crh = p.run.status.reduce((a, x) => a + (x === 1 ? 1 : 0), 0); console.log(p.step, p.notes, p.ratings, p.run.error?.slice(0, 60) ?? '', 'CRH', crh, 'prev', p.run.preview.reduce((a, x) => a + x, 0), ((performance.now() - t) / 1000).toFixed(1) + 's'); } } });
console.log((performance.now() - t).toFixed(0), 'ms', r.sources, 'scoring total', r.scoringMillis.reduce((a, b) => a + b, 0).toFixed(0));
console.log(Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])));
