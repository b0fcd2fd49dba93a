import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@palabre/contracts';
import { nextEvent, send, sendOk, TestApp } from '../../common/testing/harness';
import { member, RANKING, snapshot, surveySession, YESNO } from './survey-fixtures';
import { appForTests } from '../../common/testing/lifecycle';

describe('surveys: building, lifecycle, ballots and live results (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('runs the whole cycle: open, vote, change, close, publish, with a live tally', async () => {
    const s = await surveySession(t);
    const [qid] = s.questionIds;
    const alice = await member(t, s.session.joinCode, 'Alice');
    const bob = await member(t, s.session.joinCode, 'Bob');
    const opened = nextEvent(alice.socket, 'survey.updated', (p) => p.survey.questions.some((q) => q.id === qid && q.state === 'open'));
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    expect((await opened).survey.questions).toHaveLength(1);

    const receipt = nextEvent(alice.socket, 'ballot.recorded');
    const first = await sendOk(alice.socket, 'ballot.cast', { questionId: qid, value: { type: 'ranking', ranking: ['sante', 'eau', 'mobilite'] } });
    expect(first).toEqual({ activityId: s.activity.id, questionId: qid, replaced: false });
    expect((await receipt).value).toEqual({ type: 'ranking', ranking: ['sante', 'eau', 'mobilite'] });
    await sendOk(bob.socket, 'ballot.cast', { questionId: qid, value: { type: 'ranking', ranking: ['eau', 'sante', 'mobilite'] } });
    const changed = await sendOk(alice.socket, 'ballot.cast', { questionId: qid, value: { type: 'ranking', ranking: ['eau', 'mobilite', 'sante'] } });
    expect(changed.replaced).toBe(true);

    const live = await nextEvent(bob.socket, 'results.updated', (p) => p.ballots === 2 && p.results?.type === 'ranking' && p.results.options[0].optionId === 'eau' && p.results.options[0].score === 4);
    expect(live).toMatchObject({ questionId: qid, state: 'open', ballots: 2, present: 2 });

    const closed = await sendOk(s.staff, 'survey.question.close', { questionId: qid });
    expect(closed.state).toBe('closed');
    const late = await send(bob.socket, 'ballot.cast', { questionId: qid, value: { type: 'ranking', ranking: ['mobilite', 'sante', 'eau'] } });
    expect(late).toEqual({ ok: false, error: { code: 'VOTING_CLOSED', message: "Le vote est clos : ce bulletin n'a pas été enregistré." } });

    const published = nextEvent(alice.socket, 'results.updated', (p) => p.state === 'published');
    await sendOk(s.staff, 'survey.question.publish', { questionId: qid });
    expect((await published).results).toMatchObject({ method: 'borda', ballots: 2 });
    const mine = await snapshot(t, s.session.id, alice.token);
    expect(mine.myBallots[qid]).toEqual({ type: 'ranking', ranking: ['eau', 'mobilite', 'sante'] });
    expect(mine.results[qid]).toMatchObject({ state: 'published', ballots: 2 });

    // Reopen keeps the ballots; the agenda follows the survey state.
    const reopened = nextEvent(alice.socket, 'activity.updated', (p) => p.activity.id === s.activity.id && p.activity.state === 'open');
    await sendOk(s.staff, 'survey.question.reopen', { questionId: qid });
    await reopened;
    expect((await snapshot(t, s.session.id, alice.token)).results[qid].ballots).toBe(2);
  });

  it('writes the open and close in the audit chain with a digest of the counted ballots, not one link per ballot', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    for (const name of ['A', 'B', 'C']) {
      const m = await member(t, s.session.joinCode, name);
      await sendOk(m.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: name === 'C' ? 'no' : 'yes' } });
    }
    await sendOk(s.staff, 'survey.question.close', { questionId: qid });
    const rows: { type: string; payload: Record<string, unknown> }[] = await t.db.query('SELECT type, payload FROM audit_event WHERE session_id = $1 ORDER BY seq', [s.session.id]);
    const types = rows.map((r) => r.type);
    expect(types.filter((x) => x.startsWith('survey.'))).toEqual(['survey.question.open', 'survey.question.closed']);
    expect(rows.find((r) => r.type === 'survey.question.closed')?.payload).toMatchObject({ ballots: 3, ballotsSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses invalid ballots with a precise code', async () => {
    const s = await surveySession(t, {
      questions: [
        RANKING,
        { type: 'points', prompt: 'Répartissez 100 points', budget: 100, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
        { type: 'majority', prompt: 'Jugez', gradeCount: 6, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
        { type: 'text', prompt: 'Un mot' },
      ],
    });
    await sendOk(s.staff, 'survey.open', { activityId: s.activity.id });
    const m = await member(t, s.session.joinCode, 'Maladroit');
    const [ranking, points, majority, text] = s.questionIds;
    const cases: [string, unknown, string][] = [
      [ranking, { type: 'ranking', ranking: ['sante', 'sante', 'eau'] }, 'BALLOT_DUPLICATE_OPTION'],
      [ranking, { type: 'ranking', ranking: ['sante', 'eau', 'inconnu'] }, 'BALLOT_UNKNOWN_OPTION'],
      [points, { type: 'points', allocation: { a: 80, b: 30 } }, 'BALLOT_POINTS_OVER_BUDGET'],
      [majority, { type: 'majority', grades: { a: 1 } }, 'BALLOT_GRADE_MISSING'],
      [text, { type: 'text', text: 'x'.repeat(81) }, 'BALLOT_TEXT_TOO_LONG'],
      [text, { type: 'yesno', choice: 'yes' }, 'BALLOT_WRONG_TYPE'],
    ];
    for (const [questionId, value, code] of cases) {
      const ack = await send(m.socket, 'ballot.cast', { questionId, value: value as never });
      expect([code, ack.ok ? 'accepted' : ack.error.code]).toEqual([code, code]);
    }
    expect((await snapshot(t, s.session.id, m.token)).myBallots).toEqual({});
  });

  it('keeps one ballot per member per question in the database itself', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const m = await member(t, s.session.joinCode, 'Unique');
    await expect(
      t.db.query('INSERT INTO ballot (question_id, participant_id, value) VALUES ($1, $2, $3), ($1, $2, $3)', [s.questionIds[0], m.participantId, '{"type":"yesno","choice":"yes"}']),
    ).rejects.toThrow(/duplicate key/);
  });

  it('counts a retried ballot (same opId, after a dropped connection) once', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const m = await member(t, s.session.joinCode, 'Réseau instable');
    const opId = randomUUID();
    const first = await sendOk(m.socket, 'ballot.cast', { opId, questionId: qid, value: { type: 'yesno', choice: 'yes' } });
    m.socket.disconnect();
    const again = await t.connect(m.token);
    const retry = await sendOk(again, 'ballot.cast', { opId, questionId: qid, value: { type: 'yesno', choice: 'yes' } });
    expect(retry).toEqual(first);
    expect(retry.replaced).toBe(false);
    const rows: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot WHERE question_id = $1', [qid]);
    expect(rows[0].n).toBe(1);
  });

  it('lets only staff build and run a survey, and never lets staff or screens vote', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    const m = await member(t, s.session.joinCode, 'Curieuse');
    for (const [name, payload] of [
      ['survey.question.open', { questionId: qid }],
      ['survey.question.close', { questionId: qid }],
      ['survey.question.publish', { questionId: qid }],
      ['survey.question.add', { activityId: s.activity.id, question: YESNO }],
      ['survey.settings', { activityId: s.activity.id, resultsVisibility: 'live' }],
    ] as const) {
      const ack = await send(m.socket, name, payload as never);
      expect([name, ack.ok ? 'ok' : ack.error.code]).toEqual([name, 'FORBIDDEN']);
    }
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const staffVote = await send(s.staff, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'yes' } });
    expect(staffVote.ok ? 'ok' : staffVote.error.code).toBe('FORBIDDEN');
  });

  it('refuses a ballot on a draft question and edits of an opened question', async () => {
    const s = await surveySession(t, { questions: [YESNO, RANKING] });
    const [yesno, ranking] = s.questionIds;
    const m = await member(t, s.session.joinCode, 'Pressé');
    const early = await send(m.socket, 'ballot.cast', { questionId: yesno, value: { type: 'yesno', choice: 'yes' } });
    expect(early.ok ? 'ok' : early.error.code).toBe('QUESTION_NOT_OPEN');
    await sendOk(s.staff, 'survey.question.open', { questionId: yesno });
    const edit = await send(s.staff, 'survey.question.update', { questionId: yesno, question: { ...YESNO, prompt: 'Autre chose ?' } });
    expect(edit.ok ? 'ok' : edit.error.code).toBe('QUESTION_LOCKED');
    const anonymity = await send(s.staff, 'survey.settings', { activityId: s.activity.id, anonymity: 'anonymous' });
    expect(anonymity.ok ? 'ok' : anonymity.error.code).toBe('SURVEY_SETTINGS_LOCKED');
    // Drafts stay editable and movable; members never see them.
    await sendOk(s.staff, 'survey.question.update', { questionId: ranking, question: { ...RANKING, topK: 2 } });
    const moved = await sendOk(s.staff, 'survey.question.move', { questionId: ranking, position: 0 });
    expect(moved.questions.map((q) => q.id)).toEqual([ranking, yesno]);
    const seen = await snapshot(t, s.session.id, m.token);
    expect(seen.surveys[s.activity.id].questions.map((q) => q.id)).toEqual([yesno]);
  });

  it('keeps staff-only results from members and the projector until published, but shows them the turnout', async () => {
    const s = await surveySession(t, { questions: [YESNO], resultsVisibility: 'staff' });
    const [qid] = s.questionIds;
    const m = await member(t, s.session.joinCode, 'Votante');
    const screen = await t.connect((await t.screen(s.session.id)).token);
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const seenByScreen: EventPayload<'results.updated'>[] = [];
    screen.on('results.updated', (p) => seenByScreen.push(p));
    const staffFull = nextEvent(s.staff, 'results.updated', (p) => p.ballots === 1);
    const screenCount = nextEvent(screen, 'results.updated', (p) => p.ballots === 1);
    await sendOk(m.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'no' } });
    expect((await staffFull).results).toMatchObject({ type: 'yesno', ballots: 1 });
    await screenCount;
    expect(seenByScreen.length).toBeGreaterThan(0);
    expect(seenByScreen.every((p) => p.results === null)).toBe(true);
    expect(seenByScreen.at(-1)?.ballots).toBe(1);

    await t.http().get(`/api/sessions/${s.session.id}/survey-questions/${qid}/results`).set('Authorization', `Bearer ${m.token}`).expect(403)
      .expect((res) => expect(res.body.error.code).toBe('RESULTS_HIDDEN'));
    expect((await snapshot(t, s.session.id, m.token)).results[qid].results).toBeNull();
    const staffView = await t.http().get(`/api/sessions/${s.session.id}/survey-questions/${qid}/results`).set('Authorization', `Bearer ${s.facilitator.token}`).expect(200);
    expect(staffView.body.results.choices.find((c: { choice: string }) => c.choice === 'no').count).toBe(1);

    await sendOk(s.staff, 'survey.question.close', { questionId: qid });
    const revealed = nextEvent(screen, 'results.updated', (p) => p.results !== null);
    await sendOk(s.staff, 'survey.question.publish', { questionId: qid });
    expect((await revealed).state).toBe('published');
    await t.http().get(`/api/sessions/${s.session.id}/survey-questions/${qid}/results`).set('Authorization', `Bearer ${m.token}`).expect(200);
  });

  it('duplicates a survey as drafts and saves it as a template of the staff account', async () => {
    const s = await surveySession(t, { questions: [RANKING, YESNO] });
    await sendOk(s.staff, 'survey.open', { activityId: s.activity.id });
    const copy = await sendOk(s.staff, 'survey.duplicate', { activityId: s.activity.id });
    expect(copy.title).toBe('Atelier 1 (copie)');
    const seen = await snapshot(t, s.session.id, s.facilitator.token);
    expect(seen.surveys[copy.id].questions.map((q) => [q.prompt, q.state])).toEqual([[RANKING.prompt, 'draft'], [YESNO.prompt, 'draft']]);
    await sendOk(s.staff, 'survey.template.save', { activityId: s.activity.id, name: 'Priorités' });
    const templates = await t.http().get('/api/survey-templates').set('Authorization', `Bearer ${s.account.token}`).expect(200);
    expect(templates.body.map((x: { name: string }) => x.name)).toEqual(['Priorités']);
  });
});
