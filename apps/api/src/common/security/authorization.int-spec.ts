import { randomUUID } from 'node:crypto';
import { COMMAND_NAMES, ParticipantRole, ROUTES, type CommandName, type RouteDefinition, type RouteKey, type StaffRole } from '@palabre/contracts';
import { canSend, ROUTE_RULES } from '@palabre/domain';
import { send, type TestApp, type TestSocket } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';

/**
 * The authorisation matrix, taken from the contracts so a new command or route cannot be
 * forgotten: every socket command × every session role, every REST route × every identity,
 * each against libs/domain's permission tables. Nothing ever answers 500.
 */
describe('authorisation matrix', () => {
  let t: TestApp;
  let sessionId: string;
  const sockets = {} as Record<ParticipantRole, TestSocket>;
  const sessionTokens = {} as Record<ParticipantRole | 'otherSessionMember', string>;
  const staffTokens = {} as Record<StaffRole, string>;

  appForTests((app) => (t = app), { commandBurst: 10_000, commandRatePerSecond: 10_000 });
  beforeAll(async () => {
    const { session, facilitator } = await t.liveSession();
    sessionId = session.id;
    const organiser = await t.staff('organiser');
    const organiserEntry = await t.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${organiser.token}`).expect(200);
    const member = await t.join(session.joinCode, 'Membre');
    const screen = await t.screen(session.id);
    const other = await t.liveSession();
    sessionTokens.member = member.token;
    sessionTokens.observer = screen.token;
    sessionTokens.facilitator = facilitator.token;
    sessionTokens.organiser = organiserEntry.body.token;
    sessionTokens.otherSessionMember = (await t.join(other.session.joinCode, 'Ailleurs')).token;
    for (const role of ParticipantRole.options) sockets[role] = await t.connect(sessionTokens[role]);
    for (const role of ['facilitator', 'organiser', 'admin'] as const) staffTokens[role] = (await t.staff(role)).token;
  });

  describe.each(COMMAND_NAMES.map((c) => [c]))('command %s', (command: CommandName) => {
    it.each(ParticipantRole.options.map((r) => [r]))('answers %s as the permission table says', async (role: ParticipantRole) => {
      const ack = await send(sockets[role], command, {} as never);
      if (!canSend(command, role)) expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      else {
        // Allowed roles get past the permission check: the empty payload is then judged on its merits.
        if (!ack.ok) expect(['FORBIDDEN', 'INTERNAL']).not.toContain(ack.error.code);
      }
    });
  });

  function pathOf(key: RouteKey): string {
    return ROUTES[key].path.replace(':id', sessionId).replace(/:[a-zA-Z]+/g, () => randomUUID());
  }

  async function call(key: RouteKey, token?: string) {
    const route: RouteDefinition = ROUTES[key]; // any route, DELETE included, not only those of today's table
    const agent = t.http();
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let req = agent[method](pathOf(key));
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return route.method === 'GET' || route.method === 'DELETE' ? req : req.send({});
  }

  describe.each((Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTE_RULES[k].auth !== 'public').map((k) => [k]))('route %s', (key: RouteKey) => {
    it('refuses a caller without a token', async () => {
      const res = await call(key);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('answers every identity as the rule table says, never with a 500', async () => {
      const rule = ROUTE_RULES[key];
      const outcomes: string[] = [];
      for (const role of ['facilitator', 'organiser', 'admin'] as const) {
        // Signing out revokes the token it is called with: that route gets tokens of its own.
        const token = key === 'auth.logout' ? (await t.staff(role)).token : staffTokens[role];
        const res = await call(key, token);
        const allowed = rule.auth === 'staff' && rule.roles.includes(role);
        outcomes.push(`staff ${role}: ${allowed ? 'allowed' : 'refused'} → ${res.status < 500 && (allowed ? ![401, 403].includes(res.status) : [401, 403].includes(res.status)) ? 'ok' : res.status}`);
      }
      for (const role of [...ParticipantRole.options, 'otherSessionMember'] as const) {
        const res = await call(key, sessionTokens[role]);
        const allowed = rule.auth === 'session' && role !== 'otherSessionMember' && rule.roles.includes(role);
        outcomes.push(`session ${role}: ${allowed ? 'allowed' : 'refused'} → ${res.status < 500 && (allowed ? ![401, 403].includes(res.status) : [401, 403].includes(res.status)) ? 'ok' : res.status}`);
      }
      expect(outcomes.filter((o) => !o.endsWith('ok'))).toEqual([]);
    });
  });
});
