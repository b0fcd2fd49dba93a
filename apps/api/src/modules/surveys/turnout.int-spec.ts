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
    const onProjector = record(projector);
    const onStaff = record(s.staff);
    // Updates reach a socket in the order they were sent, so once a later update has arrived on
    // both sockets, every earlier one has too: each wait below is such a barrier.
    const presentOnBoth = (n: number) => [projector, s.staff].map((socket) => nextEvent(socket, 'results.updated', (p) => p.questionId === open && p.present === n));
    // Alice's arrival comes after the close's and the open's own updates: record from there.
    const one = presentOnBoth(1);
    await member(t, s.session.joinCode, 'Alice');
    await Promise.all(one);
    onProjector.length = 0;
    onStaff.length = 0;

    const two = presentOnBoth(2);
    const bob = await member(t, s.session.joinCode, 'Bob');
    for (const update of await Promise.all(two)) expect(update).toMatchObject({ state: 'open', ballots: 0, present: 2 });

    const oneAgain = presentOnBoth(1);
    bob.socket.disconnect();
    for (const update of await Promise.all(oneAgain)) expect(update).toMatchObject({ state: 'open', ballots: 0, present: 1 });
    // Chloé's arrival is sent after any update Bob's leaving caused for the other questions.
    const twoAgain = presentOnBoth(2);
    await member(t, s.session.joinCode, 'Chloé');
    await Promise.all(twoAgain);

    for (const seen of [onProjector, onStaff]) {
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((p) => p.questionId !== open).map((p) => [p.questionId === closed ? 'closed' : 'draft', p.present])).toEqual([]);
    }
    // The closed question keeps the turnout of its close: nobody but the screen was there.
    const results = (await snapshot(t, s.session.id, s.facilitator.token)).results;
    expect(results[closed]).toMatchObject({ state: 'closed', present: 0 });
    expect(results[draft]).toBeUndefined();
    expect(results[open]).toMatchObject({ state: 'open', present: 2 });
  }, 30_000);
});
