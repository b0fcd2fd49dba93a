import { errorMessage } from '@palabre/contracts';
import { io } from 'socket.io-client';
import type { TestApp } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';
import { eventually } from '../testing/nodes';
import { LiveGateway } from '../live/live.gateway';
import { Clock } from '../time/clock';

describe('transport hardening', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { maxConnectionsPerIp: 3 });

  it('sends security headers with a Content-Security-Policy that forbids inline scripts', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a browser handshake from an origin outside the allow-list', async () => {
    const { session } = await t.liveSession();
    const member = await t.join(session.joinCode, 'Origine');
    const connect = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${t.url}/live`, { auth: { token: member.token }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { Origin: origin } });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', () => resolve('refused'));
      });
    expect(await connect('https://evil.example')).toBe('refused');
    expect(await connect('http://palabre.test')).toBe('connected');
  });

  it('limits the number of live connections per address', async () => {
    const { session } = await t.liveSession();
    const tokens = await Promise.all([1, 2, 3, 4].map((i) => t.join(session.joinCode, `Appareil ${i}`)));
    const gateway = t.palabre.app.get(LiveGateway);
    const before = gateway.addressedConnections;
    const open = [];
    for (const joined of tokens.slice(0, 3)) open.push(await t.connect(joined.token));
    await expect(t.connect(tokens[3].token)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
    for (const s of open) s.disconnect();
    // Once the server has counted the three gone, the fourth device gets in.
    await eventually(() => gateway.addressedConnections === before, 5_000, 'the three disconnections counted');
    const fourth = await t.connect(tokens[3].token);
    expect(fourth.connected).toBe(true);
    fourth.disconnect();
    await eventually(() => gateway.addressedConnections === before, 5_000, 'the fourth disconnection counted');
  });

  it('rate-limits a participant who floods commands, with a clear code, without touching others', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const flooder = await t.connect((await t.join(session.joinCode, 'Flood')).token);
    const emitter = flooder as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> } };
    const acks = await Promise.all(Array.from({ length: 60 }, () => emitter.timeout(10_000).emitWithAck('activity.create', { opId: crypto.randomUUID(), kind: 'qna', title: 'x' })));
    const limited = acks.filter((a) => a.error?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(20);
    // Every message is answered, the refusals in French.
    expect(acks).toHaveLength(60);
    expect(limited[0].error?.message).toBe(errorMessage('RATE_LIMITED', 'fr'));
    const staffEmitter = staff as unknown as typeof emitter;
    expect((await staffEmitter.timeout(10_000).emitWithAck('activity.create', { opId: crypto.randomUUID(), kind: 'qna', title: 'Q&R' })).ok).toBe(true);
  });
});

describe('a participant who keeps flooding after RATE_LIMITED', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { commandBurst: 10, commandRatePerSecond: 5, floodRefusals: 20, floodCoolOffSeconds: 2 });

  it('is cut off and refused for the cool-off, then let back in; a member who slows down is not', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const flooder = await t.join(session.joinCode, 'Flood');
    const socket = await t.connect(flooder.token);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const fire = (s: typeof socket, n: number) =>
      Array.from({ length: n }, () =>
        (s as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> } })
          .timeout(3000)
          .emitWithAck('activity.create', { opId: crypto.randomUUID(), kind: 'qna', title: 'x' })
          .catch(() => ({ ok: false, error: { code: 'NO_ACK' } })),
      );

    const acks = await Promise.all(fire(socket, 60));
    // The burst of 10 is let through (and refused by role), then 20 RATE_LIMITED, then the socket closes.
    expect(acks.filter((a) => a.error?.code === 'RATE_LIMITED')).toHaveLength(20);
    expect(await disconnected).toBe('io server disconnect');
    const handshake = await t.connect(flooder.token).then(
      (s) => (s.disconnect(), 'connected'),
      (error: { data?: { code?: string; message?: string } }) => error.data,
    );
    expect(handshake).toEqual({ code: 'RATE_LIMITED', message: errorMessage('RATE_LIMITED', 'fr') });
    // The room is unaffected meanwhile.
    const staffEmitter = staff as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean }> } };
    expect((await staffEmitter.timeout(5000).emitWithAck('activity.create', { opId: crypto.randomUUID(), kind: 'qna', title: 'Q&R' })).ok).toBe(true);

    // The cool-off (2 s here) ends: the app's clock moves on instead of the test sleeping.
    t.palabre.app.get(Clock).advance(2_001);
    const back = await t.connect(flooder.token);
    expect(back.connected).toBe(true);

    // A member who gets RATE_LIMITED and backs off is never cut off.
    const calm = await t.connect((await t.join(session.joinCode, 'Calme')).token);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(fire(calm, 15));
      expect(answers.some((a) => a.error?.code === 'RATE_LIMITED')).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(calm.connected).toBe(true);
    for (const s of [staff, back, calm]) s.disconnect();
  });
});
