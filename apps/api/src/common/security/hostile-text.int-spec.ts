import { boardsOf, liveBoard } from '../testing/boards';
import { dbFingerprint } from '../testing/db-fingerprint';
import { send, sendOk, type TestApp, type TestSocket } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';

/** Text people may type, or paste to cause trouble: each must come back exactly as written. */
const HOSTILE = {
  html: `<script>alert(1)</script><img src=x onerror="alert(2)">`,
  sqlQuote: `'; DROP TABLE idea; --`,
  sqlUnion: `Robert'); DELETE FROM participant WHERE ('1'='1`,
  sqlDollar: `$1 $$ E'\\x00' \\'; SELECT pg_sleep(5); --`,
  likeWildcards: `100 % _ \\ ?`,
  rtlOverride: `\u202Eexe.gpj\u202C facture`,
  bidiIsolates: `\u2066isolé\u2069 \u200Fnom\u200E`,
  zeroWidth: `a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf`,
  combining: `e\u0301 n\u0303 👩🏽‍🌾`,
} as const;

const TEN_THOUSAND = 'é'.repeat(10_000);

describe('hostile text: stored faithfully or refused with a typed code', () => {
  let t: TestApp;
  let sessionId: string;
  let joinCode: string;
  let staff: TestSocket;
  let member: TestSocket;
  let staffToken: string;
  let boardId: string;
  let qnaId: string;

  appForTests((app) => (t = app), { commandBurst: 1000, commandRatePerSecond: 1000 });
  beforeAll(async () => {
    const live = await liveBoard(t, { columns: [{ title: 'Idées' }], members: ['Membre'] });
    sessionId = live.session.id;
    joinCode = live.session.joinCode;
    staffToken = live.account.token;
    staff = live.staff;
    boardId = live.activityId;
    member = live.members[0].socket;
    qnaId = (await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions' })).id;
    await sendOk(staff, 'activity.open', { activityId: qnaId });
  });

  async function stored(sql: string, id: string): Promise<string> {
    const rows = (await t.db.query(sql, [id])) as { value: string }[];
    return rows[0].value;
  }

  it.each(Object.entries(HOSTILE))('keeps %s exactly as written in an idea, a comment, a question and a name', async (_kind, text) => {
    const idea = await sendOk(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: text, body: text });
    expect([idea.title, idea.body]).toEqual([text, text]);
    expect(await stored('SELECT title AS value FROM idea WHERE id = $1', idea.id)).toBe(text);
    expect(await stored('SELECT body AS value FROM idea WHERE id = $1', idea.id)).toBe(text);

    const comment = await sendOk(member, 'comment.post', { activityId: boardId, ideaId: idea.id, body: text });
    expect(comment.body).toBe(text);
    expect(await stored('SELECT body AS value FROM idea_comment WHERE id = $1', comment.id)).toBe(text);

    const question = await sendOk(member, 'qna.ask', { activityId: qnaId, text });
    expect(question.text).toBe(text);
    expect(await stored('SELECT text AS value FROM qna_question WHERE id = $1', question.id)).toBe(text);

    const joined = await t.join(joinCode, text);
    expect(joined.participant.displayName).toBe(text);
    expect(await stored('SELECT display_name AS value FROM participant WHERE id = $1', joined.participant.id)).toBe(text);

    // What another member's snapshot carries is the same text.
    const board = (await boardsOf(t, joined.token, sessionId)).boards[boardId];
    expect(board.ideas.find((i) => i.id === idea.id)).toMatchObject({ title: text, body: text });
    expect(board.comments.find((c) => c.id === comment.id)).toMatchObject({ body: text });
  });

  it('keeps text at the length limit, accents and all', async () => {
    const body = 'é'.repeat(1000);
    const idea = await sendOk(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'À la limite', body });
    expect(await stored('SELECT body AS value FROM idea WHERE id = $1', idea.id)).toBe(body);
  });

  it('refuses 10,000-character text everywhere with VALIDATION_FAILED and writes nothing', async () => {
    const before = await dbFingerprint(t.db);
    const idea = await sendOk(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'Pour commenter' });
    const afterIdea = await dbFingerprint(t.db);
    const refusals = [
      await send(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: TEN_THOUSAND }),
      await send(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'Titre', body: TEN_THOUSAND }),
      await send(member, 'comment.post', { activityId: boardId, ideaId: idea.id, body: TEN_THOUSAND }),
      await send(member, 'qna.ask', { activityId: qnaId, text: TEN_THOUSAND }),
      await send(staff, 'activity.create', { kind: 'qna', title: TEN_THOUSAND }),
    ];
    for (const ack of refusals) expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const join = await t.http().post('/api/sessions/join').send({ code: joinCode, displayName: TEN_THOUSAND }).expect(400);
    expect(join.body.error.code).toBe('VALIDATION_FAILED');
    const session = await t.http().post('/api/sessions').set('Authorization', `Bearer ${staffToken}`).send({ title: TEN_THOUSAND, date: '2026-12-03', accessMode: 'open' }).expect(400);
    expect(session.body.error.code).toBe('VALIDATION_FAILED');
    expect(await dbFingerprint(t.db)).toBe(afterIdea);
    expect(afterIdea).not.toBe(before);
  });

  it('refuses a NUL character (PostgreSQL text cannot hold it) with VALIDATION_FAILED, not a crash', async () => {
    const before = await dbFingerprint(t.db);
    const ack = await send(member, 'idea.post', { activityId: boardId, columnId: 'idees', title: 'avant\u0000après' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const asked = await send(member, 'qna.ask', { activityId: qnaId, text: 'question\u0000' + 'x' });
    expect(asked).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const join = await t.http().post('/api/sessions/join').send({ code: joinCode, displayName: 'Nul\u0000le' }).expect(400);
    expect(join.body.error.code).toBe('VALIDATION_FAILED');
    const csv = 'name;email;perimeter;territoryType;category;gender\nNul\u0000le;;Albi;agglomeration;citoyen;femme\n';
    const roster = await t.http().post(`/api/sessions/${sessionId}/roster`).set('Authorization', `Bearer ${staffToken}`).set('Content-Type', 'text/csv').send(csv).expect(400);
    expect(roster.body.error.code).toBe('VALIDATION_FAILED');
    expect(await dbFingerprint(t.db)).toBe(before);
  });
});
