import type { EventPayload } from '@palabre/contracts';
import { appForTests } from '../../common/testing/lifecycle';
import { nextEvent, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { member, snapshot, surveySession, YESNO } from './survey-fixtures';

type Update = EventPayload<'results.updated'>;

/** Every `results.updated` a socket receives, in order. */
function record(socket: TestSocket): Update[] {
  const seen: Update[] = [];
  (socket as unknown as { on(e: string, h: (p: Update) => void): void }).on('results.updated', (p) => seen.push(p));
  return seen;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('turnout follows presence without any ballot (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('re-sends the open question’s turnout when members connect and leave, not the closed or draft ones', async () => {
    const s = await surveySession(t, { questions: [YESNO, YESNO, YESNO] });
    const [open, closed, draft] = s.questionIds;
    const projector = await t.connect((await t.screen(s.session.id)).token);
    await sendOk(s.staff, 'survey.question.open', { questionId: closed });
    await sendOk(s.staff, 'survey.question.close', { questionId: closed });
    const opened = nextEvent(projector, 'results.updated', (p) => p.questionId === open && p.present === 0);
    await sendOk(s.staff, 'survey.question.open', { questionId: open });
    await opened;
    // Let the close's and the open's own updates (and the screen's presence) go out first.
    await sleep(800);
    const onProjector = record(projector);
    const onStaff = record(s.staff);

    const two = [nextEvent(projector, 'results.updated', (p) => p.questionId === open && p.present === 2), nextEvent(s.staff, 'results.updated', (p) => p.questionId === open && p.present === 2)];
    await member(t, s.session.joinCode, 'Alice');
    const bob = await member(t, s.session.joinCode, 'Bob');
    for (const update of await Promise.all(two)) expect(update).toMatchObject({ state: 'open', ballots: 0, present: 2 });

    const one = nextEvent(projector, 'results.updated', (p) => p.questionId === open && p.present === 1);
    bob.socket.disconnect();
    expect(await one).toMatchObject({ state: 'open', ballots: 0, present: 1 });
    // Long enough for an update of the other questions, touched by the same broadcasts, to arrive.
    await sleep(800);

    for (const seen of [onProjector, onStaff]) {
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((p) => p.questionId !== open).map((p) => [p.questionId === closed ? 'closed' : 'draft', p.present])).toEqual([]);
    }
    // The closed question keeps the turnout of its close: nobody but the screen was there.
    const results = (await snapshot(t, s.session.id, s.facilitator.token)).results;
    expect(results[closed]).toMatchObject({ state: 'closed', present: 0 });
    expect(results[draft]).toBeUndefined();
    expect(results[open]).toMatchObject({ state: 'open', present: 1 });
  }, 30_000);
});
