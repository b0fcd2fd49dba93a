import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { COMMANDS, COMMAND_NAMES, ROUTES, SOCKET_MESSAGE_MAX_BYTES, type CommandName, type RouteKey } from '@palabre/contracts';
import { ROUTE_RULES } from '@palabre/domain';
import { dbFingerprint } from '../testing/db-fingerprint';
import { send, type TestApp, type TestSocket } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';

const RUNS_PER_COMMAND = Number(process.env.FUZZ_RUNS ?? 20);

/** Random and malformed payloads shaped like each command: right keys, hostile values. */
function payloadFor(command: CommandName): fc.Arbitrary<unknown> {
  const keys = Object.keys(COMMANDS[command].payload.shape).filter((k) => k !== 'opId');
  const hostile = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 300 }),
    fc.constantFrom('<script>alert(1)</script>', "'; DROP TABLE session; --", '\u202Eevil', 'a\u200Bb', 'a\u0000b', 'x'.repeat(10_000), -1, 1e308, NaN, null, [], {}),
    fc.uuid(),
  );
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, hostile])), { requiredKeys: [] });
  return fc.oneof(
    fc.anything(),
    shaped.map((body) => ({ ...body, opId: randomUUID() })),
    shaped.map((body) => ({ ...body, opId: 'not-a-uuid' })),
  );
}

describe('fuzzing every command and route with malformed payloads', () => {
  let t: TestApp;
  let sessionId: string;
  let staffToken: string;
  let facilitator: TestSocket;
  let member: TestSocket;

  appForTests((app) => (t = app), { commandBurst: 100_000, commandRatePerSecond: 100_000 });
  beforeAll(async () => {
    const live = await t.liveSession();
    sessionId = live.session.id;
    staffToken = live.staff.token;
    facilitator = await t.connect(live.facilitator.token);
    member = await t.connect((await t.join(live.session.joinCode, 'Fuzz')).token);
  });

  it.each(COMMAND_NAMES.map((c) => [c]))('never crashes on %s and leaves the database as it was when refusing', async (command: CommandName) => {
    await fc.assert(
      fc.asyncProperty(payloadFor(command), fc.boolean(), async (payload, asStaff) => {
        const before = await dbFingerprint(t.db);
        const socket = asStaff ? facilitator : member;
        const ack = await (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> }).emitWithAck(command, payload);
        expect(ack.ok === true || typeof ack.error?.code === 'string').toBe(true);
        expect(ack.error?.code).not.toBe('INTERNAL');
        if (!ack.ok) {
          expect(ack.error?.message).toMatch(/\S/);
          expect(await dbFingerprint(t.db)).toBe(before);
        }
      }),
      { numRuns: RUNS_PER_COMMAND },
    );
    await t.http().get('/api/health').expect(200);
  });

  const bodyRoutes = (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].body && ROUTES[k].method !== 'GET');

  it.each(bodyRoutes.map((k) => [k]))('never answers 500 to a malformed body on %s and changes nothing when refusing', async (key: RouteKey) => {
    const route = ROUTES[key];
    const token = ROUTE_RULES[key].auth === 'staff' ? staffToken : undefined;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.dictionary(fc.string({ maxLength: 20 }), fc.anything())), async (body) => {
        const before = await dbFingerprint(t.db);
        const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
        let req = t.http()[method](route.path.replace(':id', sessionId).replace(/:[a-zA-Z]+/g, () => randomUUID()));
        if (token) req = req.set('Authorization', `Bearer ${token}`);
        const res = await req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(typeof res.body.error?.code).toBe('string');
          expect(await dbFingerprint(t.db)).toBe(before);
        }
      }),
      { numRuns: RUNS_PER_COMMAND },
    );
  });

  it('refuses a socket message over the largest one allowed (1 MiB, a 40-page text fits) without harming the server', async () => {
    const big = { opId: randomUUID(), kind: 'qna', title: 'x'.repeat(SOCKET_MESSAGE_MAX_BYTES + 1024) };
    const dropped = new Promise<string>((resolve) => member.once('disconnect', (reason) => resolve(reason)));
    (member as unknown as { emit(e: string, p: unknown): void }).emit('activity.create', big);
    expect(await dropped).toMatch(/transport (close|error)/);
    const ack = await send(facilitator, 'session.transition', { to: 'live' });
    expect(ack.ok).toBe(true);
  });
});
