import { nextEvent, sendOk, type TestApp, type TestSocket } from '../testing/harness';
import { eventually, freePort, ScratchRedis, startNodes, throwawayDatabase, twoNodeSession } from '../testing/nodes';

// Faults: a private Redis (own port, started and killed here, never the shared one) goes away
// and comes back under two nodes; a member whose connection never reads is not everyone's problem.
describe('when Redis goes away and comes back', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let redis: ScratchRedis;
  let a: TestApp;
  let b: TestApp;
  let code: string;
  let sessionId: string;
  let staffToken: string;

  const health = async (node: TestApp) => (await node.http().get('/api/health')).body as { status: string; redis: string };

  beforeAll(async () => {
    redis = new ScratchRedis(await freePort());
    await redis.start();
    ({ db, a, b, code, sessionId, staffToken } = await twoNodeSession(redis.url));
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('keeps each node working alone, reports degraded, and shares rooms again once Redis is back', async () => {
    const memberOnA = await a.connect((await a.join(code, 'Élise')).token);
    const facilitatorOnA = await a.connect(staffToken);
    const facilitatorOnB = await b.connect(staffToken);
    expect(await health(a)).toMatchObject({ status: 'ok', redis: 'up' });

    await redis.stop();
    await eventually(async () => (await health(a)).status === 'degraded' && (await health(b)).status === 'degraded', 20_000, 'degraded health');
    expect(await health(a)).toMatchObject({ status: 'degraded', redis: 'down' });

    // Alone, node A still runs commands, tells its own members, and serves snapshots without waiting on Redis.
    // Members hear of an activity when it opens (a draft is the staff's).
    const local = nextEvent(memberOnA, 'activity.updated', (p) => p.activity.title === 'Pendant la panne');
    const during = await sendOk(facilitatorOnA, 'activity.create', { kind: 'qna', title: 'Pendant la panne' });
    await sendOk(facilitatorOnA, 'activity.open', { activityId: during.id });
    expect((await local).sessionId).toBe(sessionId);
    const started = Date.now();
    await a.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${staffToken}`).expect(200);
    // Far below the 3 s cross-node request timeout: presence answers from this node at once.
    expect(Date.now() - started).toBeLessThan(2500);

    await redis.start();
    await eventually(async () => (await health(a)).status === 'ok' && (await health(b)).status === 'ok', 30_000, 'recovered health');
    // Back together: B's facilitator reaches A's member again (resubscription can lag the ready event a little).
    await eventually(
      async () => {
        const title = `Après la panne ${Date.now()}`;
        const seen = nextEvent(memberOnA, 'activity.updated', (p) => p.activity.title === title, 3000).then(() => true, () => false);
        const after = await sendOk(facilitatorOnB, 'activity.create', { kind: 'qna', title });
        await sendOk(facilitatorOnB, 'activity.open', { activityId: after.id });
        return seen;
      },
      40_000,
      'cross-node delivery after recovery',
    );
  }, 150_000);
});

describe('a member whose connection never reads', () => {
  let t: TestApp;
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;

  beforeAll(async () => {
    db = await throwawayDatabase();
    [t] = await startNodes(1, db.url);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** The TCP socket under the websocket: pausing it stops reading, so the server's writes pile up for this client only. */
  function tcpOf(socket: TestSocket): { pause(): void; resume(): void } {
    const engine = (socket as unknown as { io: { engine: { transport: { ws?: { _socket?: { pause(): void; resume(): void } } } } } }).io.engine;
    const tcp = engine.transport.ws?._socket;
    if (!tcp) throw new Error('no underlying TCP socket to pause');
    return tcp;
  }

  it('does not slow the others down', async () => {
    const { session, facilitator } = await t.liveSession();
    const stuck = await t.connect((await t.join(session.joinCode, 'Lecteur bloqué')).token);
    const attentive = await t.connect((await t.join(session.joinCode, 'Lectrice attentive')).token);
    const staff = await t.connect(facilitator.token);
    // One open item the facilitator renames again and again: every member hears each change.
    const item = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Ordre du jour' });
    const opened = [stuck, attentive].map((m) => nextEvent(m, 'activity.updated', (p) => p.activity.id === item.id));
    await sendOk(staff, 'activity.open', { activityId: item.id });
    await Promise.all(opened);
    tcpOf(stuck).pause();
    let stuckReceived = 0;
    stuck.on('activity.updated', () => stuckReceived++);

    // Within the facilitator's burst allowance (30 commands), long titles.
    const total = 25;
    const title = (i: number) => `${'Point très détaillé de l’ordre du jour '.repeat(3)}${i}`.slice(-160);
    let received = 0;
    const all = new Promise<void>((resolve) =>
      attentive.on('activity.updated', () => {
        received++;
        if (received === total) resolve();
      }),
    );
    const started = Date.now();
    try {
      for (let i = 0; i < total; i++) await sendOk(staff, 'activity.update', { activityId: item.id, title: title(i) });
      await all;
      const elapsed = Date.now() - started;
      expect(received).toBe(total);
      expect(stuckReceived).toBe(0);
      // Every command answers and is delivered to the attentive member with a stuck reader in the
      // room (a server that waited on the slowest socket would stall here). Loose bound: CI is shared.
      expect(elapsed / total).toBeLessThan(1000);
    } finally {
      // Let it drain so the server can close its connection at the end.
      tcpOf(stuck).resume();
    }
    await eventually(() => stuckReceived === total, 5000, 'the stuck reader catching up once it reads again');
  }, 60_000);
});
