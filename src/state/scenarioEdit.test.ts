import { describe, expect, it } from 'vitest';
import { addAdversary, editAdversary, editField, removeAdversary, scenarioFromText } from './scenarioEdit.ts';
import { presetScenario } from './presets.ts';

describe('scenario edits', () => {
  it('applies valid edits and names the field of a rejected one', () => {
    const s = presetScenario('quick');
    const r = editField(s, 'world.raters', 500);
    expect(r.ok && r.scenario.world.raters).toBe(500);
    expect(s.world.raters).toBe(1000);
    const bad = editField(s, 'time.scoringEveryHours', 0.7);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/scenario\.time\.scoringEveryHours/);
  });

  it('adds, edits and removes adversaries', () => {
    const s = presetScenario('quick');
    const added = addAdversary(s, 'pileOn');
    if (!added.ok) throw new Error(added.error);
    expect(added.scenario.adversaries[0].kind).toBe('pileOn');
    const edited = editAdversary(added.scenario, 0, 'size', 25);
    if (!edited.ok) throw new Error(edited.error);
    expect(edited.scenario.adversaries[0].size).toBe(25);
    const removed = removeAdversary(edited.scenario, 0);
    expect(removed.ok && removed.scenario.adversaries.length).toBe(0);
    expect(scenarioFromText('{').ok).toBe(false);
    expect(scenarioFromText('{"world":{"raters":300}}').ok).toBe(true);
  });
});
