import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@palabre/contracts';
import { RESULTS_MIN_INTERVAL_MS, resultsInterval } from '../../modules/surveys/live-results.service';
import { YESNO } from '../../modules/surveys/survey-fixtures';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../testing/harness';
import { SHARED_REDIS_URL, throwawayDatabase, twoNodeSession } from '../testing/nodes';

// Two API nodes on one database and the machine's Redis: rooms and broadcasts are shared, so a
// client may land on any node (websocket transport only: no sticky sessions needed).
describe('two nodes sharing rooms through Redis', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let code: string;
  let sessionId: string;
  let staffToken: string;

  beforeAll(async () => {
    ({ db, a, b, code, sessionId, staffToken } = await twoNodeSession(SHARED_REDIS_URL));
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('reports Redis up on both nodes', async () => {
    for (const node of [a, b]) {
      const res = await node.http().get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', redis: 'up' });
    }
  });

  it('tells staff on node B when a member connects on node A', async () => {
    const facilitatorOnB = await b.connect(staffToken);
    const name = `Membre ${randomUUID().slice(0, 6)}`;
    const member = await a.join(code, name);
    const seen = nextEvent(facilitatorOnB, 'presence.updated', (p) => (p.presence.online ?? []).some((o) => o.displayName === name), 8000);
    await a.connect(member.token);
    const presence = await seen;
    expect(presence.sessionId).toBe(sessionId);
    expect(presence.presence.online?.map((o) => o.id)).toContain(member.participant.id);
  });

  it("delivers a facilitator's action on node B to members on node A", async () => {
    const onA = await Promise.all([a.join(code, 'Alix'), a.join(code, 'Basile')].map(async (j) => a.connect((await j).token)));
    const facilitatorOnB = await b.connect(staffToken);
    // Members hear of an activity when it opens (a draft is the staff's).
    const received = onA.map((s) => nextEvent(s, 'activity.updated', (p) => p.activity.title === 'Budget participatif'));
    const created = await sendOk(facilitatorOnB, 'activity.create', { kind: 'qna', title: 'Budget participatif' });
    await sendOk(facilitatorOnB, 'activity.open', { activityId: created.id });
    for (const event of await Promise.all(received)) {
      expect(event.activity.id).toBe(created.id);
      expect(event.sessionId).toBe(sessionId);
    }
  });

  it('serves the same snapshot from either node, counting members connected to both', async () => {
    const one = await a.join(code, 'Chloé');
    const two = await b.join(code, 'Dorian');
    await a.connect(one.token);
    await b.connect(two.token);
    for (const node of [a, b]) {
      const snap = await node.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${staffToken}`).expect(200);
      const online = (snap.body.presence.online as { id: string }[]).map((o) => o.id);
      expect(online).toEqual(expect.arrayContaining([one.participant.id, two.participant.id]));
    }
  });

  it('coalesces live results across both nodes: at most a few updates per second per question, the last one complete', async () => {
    const staffOnA = await a.connect(staffToken);
    const activity = await sendOk(staffOnA, 'activity.create', { kind: 'survey', title: 'Vote réparti', config: { questions: [YESNO] } });
    const opened = await sendOk(staffOnA, 'survey.open', { activityId: activity.id });
    const questionId = opened.questions[0].id;
    // Voters on both nodes, the projector on B: each node has ballots to report all the time.
    const voters: TestSocket[] = [];
    for (let i = 0; i < 24; i++) {
      const node = i % 2 === 0 ? a : b;
      voters.push(await node.connect((await node.join(code, `Votant ${i}`)).token));
    }
    const screen = await b.connect((await b.screen(sessionId)).token);
    const updates: { at: number; p: EventPayload<'results.updated'> }[] = [];
    screen.on('results.updated', (p) => p.questionId === questionId && updates.push({ at: Date.now(), p }));

    // Three rounds of everyone voting (changing their vote each round), spread over about 3 s.
    const choices = ['yes', 'no', 'abstain'] as const;
    const finalChoice = (i: number) => choices[(i + 2) % 3];
    const started = Date.now();
    for (let round = 0; round < 3; round++) {
      const acks = await Promise.all(
        voters.map(async (v, i) => {
          await new Promise((r) => setTimeout(r, (i * 1000) / voters.length));
          return send(v, 'ballot.cast', { questionId, value: { type: 'yesno', choice: choices[(i + round) % 3] } });
        }),
      );
      expect(acks.filter((x) => !x.ok)).toEqual([]);
    }
    const votingMs = Date.now() - started;
    await eventuallyLast(updates, (p) => p.ballots === voters.length && p.results?.type === 'yesno' && p.results.choices.find((c) => c.choice === 'abstain')?.count === voters.filter((_, i) => finalChoice(i) === 'abstain').length);

    // A room this small gets the shortest interval (resultsInterval: 100 ms). Each node alone would send
    // 10 per second: together they would reach 20. Shared, the room gets at most 10 (one more allowed for
    // delivery jitter between the Redis hop and a local emit).
    expect(resultsInterval(voters.length + 2)).toBe(RESULTS_MIN_INTERVAL_MS);
    const perSecond = 1000 / RESULTS_MIN_INTERVAL_MS;
    for (const { at } of updates) expect(updates.filter((u) => u.at > at - 1000 && u.at <= at).length).toBeLessThanOrEqual(perSecond + 1);
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(votingMs / RESULTS_MIN_INTERVAL_MS) + 3);
    expect(updates.length).toBeGreaterThan(1);
  }, 60_000);

  it('re-sends an open question’s turnout when members connect or leave on either node, without a ballot', async () => {
    const staffOnA = await a.connect(staffToken);
    const activity = await sendOk(staffOnA, 'activity.create', { kind: 'survey', title: 'Présence répartie', config: { questions: [YESNO] } });
    const screen = await b.connect((await b.screen(sessionId)).token);
    const first = nextEvent(screen, 'results.updated', (p) => p.activityId === activity.id, 8000);
    const questionId = (await sendOk(staffOnA, 'survey.open', { activityId: activity.id })).questions[0].id;
    // Members left connected by the tests above count too.
    const before = (await first).present;
    const rose = nextEvent(screen, 'results.updated', (p) => p.questionId === questionId && p.present === before + 2, 8000);
    const onA = await a.connect((await a.join(code, 'Estelle')).token);
    await b.connect((await b.join(code, 'Fabien')).token);
    expect(await rose).toMatchObject({ state: 'open', ballots: 0 });
    // A leaves on node A; the screen on node B hears it.
    const fell = nextEvent(screen, 'results.updated', (p) => p.questionId === questionId && p.present === before + 1, 8000);
    onA.disconnect();
    expect(await fell).toMatchObject({ state: 'open', ballots: 0 });
  }, 30_000);
});

/** Waits until the last update received satisfies `done` (the final full tally). */
async function eventuallyLast<T>(updates: { p: T }[], done: (p: T) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const last = updates[updates.length - 1];
    if (last && done(last.p)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the last results update is not the final tally: ${JSON.stringify(updates[updates.length - 1]?.p)}`);
}
