import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteInfo } from '../noteInfo.ts';
import { predictNoteTopics, trainTopicModel } from './assignTopics.ts';
import { TOPIC_NAMES } from './seedTopics.ts';

const ROOT = '/work/shared/conformance';

/** Tiny ad-hoc reader of a conformance notes file into a NoteInfo (only what topics need). */
function readNotes(dir: string): { ids: string[]; info: NoteInfo } {
  const lines = readFileSync(`${dir}/notes-00000.tsv`, 'utf8').split('\n').slice(1).filter(Boolean);
  const fields = lines.map((l) => l.split('\t'));
  const size = fields.length;
  return {
    ids: fields.map((f) => f[0]),
    info: {
      size,
      inUniverse: new Uint8Array(size).fill(1),
      author: new Int32Array(size).fill(-1),
      createdAt: Float64Array.from(fields, (f) => Number(f[2])),
      tweetId: fields.map((f) => f[3]),
      classification: new Uint8Array(size),
      summary: fields.map((f) => f[21] ?? ''),
    },
  };
}

for (const name of ['core-s101', 'full-s202']) {
  const dir = `${ROOT}/${name}`;
  describe.runIf(existsSync(dir))(`topics on conformance ${name}`, () => {
    it('agrees with the reference noteTopic column', () => {
      const { ids, info } = readNotes(`${dir}/input`);
      const t0 = performance.now();
      const model = trainTopicModel(info);
      const t1 = performance.now();
      const topics = predictNoteTopics(model, info, Int32Array.from(ids.keys()));
      const t2 = performance.now();

      const lines = readFileSync(`${dir}/expected/scored_notes.tsv`, 'utf8').split('\n').filter(Boolean);
      const col = lines[0].split('\t').indexOf('noteTopic');
      const expected = new Map(
        lines
          .slice(1)
          .map((l) => l.split('\t'))
          .map((f) => [f[0], f[col] || 'Unassigned']),
      );
      let agree = 0;
      const counts = new Map<string, number>();
      const disagreements: string[] = [];
      ids.forEach((id, k) => {
        const mine = TOPIC_NAMES[topics[k]];
        counts.set(mine, (counts.get(mine) ?? 0) + 1);
        if (mine === expected.get(id)) agree++;
        else disagreements.push(`${id}: ours ${mine}, reference ${expected.get(id)}`);
      });
      console.log(
        name,
        JSON.stringify({
          training: model.training,
          fit: model.classifier?.model.fit,
          vocabulary: model.classifier?.vocab.terms.length,
          topics: Object.fromEntries(counts),
          agreement: `${agree}/${ids.length}`,
          trainMs: Math.round(t1 - t0),
          predictMs: Math.round(t2 - t1),
          disagreements: disagreements.slice(0, 10),
        }),
      );
      expect(model.classifier).not.toBeNull();
      expect(agree / ids.length).toBeGreaterThan(0.99);
    });
  });
}
