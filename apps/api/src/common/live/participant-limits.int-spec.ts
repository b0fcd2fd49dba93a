import { randomUUID } from 'node:crypto';
import { errorMessage } from '@palabre/contracts';
import { io, type Socket } from 'socket.io-client';
import type { TestApp, TestSocket } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';

type Answer = { ok: boolean; error?: { code: string } };

/** Sends a command and resolves with its ack (or NO_ACK when the socket closed first). */
function command(socket: TestSocket | Socket): Promise<Answer> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Answer> } })
    .timeout(5000)
    .emitWithAck('activity.create', { opId: randomUUID(), kind: 'qna', title: 'x' })
    .catch(() => ({ ok: false, error: { code: 'NO_ACK' } }));
}

/** Retries a handshake until it succeeds: the server learns of a closed socket a moment later. */
async function connectWhenFree(t: TestApp, token: string, deadlineMs = 5000): Promise<TestSocket> {
  const start = Date.now();
  for (;;) {
    try {
      return await t.connect(token);
    } catch (error) {
      if (Date.now() - start > deadlineMs) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe('limits per participant, across all their sockets', () => {
  let t: TestApp;
  // A burst of 10 and a trickle afterwards, so the count is exact within the test.
  appForTests((app) => (t = app), { commandBurst: 10, commandRatePerSecond: 0.1, maxSocketsPerParticipant: 10 });

  it('makes 10 sockets of one member share one rate limit, without slowing another member', async () => {
    const { session } = await t.liveSession();
    const member = await t.join(session.joinCode, 'Dix onglets');
    const sockets = await Promise.all(Array.from({ length: 10 }, () => t.connect(member.token)));
    // Three commands per socket: thirty in all, against one burst of ten.
    const acks = await Promise.all(sockets.flatMap((s) => [command(s), command(s), command(s)]));
    expect(acks.filter((a) => a.error?.code === 'RATE_LIMITED')).toHaveLength(20);
    expect(acks.filter((a) => a.error?.code !== 'RATE_LIMITED')).toHaveLength(10);

    const other = await t.connect((await t.join(session.joinCode, 'Voisine')).token);
    expect((await command(other)).error?.code).not.toBe('RATE_LIMITED');
    for (const s of [...sockets, other]) s.disconnect();
  });
});

describe('sockets per participant', () => {
  let t: TestApp;
  appForTests((app) => (t = app)); // default: 5

  it('refuses the 6th socket of a member with TOO_MANY_CONNECTIONS, and accepts one again once another closes', async () => {
    const { session } = await t.liveSession();
    const member = await t.join(session.joinCode, 'Six appareils');
    const open = [];
    for (let i = 0; i < 5; i++) open.push(await t.connect(member.token));
    const refused = await t.connect(member.token).then(
      () => 'connected',
      (error: { data?: unknown }) => error.data,
    );
    expect(refused).toEqual({ code: 'TOO_MANY_CONNECTIONS', message: errorMessage('TOO_MANY_CONNECTIONS', 'fr') });
    // Another member is not concerned.
    const neighbour = await t.connect((await t.join(session.joinCode, 'Voisin')).token);
    expect(neighbour.connected).toBe(true);

    open[0].disconnect();
    const again = await connectWhenFree(t, member.token);
    expect(again.connected).toBe(true);
    for (const s of [...open, neighbour, again]) s.disconnect();
  });
});

describe('flood cut-off per participant', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { commandBurst: 5, commandRatePerSecond: 1, floodRefusals: 15, floodCoolOffSeconds: 30 });

  it('counts refusals across all the sockets of a flooder and closes every one of them', async () => {
    const { session } = await t.liveSession();
    const flooder = await t.join(session.joinCode, 'Inondation');
    const sockets = await Promise.all([1, 2, 3].map(() => t.connect(flooder.token)));
    const closed = sockets.map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)));
    // Seven commands per socket: no socket alone reaches 15 refusals, the participant does.
    await Promise.all(sockets.flatMap((s) => Array.from({ length: 7 }, () => command(s))));
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect', 'io server disconnect']);
    await expect(t.connect(flooder.token)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
  });
});

describe('client address behind a reverse proxy (TRUST_PROXY)', () => {
  function connectFrom(t: TestApp, token: string, forwardedFor: string): Promise<Socket> {
    const socket = io(`${t.url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'X-Forwarded-For': forwardedFor } });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  describe('from a peer that is not a trusted proxy', () => {
    let t: TestApp;
    appForTests((app) => (t = app), { maxConnectionsPerIp: 2 });

    it('ignores a spoofed X-Forwarded-For: every socket counts against the real peer address', async () => {
      const { session } = await t.liveSession();
      const members = await Promise.all([1, 2, 3].map((i) => t.join(session.joinCode, `Membre ${i}`)));
      const first = await connectFrom(t, members[0].token, '203.0.113.1');
      const second = await connectFrom(t, members[1].token, '203.0.113.2');
      await expect(connectFrom(t, members[2].token, '203.0.113.3')).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
      for (const s of [first, second]) s.close();
    });
  });

  describe('from a trusted proxy', () => {
    let t: TestApp;
    appForTests((app) => (t = app), { maxConnectionsPerIp: 2, trustProxy: ['loopback'] });

    it('counts each client behind the proxy at its own forwarded address', async () => {
      const { session } = await t.liveSession();
      const members = await Promise.all([1, 2, 3, 4].map((i) => t.join(session.joinCode, `Membre ${i}`)));
      const venue = [await connectFrom(t, members[0].token, '203.0.113.1'), await connectFrom(t, members[1].token, '203.0.113.1')];
      // The venue's address is full; a phone elsewhere is not affected.
      await expect(connectFrom(t, members[2].token, '203.0.113.1')).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
      const elsewhere = await connectFrom(t, members[3].token, '198.51.100.4');
      expect(elsewhere.connected).toBe(true);
      for (const s of [...venue, elsewhere]) s.close();
    });
  });
});
