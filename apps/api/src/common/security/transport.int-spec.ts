import { errorMessage } from '@palabre/contracts';
import { io } from 'socket.io-client';
import type { TestApp } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';

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
    const open = [];
    for (const joined of tokens.slice(0, 3)) open.push(await t.connect(joined.token));
    await expect(t.connect(tokens[3].token)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
    for (const s of open) s.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    const fourth = await t.connect(tokens[3].token);
    expect(fourth.connected).toBe(true);
    fourth.disconnect();
    await new Promise((r) => setTimeout(r, 200));
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
