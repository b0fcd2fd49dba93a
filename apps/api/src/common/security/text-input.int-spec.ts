import { COMMANDS, COMMAND_NAMES, type CommandName } from '@palabre/contracts';
import { dbFingerprint } from '../testing/db-fingerprint';
import { liveBoard } from '../testing/boards';
import { send, sendOk, type TestApp, type TestSocket } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';

/** Text PostgreSQL cannot store as written: the contracts' text rule refuses each of them. */
const UNSAFE = {
  nul: 'avant\u0000après',
  loneHighSurrogate: 'avant\uD800après',
  loneLowSurrogate: 'avant\uDC00après',
  reversedPair: 'avant\uDC00\uD800après',
} as const;

describe('text input: NUL and lone surrogates are refused with VALIDATION_FAILED, never INTERNAL', () => {
  let t: TestApp;
  let joinCode: string;
  let sessionId: string;
  let staffToken: string;
  let staff: TestSocket;
  let member: TestSocket;
  let boardId: string;
  let qnaId: string;

  appForTests((app) => (t = app), { commandBurst: 100_000, commandRatePerSecond: 100_000 });
  beforeAll(async () => {
    const live = await liveBoard(t, { columns: [{ title: 'Idées' }], members: ['Membre'] });
    joinCode = live.session.joinCode;
    sessionId = live.session.id;
    staffToken = live.account.token;
    staff = live.staff;
    member = live.members[0].socket;
    boardId = live.activityId;
    qnaId = (await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions' })).id;
    await sendOk(staff, 'activity.open', { activityId: qnaId });
  });

  it('keeps a well-formed surrogate pair (an emoji) exactly as written', async () => {
    const idea = await sendOk(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'Agriculture 👩🏽‍🌾' });
    expect(idea.title).toBe('Agriculture 👩🏽‍🌾');
  });

  it.each(Object.entries(UNSAFE))('refuses %s in commands, writing nothing', async (_kind, text) => {
    const before = await dbFingerprint(t.db);
    const idea = await sendOk(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'Pour commenter' });
    const afterIdea = await dbFingerprint(t.db);
    const acks = [
      await send(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: text }),
      await send(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'Titre', body: text }),
      await send(member, 'comment.post', { activityId: boardId, ideaId: idea.id, body: text }),
      await send(member, 'qna.ask', { activityId: qnaId, text }),
      await send(staff, 'activity.create', { kind: 'qna', title: text }),
      // A survey's configuration is stored as jsonb, where a lone surrogate used to fail in PostgreSQL.
      await send(staff, 'activity.create', { kind: 'survey', title: 'Atelier', config: { questions: [{ type: 'yesno', prompt: text }] } }),
      // A field the contract does not know (stripped) or a key: the rule covers the whole payload.
      await send(staff, 'activity.create', { kind: 'board', title: 'Tableau', config: { columns: [{ title: 'A' }], [text]: true } }),
    ];
    for (const ack of acks) expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(afterIdea).not.toBe(before);
    expect(await dbFingerprint(t.db)).toBe(afterIdea);
  });

  it.each(Object.entries(UNSAFE))('refuses %s in REST bodies with 400', async (_kind, text) => {
    const before = await dbFingerprint(t.db);
    const auth = { Authorization: `Bearer ${staffToken}` };
    const answers = [
      await t.http().post('/api/sessions/join').send({ code: joinCode, displayName: text }),
      await t.http().post('/api/sessions').set(auth).send({ title: text, date: '2026-12-03', accessMode: 'open' }),
      await t.http().post('/api/auth/login').send({ email: 'personne@region.test', password: text }),
    ];
    // A text body is sent as UTF-8, where only the NUL survives (a lone surrogate becomes U+FFFD).
    const csv = `name;email;perimeter;territoryType;category;gender\n${UNSAFE.nul};;Albi;agglomeration;citoyen;femme\n`;
    answers.push(await t.http().post(`/api/sessions/${sessionId}/roster`).set(auth).set('Content-Type', 'text/csv').send(csv));
    for (const res of answers) expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await dbFingerprint(t.db)).toBe(before);
  });

  it('answers 400 VALIDATION_FAILED for a NUL (%00) in a path or query parameter, public routes included', async () => {
    const organiser = await t.staff('organiser');
    const auth = { Authorization: `Bearer ${organiser.token}` };
    const answers = [
      await t.http().get('/api/public/OCC%00ITANIE/results'),
      await t.http().get('/api/archive?q=avant%00apres').set(auth),
      await t.http().get(`/api/sessions/${sessionId}/export.json?activityId=%00`).set(auth),
      await t.http().get(`/api/sessions/${sessionId}%00`).set(auth),
    ];
    for (const res of answers) expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  // A URL carries UTF-8, where a lone surrogate can only be sent as invalid bytes.
  it.each(['%ED%A0%80', '%FF', '%E0%A4%A'])('never answers 500 nor shows a stack trace for the invalid bytes %s in a URL', async (bytes) => {
    const organiser = await t.staff('organiser');
    const auth = { Authorization: `Bearer ${organiser.token}` };
    const answers = [
      await t.http().get(`/api/public/OCC${bytes}ITANIE/results`),
      await t.http().get(`/api/archive?q=avant${bytes}apres`).set(auth),
      await t.http().get(`/api/sessions/${sessionId}/export.json?activityId=${bytes}`).set(auth),
      await t.http().get(`/api/sessions/${bytes}`).set(auth),
    ];
    for (const res of answers) {
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(/\bat \S+ \(|URIError|node_modules/);
    }
  });

  it('answers 400 for a malformed or repeated query parameter, and ignores unknown ones', async () => {
    const organiser = await t.staff('organiser');
    const auth = { Authorization: `Bearer ${organiser.token}` };
    const malformed = await t.http().get(`/api/sessions/${sessionId}/export.json?activityId=pas-un-id`).set(auth).expect(400);
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'activityId' }] });
    const repeated = await t.http().get('/api/archive?q=a&q=b').set(auth).expect(400);
    expect(repeated.body.error.code).toBe('VALIDATION_FAILED');
    await t.http().get('/api/archive?q=contrat&page=%00').set(auth).expect(200);
  });

  it('never answers INTERNAL when any field of any command carries a lone surrogate', async () => {
    const codes = new Set<string>();
    for (const name of COMMAND_NAMES as readonly CommandName[]) {
      for (const key of Object.keys(COMMANDS[name].payload.shape).filter((k) => k !== 'opId')) {
        for (const socket of [staff, member]) {
          const ack = await (socket as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> }).emitWithAck(name, {
            opId: crypto.randomUUID(),
            activityId: boardId,
            [key]: UNSAFE.loneHighSurrogate,
          });
          if (ack.error) codes.add(ack.error.code);
          expect([name, key, ack.error?.code]).not.toEqual([name, key, 'INTERNAL']);
        }
      }
    }
    expect(codes).toContain('VALIDATION_FAILED');
  });
});
