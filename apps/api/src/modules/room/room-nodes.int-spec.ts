import type { EventName } from '@palabre/contracts';
import { nextEvent, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { eventually, SHARED_REDIS_URL, startNodes, throwawayDatabase } from '../../common/testing/nodes';

/** Counts the events of some names a socket receives from now on. */
function counter(socket: TestSocket, names: EventName[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const raw = socket as unknown as { on(event: string, handler: () => void): void };
  for (const name of names) raw.on(name, () => (counts[name] += 1));
  return counts;
}

// Every node arms its own timeout for a countdown (the starting node at once, the others by
// polling the database): the automatic close must still happen once, whichever node fires.
describe('automatic close of a countdown with two API nodes sharing Redis', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let aClosed = false;

  beforeAll(async () => {
    db = await throwawayDatabase();
    [a, b] = await startNodes(2, db.url, { redisUrl: SHARED_REDIS_URL });
  }, 60_000);

  afterAll(async () => {
    if (!aClosed) await a?.close();
    await b?.close();
    await db?.drop();
  });

  async function room() {
    const { session, facilitator } = await a.liveSession();
    const staffOnA = await a.connect(facilitator.token);
    const staffOnB = await b.connect(facilitator.token);
    const item = await sendOk(staffOnA, 'activity.create', { kind: 'qna', title: 'Tour de table minuté' });
    const onA = await a.connect((await a.join(session.joinCode, 'Aurélie sur A')).token);
    const onB = await b.connect((await b.join(session.joinCode, 'Benoît sur B')).token);
    return { session, staffOnA, staffOnB, item, onA, onB };
  }

  /** Audit links of the automatic close, read through node B (node A may be down). */
  async function autoCloseAudits(sessionId: string): Promise<number> {
    const rows: { n: string }[] = await b.db.query(`SELECT count(*) AS n FROM audit_event WHERE session_id = $1 AND type = 'activity.autoClosed'`, [sessionId]);
    return Number(rows[0].n);
  }

  it('closes once, tells members on both nodes, and writes one audit event', async () => {
    const { session, staffOnA, staffOnB, item, onA, onB } = await room();
    const names: EventName[] = ['timer.warning', 'activity.autoClosed'];
    const seen = [onA, onB, staffOnB].map((s) => counter(s, names));
    const closedOnB = nextEvent(onB, 'activity.updated', (e) => e.activity.id === item.id && e.activity.state === 'closed', 15_000);
    const closedOnA = nextEvent(onA, 'activity.updated', (e) => e.activity.id === item.id && e.activity.state === 'closed', 15_000);
    // Long enough for node B's poll (every 2 s) to arm its own timeout before zero.
    await sendOk(staffOnA, 'activity.start', { activityId: item.id, durationSeconds: 5, autoClose: true });
    const [onAEvent, onBEvent] = await Promise.all([closedOnA, closedOnB]);
    expect([onAEvent.activity.state, onBEvent.activity.state]).toEqual(['closed', 'closed']);
    // Give the other node's timeout and a further poll every chance to close a second time.
    await new Promise((r) => setTimeout(r, 3000));
    for (const counts of seen) expect(counts).toEqual({ 'timer.warning': 1, 'activity.autoClosed': 1 });
    expect(await autoCloseAudits(session.id)).toBe(1);
    const rows: { state: string }[] = await b.db.query('SELECT state FROM activity WHERE id = $1', [item.id]);
    expect(rows[0].state).toBe('closed');
    const timer: { timer_activity_id: string | null }[] = await b.db.query('SELECT timer_activity_id FROM room_state WHERE session_id = $1', [session.id]);
    expect(timer[0].timer_activity_id).toBeNull();
  });

  it('still closes when the node that started the countdown goes down before zero', async () => {
    const { session, staffOnA, item, onB } = await room();
    const warned = nextEvent(onB, 'timer.warning', (e) => e.activityId === item.id);
    const autoClosed = nextEvent(onB, 'activity.autoClosed', (e) => e.activityId === item.id, 20_000);
    await sendOk(staffOnA, 'activity.start', { activityId: item.id, durationSeconds: 4, autoClose: true });
    await warned;
    await a.close();
    aClosed = true;
    expect((await autoClosed).activityId).toBe(item.id);
    await eventually(async () => (await autoCloseAudits(session.id)) === 1, 5000, 'one activity.autoClosed audit link');
    const rows: { state: string }[] = await b.db.query('SELECT state FROM activity WHERE id = $1', [item.id]);
    expect(rows[0].state).toBe('closed');
  });
});
