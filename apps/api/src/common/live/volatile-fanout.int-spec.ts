import type { EventPayload } from '@palabre/contracts';
import { TestApp, type TestSocket } from '../testing/harness';
import { PresenceService } from './presence.service';
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
    fanout.turnMs = 0; // one slice per turn
    // The joins above make the app broadcast presence itself: let that go out before counting the backlog.
    // A client sees its socket connected before the server has put it in the room and marked presence:
    // first wait until the server counts all eight (then every mark is made), then until it all went out.
    const presence = app.palabre.app.get(PresenceService);
    const deadline = Date.now() + 20_000;
    while ((await presence.view(sessionId, true)).connected < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    while ((presence.pending > 0 || fanout.backlog > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await presence.view(sessionId, true)).connected).toBe(8);
    expect(presence.pending + fanout.backlog).toBe(0);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
  });

  const seen = (s: TestSocket, marker: string) => {
    const got: number[] = [];
    s.on('presence.updated', (p: EventPayload<'presence.updated'>) => p.sessionId === marker && got.push(p.presence.connected));
    return got;
  };

  async function drained(byMember: number[][], last: number): Promise<void> {
    const deadline = Date.now() + 5000;
    while (byMember.some((g) => g.at(-1) !== last) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fanout.backlog).toBe(0);
  }

  it('writes a slice at once and the rest on later turns, every member getting every event once and in order', async () => {
    const marker = `${sessionId}-probe`;
    const byMember = members.map((m) => seen(m, marker));
    const byStaff = seen(staff, marker);

    for (const connected of [1, 2, 3]) {
      fanout.emit(rooms.session(sessionId), 'presence.updated', { sessionId: marker, version: 0, presence: { connected } }, { except: rooms.staff(sessionId) });
      // 7 members in slices of 2: one slice went out synchronously, the others wait for their turn.
      if (connected === 1) expect(fanout.backlog).toBe(5);
    }
    expect(fanout.backlog).toBe(19);

    await drained(byMember, 3);
    for (const got of byMember) expect(got).toEqual([1, 2, 3]);
    // `except`: staff are in the session room but were left out. A later emit that includes them
    // arrives after anything sent before it.
    const after = `${marker}-after`;
    const staffAfter = seen(staff, after);
    fanout.emit(rooms.session(sessionId), 'presence.updated', { sessionId: after, version: 0, presence: { connected: 4 } });
    await drained([staffAfter], 4);
    expect(staffAfter).toEqual([4]);
    expect(byStaff).toEqual([]);
  });

  it('gives a socket still waiting the newest state of the same key instead of queueing another copy', async () => {
    const marker = `${sessionId}-keyed`;
    const byMember = members.map((m) => seen(m, marker));
    for (const connected of [1, 2, 3]) {
      fanout.emit(rooms.session(sessionId), 'presence.updated', { sessionId: marker, version: 0, presence: { connected } }, { except: rooms.staff(sessionId), key: marker });
    }
    // 1: two members written, five waiting. 2: the five will get 2, the two written wait for 2. 3: all seven wait for 3.
    expect(fanout.backlog).toBe(7);
    await drained(byMember, 3);
    expect(byMember.map((g) => g.join(',')).sort()).toEqual(['1,3', '1,3', '3', '3', '3', '3', '3']);
  });

  it('counts an audience from the local rooms without asking the sockets', () => {
    // The session room holds the 7 members and the facilitator; the staff room the facilitator.
    expect(fanout.audience([rooms.session(sessionId)])).toBe(8);
    expect(fanout.audience([rooms.staff(sessionId), rooms.session(sessionId)])).toBe(9);
  });
});
