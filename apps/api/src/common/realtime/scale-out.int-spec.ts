import { randomUUID } from 'node:crypto';
import { nextEvent, sendOk, type TestApp } from '../testing/harness';
import { SHARED_REDIS_URL, startNodes, throwawayDatabase } from '../testing/nodes';

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
    db = await throwawayDatabase();
    [a, b] = await startNodes(2, db.url, { redisUrl: SHARED_REDIS_URL });
    const live = await a.liveSession();
    code = live.session.joinCode;
    sessionId = live.session.id;
    staffToken = live.facilitator.token;
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
    const received = onA.map((s) => nextEvent(s, 'activity.created', (p) => p.activity.title === 'Budget participatif'));
    const created = await sendOk(facilitatorOnB, 'activity.create', { kind: 'qna', title: 'Budget participatif' });
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
});
