import { randomUUID } from 'node:crypto';
import type { QnaSnapshot, SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, TestApp } from '../../common/testing/harness';

describe('Q&A "Échange avec la présidente" (real database, real socket.io)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A live session with an open Q&A, its facilitator socket and two member phones. */
  async function room(config: Record<string, unknown> = {}) {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const qna = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Échange avec la présidente', config });
    await sendOk(staff, 'activity.open', { activityId: qna.id });
    const alice = await t.join(session.joinCode, 'Alice Garnier');
    const bruno = await t.join(session.joinCode, 'Bruno Lacaze');
    return { session, facilitator, staff, qna, alice, bruno, aliceSocket: await t.connect(alice.token), brunoSocket: await t.connect(bruno.token) };
  }

  async function qnaOf(token: string, sessionId: string): Promise<QnaSnapshot> {
    const res = await t.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${token}`).expect(200);
    return (res.body as SessionSnapshot).features.qna as QnaSnapshot;
  }

  it('stores the settings with defaults and refuses unknown ones', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const created = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions' });
    const rows: { config: unknown }[] = await t.db.query('SELECT config FROM activity WHERE id = $1', [created.id]);
    expect(rows[0].config).toEqual({ anonymousAllowed: true, moderation: 'post' });
    const bad = await send(staff, 'activity.create', { kind: 'qna', title: 'Questions', config: { moderation: 'never' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(session.id).toBeDefined();
  });

  it('publishes a question at once under post-moderation, anonymous to everyone', async () => {
    const { staff, qna, aliceSocket, brunoSocket } = await room();
    const seen = nextEvent(brunoSocket, 'qna.question.created');
    const asked = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: '  Quel calendrier pour les contrats ?  ', anonymous: true });
    expect(asked).toMatchObject({ text: 'Quel calendrier pour les contrats ?', status: 'visible', anonymous: true, authorName: null, votes: 0 });
    expect((await seen).question.id).toBe(asked.id);
    const named = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Et les petites communes ?' });
    expect(named.authorName).toBe('Alice Garnier');
    expect(staff.connected).toBe(true);
  });

  it('refuses questions while the Q&A is closed, anonymity when not allowed, and text over 500 characters', async () => {
    const { staff, qna, aliceSocket } = await room({ anonymousAllowed: false });
    expect(await send(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Sans nom ?', anonymous: true })).toMatchObject({
      ok: false,
      error: { code: 'QNA_ANONYMOUS_NOT_ALLOWED', message: 'Cet échange ne permet pas les questions anonymes.' },
    });
    expect(await send(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await sendOk(staff, 'activity.close', { activityId: qna.id });
    expect(await send(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Trop tard ?' })).toMatchObject({ ok: false, error: { code: 'QNA_CLOSED' } });
  });

  it('gives members each Q&A’s settings, and follows a facilitator who forbids anonymity mid-session', async () => {
    const { session, staff, qna, alice, aliceSocket, brunoSocket } = await room({ anonymousAllowed: true, moderation: 'post' });
    expect((await qnaOf(alice.token, session.id)).settings).toEqual({ [qna.id]: { anonymousAllowed: true, moderation: 'post' } });
    expect((await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Sans mon nom, possible ?', anonymous: true })).authorName).toBeNull();

    const told = nextEvent(brunoSocket, 'qna.settings.updated');
    const changed = await sendOk(staff, 'qna.configure', { activityId: qna.id, anonymousAllowed: false, moderation: 'pre' });
    expect(changed).toEqual({ anonymousAllowed: false, moderation: 'pre' });
    expect(await told).toMatchObject({ activityId: qna.id, settings: { anonymousAllowed: false, moderation: 'pre' } });
    expect((await qnaOf(alice.token, session.id)).settings[qna.id]).toEqual({ anonymousAllowed: false, moderation: 'pre' });

    // The server enforces what the form offers: an anonymous question is now refused.
    expect(await send(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Et maintenant, sans nom ?', anonymous: true })).toMatchObject({
      ok: false,
      error: { code: 'QNA_ANONYMOUS_NOT_ALLOWED' },
    });
    expect((await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Avec mon nom, alors.' })).status).toBe('pending');

    // A repeated change is one change; members cannot configure; one audit link.
    await sendOk(staff, 'qna.configure', { activityId: qna.id, anonymousAllowed: false });
    expect(await send(aliceSocket, 'qna.configure', { activityId: qna.id, anonymousAllowed: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit: { payload: unknown }[] = await t.db.query(`SELECT payload FROM audit_event WHERE session_id = $1 AND type = 'qna.configured'`, [session.id]);
    expect(audit).toEqual([{ payload: expect.objectContaining({ activityId: qna.id, to: { anonymousAllowed: false, moderation: 'pre' } }) }]);
  });

  it('tells members the settings of a Q&A when it opens, not while it is a staff draft', async () => {
    const { staff, brunoSocket } = await room();
    const drafts: string[] = [];
    brunoSocket.on('activity.created', (e) => drafts.push(e.activity.title));
    const staffTold = nextEvent(staff, 'qna.settings.updated', (e) => e.settings.anonymousAllowed === false);
    const created = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions nominatives', config: { anonymousAllowed: false } });
    await staffTold;
    const told = nextEvent(brunoSocket, 'qna.settings.updated', (e) => e.activityId === created.id);
    const opened = nextEvent(brunoSocket, 'activity.updated', (e) => e.activity.id === created.id);
    await sendOk(staff, 'activity.open', { activityId: created.id });
    expect(await told).toMatchObject({ activityId: created.id, settings: { anonymousAllowed: false, moderation: 'post' } });
    expect((await opened).activity).toMatchObject({ title: 'Questions nominatives', state: 'open' });
    // The draft's title never reached the member.
    expect(drafts).toEqual([]);
  });

  it('keeps pre-moderated questions in the staff queue: other members never see them until approved', async () => {
    const { session, staff, qna, alice, bruno, aliceSocket, brunoSocket } = await room({ moderation: 'pre' });
    let brunoSawPending = false;
    for (const e of ['qna.question.created', 'qna.queue.updated']) (brunoSocket as unknown as { on(e: string, h: () => void): void }).on(e, () => (brunoSawPending = true));
    const staffSaw = nextEvent(staff, 'qna.queue.updated');
    const authorSaw = nextEvent(aliceSocket, 'qna.queue.updated');
    const asked = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Question en attente' });
    expect(asked.status).toBe('pending');
    expect((await staffSaw).question.status).toBe('pending');
    expect((await authorSaw).question.id).toBe(asked.id);
    expect((await qnaOf(bruno.token, session.id)).questions).toEqual([]);
    expect((await qnaOf(alice.token, session.id)).questions.map((q) => q.status)).toEqual(['pending']);
    // A member cannot upvote what does not exist for them, nor moderate.
    expect(await send(brunoSocket, 'qna.upvote', { questionId: asked.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await send(brunoSocket, 'qna.approve', { questionId: asked.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(brunoSawPending).toBe(false);
    const published = nextEvent(brunoSocket, 'qna.question.updated');
    await sendOk(staff, 'qna.approve', { questionId: asked.id });
    expect((await published).question).toMatchObject({ id: asked.id, status: 'visible' });
    expect((await qnaOf(bruno.token, session.id)).questions.map((q) => q.id)).toEqual([asked.id]);
  });

  it('counts an upvote once: a retried opId, a second upvote and concurrent clicks all leave one vote', async () => {
    const { session, staff, qna, alice, aliceSocket, brunoSocket } = await room();
    const q = await sendOk(staff, 'qna.ask', { activityId: qna.id, text: 'Quelle place pour la jeunesse ?' });
    const opId = randomUUID();
    const [a, b] = await Promise.all([send(aliceSocket, 'qna.upvote', { opId, questionId: q.id }), send(aliceSocket, 'qna.upvote', { opId, questionId: q.id })]);
    expect(a).toEqual(b);
    expect(a).toEqual({ ok: true, data: { questionId: q.id, votes: 1, voted: true } });
    const again = await sendOk(aliceSocket, 'qna.upvote', { questionId: q.id });
    expect(again).toEqual({ questionId: q.id, votes: 1, voted: true });
    const live = nextEvent(staff, 'qna.votes.updated', (p) => p.votes === 2);
    await Promise.all([sendOk(brunoSocket, 'qna.upvote', { questionId: q.id }), sendOk(brunoSocket, 'qna.upvote', { questionId: q.id })]);
    expect((await live).questionId).toBe(q.id);
    const votes: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM qna_vote WHERE question_id = $1', [q.id]);
    expect(Number(votes[0].n)).toBe(2);
    expect((await qnaOf(alice.token, session.id)).myVotes).toEqual([q.id]);
    expect(await sendOk(aliceSocket, 'qna.unvote', { questionId: q.id })).toEqual({ questionId: q.id, votes: 1, voted: false });
    expect(await sendOk(aliceSocket, 'qna.unvote', { questionId: q.id })).toEqual({ questionId: q.id, votes: 1, voted: false });
  });

  it('hides a question from members (who are told it left) and restores it, auditing each action', async () => {
    const { session, staff, qna, bruno, aliceSocket, brunoSocket } = await room();
    const q = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Propos hors sujet' });
    const removed = nextEvent(brunoSocket, 'qna.question.removed');
    const hidden = await sendOk(staff, 'qna.hide', { questionId: q.id });
    expect(hidden.status).toBe('hidden');
    expect(await removed).toMatchObject({ questionId: q.id, mergedInto: null });
    expect((await qnaOf(bruno.token, session.id)).questions).toEqual([]);
    expect(await send(brunoSocket, 'qna.upvote', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await sendOk(staff, 'qna.restore', { questionId: q.id });
    expect((await qnaOf(bruno.token, session.id)).questions.map((x) => x.status)).toEqual(['visible']);
    // Approving a published question is a double click (no-op); un-answering through approve is not allowed.
    expect(await sendOk(staff, 'qna.approve', { questionId: q.id })).toMatchObject({ status: 'visible' });
    await sendOk(staff, 'qna.markAnswered', { questionId: q.id });
    expect(await send(staff, 'qna.approve', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const audit: { type: string }[] = await t.db.query(`SELECT type FROM audit_event WHERE session_id = $1 AND type LIKE 'qna.%' ORDER BY seq`, [session.id]);
    expect(audit.map((a) => a.type)).toEqual(['qna.asked', 'qna.hide', 'qna.restore', 'qna.markAnswered']);
  });

  it('merges a duplicate: supporters carried over and counted once, the duplicate kept as a trail', async () => {
    const { session, staff, qna, facilitator, aliceSocket, brunoSocket } = await room();
    const kept = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Quel budget pour les contrats ?' });
    const dup = await sendOk(brunoSocket, 'qna.ask', { activityId: qna.id, text: 'Combien d’argent pour les contrats ?' });
    await sendOk(aliceSocket, 'qna.upvote', { questionId: kept.id });
    await sendOk(aliceSocket, 'qna.upvote', { questionId: dup.id });
    await sendOk(brunoSocket, 'qna.upvote', { questionId: dup.id });
    const removed = nextEvent(aliceSocket, 'qna.question.removed');
    const result = await sendOk(staff, 'qna.merge', { questionId: dup.id, intoId: kept.id });
    expect(result.merged).toMatchObject({ id: dup.id, status: 'merged', mergedInto: kept.id });
    expect(result.into).toMatchObject({ id: kept.id, status: 'visible', votes: 2 });
    expect(await removed).toMatchObject({ questionId: dup.id, mergedInto: kept.id });
    const again = await sendOk(staff, 'qna.merge', { questionId: dup.id, intoId: kept.id });
    expect(again.into.votes).toBe(2);
    expect(await send(staff, 'qna.merge', { questionId: kept.id, intoId: kept.id })).toMatchObject({ ok: false, error: { code: 'QNA_MERGE_INVALID' } });
    const staffView = await qnaOf(facilitator.token, session.id);
    expect(staffView.questions.find((q) => q.id === dup.id)?.status).toBe('merged');
    const audit: { n: string }[] = await t.db.query(`SELECT count(*) AS n FROM audit_event WHERE session_id = $1 AND type = 'qna.merged'`, [session.id]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('keeps one question "en cours" per Q&A and marks it answered', async () => {
    const { staff, qna, aliceSocket, brunoSocket } = await room();
    const first = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Première' });
    const second = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'Seconde' });
    await sendOk(staff, 'qna.markAnswering', { questionId: first.id });
    const released = nextEvent(brunoSocket, 'qna.question.updated', (p) => p.question.id === first.id && p.question.status === 'visible');
    const current = nextEvent(brunoSocket, 'qna.question.updated', (p) => p.question.id === second.id);
    await sendOk(staff, 'qna.markAnswering', { questionId: second.id });
    expect((await released).question.status).toBe('visible');
    expect((await current).question.status).toBe('answering');
    const answered = await sendOk(staff, 'qna.markAnswered', { questionId: second.id });
    expect(answered.status).toBe('answered');
    expect(await send(brunoSocket, 'qna.upvote', { questionId: second.id })).toMatchObject({ ok: false, error: { code: 'QNA_NOT_VOTABLE' } });
  });

  it('settles two facilitators marking different questions at once: one en cours, no error', async () => {
    const { session, staff, qna, aliceSocket } = await room();
    const other = await t.connect((await t.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${(await t.staff('organiser')).token}`).expect(200)).body.token);
    const a = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'A' });
    const b = await sendOk(aliceSocket, 'qna.ask', { activityId: qna.id, text: 'B' });
    const results = await Promise.all([send(staff, 'qna.markAnswering', { questionId: a.id }), send(other, 'qna.markAnswering', { questionId: b.id })]);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows: { n: string }[] = await t.db.query(`SELECT count(*) AS n FROM qna_question WHERE activity_id = $1 AND status = 'answering'`, [qna.id]);
    expect(Number(rows[0].n)).toBe(1);
    const [h1, h2] = await Promise.all([send(staff, 'qna.hide', { questionId: a.id }), send(other, 'qna.hide', { questionId: a.id })]);
    expect([h1.ok, h2.ok]).toEqual([true, true]);
    const audit: { n: string }[] = await t.db.query(`SELECT count(*) AS n FROM audit_event WHERE session_id = $1 AND type = 'qna.hide'`, [session.id]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('does not leak another session’s questions', async () => {
    const one = await room();
    const two = await room();
    const q = await sendOk(one.aliceSocket, 'qna.ask', { activityId: one.qna.id, text: 'Chez nous' });
    expect(await send(two.staff, 'qna.hide', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await send(two.aliceSocket, 'qna.ask', { activityId: one.qna.id, text: 'Intrus' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await qnaOf(two.alice.token, two.session.id)).questions).toEqual([]);
  });
});
