import type { EventPayload } from '@palabre/contracts';
import { TestApp, type TestSocket } from '../testing/harness';
import { rooms } from './rooms';
import { VolatileFanout } from './volatile-fanout';

// Volatile events to a large room are written a slice of sockets per event-loop turn.
describe('volatile fan-out in slices', () => {
  let app: TestApp;
  let sessionId: string;
  let staff: TestSocket;
  let members: TestSocket[];
  let fanout: VolatileFanout;

  beforeAll(async () => {
    app = await TestApp.start();
    const live = await app.liveSession();
    sessionId = live.session.id;
    staff = await app.connect(live.facilitator.token);
    members = [];
    for (let i = 0; i < 7; i++) members.push(await app.connect((await app.join(live.session.joinCode, `Membre ${i}`)).token));
    fanout = app.palabre.app.get(VolatileFanout);
    fanout.sliceSize = 2;
  }, 30_000);

  afterAll(async () => {
    await app?.close();
  });

  it('writes a slice at once and the rest on later turns, every member getting every event once and in order', async () => {
    const marker = `${sessionId}-probe`;
    const seen = (s: TestSocket) => {
      const got: number[] = [];
      s.on('presence.updated', (p: EventPayload<'presence.updated'>) => p.sessionId === marker && got.push(p.presence.connected));
      return got;
    };
    const byMember = members.map(seen);
    const byStaff = seen(staff);

    for (const connected of [1, 2, 3]) {
      fanout.emit(rooms.session(sessionId), 'presence.updated', { sessionId: marker, version: 0, presence: { connected } }, rooms.staff(sessionId));
      // 7 members in slices of 2: one slice went out synchronously, the others wait for their turn.
      if (connected === 1) expect(fanout.backlog).toBe(5);
    }
    expect(fanout.backlog).toBe(19);

    const deadline = Date.now() + 5000;
    while (byMember.some((g) => g.length < 3) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const got of byMember) expect(got).toEqual([1, 2, 3]);
    expect(fanout.backlog).toBe(0);
    // `except`: staff are in the session room but were left out.
    await new Promise((r) => setTimeout(r, 100));
    expect(byStaff).toEqual([]);
  });

  it('counts an audience from the local rooms without asking the sockets', () => {
    // The session room holds the 7 members and the facilitator; the staff room the facilitator.
    expect(fanout.audience([rooms.session(sessionId)])).toBe(8);
    expect(fanout.audience([rooms.staff(sessionId), rooms.session(sessionId)])).toBe(9);
  });
});
