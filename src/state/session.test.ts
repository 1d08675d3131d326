import { describe, expect, it } from 'vitest';
import { createInProcessEngineClient } from '../engine/inProcessEngineClient.ts';
import { Session } from './session.svelte.ts';
import { decodeState, defaultClassroom } from './urlCodec.ts';
import { nextCell } from './classroomState.svelte.ts';

const SMALL = { raters: 1000, notes: 300, ratings: 12000 };

describe('Session and its result holders (in-process engine)', () => {
  it('applies a link, runs the scenario to the end and finds a note for the inspector', async () => {
    const session = new Session(
      createInProcessEngineClient,
      decodeState(
        `page=run&world.raters=${SMALL.raters}&world.notes=${SMALL.notes}&world.ratings=${SMALL.ratings}&time.days=2`,
      ),
    );
    expect(session.page).toBe('run');
    expect(session.scenario.world.raters).toBe(1000);
    await session.run.start(session.scenario);
    expect(session.run.phase).toBe('done');
    expect(session.run.runs.length).toBe(4);
    const notes = session.notesOf('run');
    expect(notes).not.toBeNull();
    const id = notes!.noteId[0];
    session.openNote(id, 'run');
    expect(session.urlState()).toMatchObject({ page: 'note', note: id, source: 'run' });
    await session.inspector.load(session.clientOf('run'), id, true);
    expect(session.inspector.error).toBeNull();
    expect(session.inspector.ratings?.noteId).toBe(id);
    expect(session.inspector.history?.time.length).toBeGreaterThan(0);
  });

  it('refits the classroom and reports a bad grid as an error, not a crash', async () => {
    const session = new Session(createInProcessEngineClient, decodeState('page=classroom'));
    await session.classroom.fit(session.classroomWorld);
    expect(session.classroom.result?.status[0]).toBe('CURRENTLY_RATED_HELPFUL');
    await session.classroom.fit({ ...defaultClassroom(), cells: new Int8Array(3) });
    expect(session.classroom.error).toMatch(/raters × notes/);
    expect([nextCell(-1), nextCell(2), nextCell(1), nextCell(0)]).toEqual([2, 1, 0, -1]);
  });

  it('keeps the error of a failed data request and lets a new request replace it', async () => {
    const session = new Session(createInProcessEngineClient, decodeState(''));
    await session.data.score([{ name: 'notes-00000.tsv', blob: new Blob(['garbage\n']) }], { seed: 1 });
    expect(session.data.phase).toBe('error');
    expect(session.data.error).toMatch(/ratings file/);
  });
});
