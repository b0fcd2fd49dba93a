import type { ActivitySummary, GroupsSnapshot, SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { RANKING } from '../surveys/survey-fixtures';

/**
 * Issue #14: a closed vote is closed by every path. For every kind and every way an activity can
 * end, every later write is refused with the documented code, nothing is stored, and the phones
 * hear the closed state.
 */
describe('a closed activity is closed by every path (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  type End = 'activity.close' | 'timer auto-close' | 'launching the next item' | 'session close';
  const ENDS: End[] = ['activity.close', 'timer auto-close', 'launching the next item', 'session close'];

  interface Scene {
    sessionId: string;
    staff: TestSocket;
    phone: TestSocket;
    memberToken: string;
    /** The activity the agenda launches and then ends. */
    activity: ActivitySummary;
  }

  async function scene(kind: 'survey' | 'board' | 'qna' | 'groups' | 'opinions' | 'floor', end: End): Promise<Scene & { next: ActivitySummary; staffToken: string }> {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const config = kind === 'survey' ? { questions: [RANKING] } : undefined;
    const activity = await sendOk(staff, 'activity.create', { kind, title: `À clore (${kind})`, config });
    const next = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Point suivant' });
    const member = await t.join(session.joinCode, 'Inès Marty');
    const phone = await t.connect(member.token);
    // With a timer, the item is opened now and launched with its one-second countdown only when the
    // scene ends it (finish): its setup may take longer than a second on a busy machine.
    if (end === 'timer auto-close') await sendOk(staff, 'activity.open', { activityId: activity.id });
    else await sendOk(staff, 'activity.start', { activityId: activity.id });
    return { sessionId: session.id, staff, staffToken: facilitator.token, phone, memberToken: member.token, activity, next };
  }

  /** Ends the activity the given way; resolves once the phone has heard it closed. */
  async function finish(s: Scene & { next: ActivitySummary }, end: End, closedState: string): Promise<void> {
    const heard = nextEvent(s.phone, 'activity.updated', (e) => e.activity.id === s.activity.id && e.activity.state === closedState, 8000);
    if (end === 'activity.close') await sendOk(s.staff, 'activity.close', { activityId: s.activity.id });
    if (end === 'launching the next item') await sendOk(s.staff, 'activity.start', { activityId: s.next.id });
    if (end === 'session close') await sendOk(s.staff, 'session.transition', { to: 'closed' });
    // The timer closes it by itself, a second after the launch.
    if (end === 'timer auto-close') await sendOk(s.staff, 'activity.start', { activityId: s.activity.id, durationSeconds: 1, autoClose: true });
    await heard;
  }

  /** The code a ballot gets once the question is closed (a closed session refuses voters first). */
  const ballotRefusal = (end: End) => (end === 'session close' ? 'SESSION_NOT_OPEN' : 'VOTING_CLOSED');

  const count = async (sql: string, id: string) => Number(((await t.db.query(sql, [id])) as { n: string }[])[0].n);

  describe.each(ENDS)('ended by %s', (end) => {
    it('a survey: its open question closes, later ballots are refused and not stored', async () => {
      const s = await scene('survey', end);
      const snap = (await t.http().get(`/api/sessions/${s.sessionId}/snapshot`).set('Authorization', `Bearer ${s.memberToken}`).expect(200)).body as SessionSnapshot;
      expect(snap.activities.map((a) => a.id)).toContain(s.activity.id);
      const [question] = ((await t.db.query('SELECT id FROM survey_question WHERE activity_id = $1', [s.activity.id])) as { id: string }[]).map((r) => r.id);
      await sendOk(s.staff, 'survey.question.open', { questionId: question });
      await sendOk(s.phone, 'ballot.cast', { questionId: question, value: { type: 'ranking', ranking: ['eau', 'sante', 'mobilite'] } });
      const questionClosed = nextEvent(s.phone, 'survey.updated', (e) => e.activityId === s.activity.id && e.survey.questions.every((q) => q.state === 'closed'), 8000);
      await finish(s, end, 'closed');
      await questionClosed;
      const late = await send(s.phone, 'ballot.cast', { questionId: question, value: { type: 'ranking', ranking: ['sante', 'eau', 'mobilite'] } });
      expect(!late.ok && late.error.code).toBe(ballotRefusal(end));
      expect(await count("SELECT count(*) AS n FROM survey_question WHERE id = $1 AND state = 'closed' AND closed_at IS NOT NULL", question)).toBe(1);
      expect(await count('SELECT count(*) AS n FROM ballot WHERE question_id = $1', question)).toBe(1);
    });

    it('a board: it locks, later ideas, supports and comments are refused and not stored', async () => {
      const s = await scene('board', end);
      const board = (await t.db.query('SELECT columns FROM board WHERE activity_id = $1', [s.activity.id])) as { columns: { id: string }[] }[];
      const columnId = board[0].columns[0].id;
      const idea = await sendOk(s.phone, 'idea.post', { activityId: s.activity.id, columnId, title: 'Des bus le dimanche', body: '' });
      await finish(s, end, 'locked');
      const refused = [
        await send(s.phone, 'idea.post', { activityId: s.activity.id, columnId, title: 'Après la clôture', body: '' }),
        await send(s.phone, 'idea.support', { activityId: s.activity.id, ideaId: idea.id }),
        await send(s.phone, 'comment.post', { activityId: s.activity.id, ideaId: idea.id, body: 'Trop tard' }),
      ];
      expect(refused.map((a) => !a.ok && a.error.code)).toEqual(['BOARD_LOCKED', 'BOARD_LOCKED', 'BOARD_LOCKED']);
      expect(await count('SELECT count(*) AS n FROM idea WHERE activity_id = $1', s.activity.id)).toBe(1);
      expect(await count('SELECT count(*) AS n FROM idea_support WHERE activity_id = $1', s.activity.id)).toBe(0);
      expect(await count('SELECT count(*) AS n FROM idea_comment WHERE activity_id = $1', s.activity.id)).toBe(0);
    });

    it('a Q&A: later questions and upvotes are refused and not stored', async () => {
      const s = await scene('qna', end);
      const asked = await sendOk(s.phone, 'qna.ask', { activityId: s.activity.id, text: 'Quel calendrier pour les contrats ?' });
      await finish(s, end, 'closed');
      const refused = [await send(s.phone, 'qna.ask', { activityId: s.activity.id, text: 'Et après ?' }), await send(s.phone, 'qna.upvote', { questionId: asked.id })];
      expect(refused.map((a) => !a.ok && a.error.code)).toEqual(['QNA_CLOSED', 'QNA_CLOSED']);
      expect(await count('SELECT count(*) AS n FROM qna_question WHERE activity_id = $1', s.activity.id)).toBe(1);
      expect(await count('SELECT count(*) AS n FROM qna_vote WHERE question_id = $1', asked.id)).toBe(0);
    });

    it('an opinion map: later answers, changed answers and statements are refused and not stored', async () => {
      const s = await scene('opinions', end);
      const statement = await sendOk(s.staff, 'opinions.propose', { activityId: s.activity.id, text: 'Les petites communes doivent être mieux accompagnées.' });
      await sendOk(s.phone, 'opinions.answer', { statementId: statement.id, vote: 'agree' });
      await finish(s, end, 'closed');
      const refused = [
        await send(s.phone, 'opinions.answer', { statementId: statement.id, vote: 'disagree' }),
        await send(s.phone, 'opinions.propose', { activityId: s.activity.id, text: 'Et après ?' }),
        await send(s.staff, 'opinions.propose', { activityId: s.activity.id, text: 'Une dernière ?' }),
      ];
      expect(refused.map((a) => !a.ok && a.error.code)).toEqual(['OPINIONS_CLOSED', 'OPINIONS_CLOSED', 'OPINIONS_CLOSED']);
      expect(await t.db.query('SELECT vote FROM opinion_answer WHERE statement_id = $1', [statement.id])).toEqual([{ vote: 'agree' }]);
      expect(await count('SELECT count(*) AS n FROM opinion_statement WHERE activity_id = $1', s.activity.id)).toBe(1);
    });

    it('a speakers’ list: the speaker’s turn ends with its time recorded, later requests, withdrawals and the floor are refused', async () => {
      const s = await scene('floor', end);
      const asked = await sendOk(s.phone, 'floor.request', { activityId: s.activity.id, stance: 'for' });
      await sendOk(s.staff, 'floor.give', { requestId: asked.id });
      const other = await t.join((await t.db.query('SELECT join_code FROM session WHERE id = $1', [s.sessionId]) as { join_code: string }[])[0].join_code, 'Hugo Pujol');
      const otherPhone = await t.connect(other.token);
      const waiting = await sendOk(otherPhone, 'floor.request', { activityId: s.activity.id });
      await finish(s, end, 'closed');
      const refused = [
        await send(s.phone, 'floor.request', { activityId: s.activity.id }),
        await send(otherPhone, 'floor.withdraw', { requestId: waiting.id }),
        await send(s.staff, 'floor.give', { requestId: waiting.id }),
        await send(s.staff, 'floor.timer', { activityId: s.activity.id, action: 'start' }),
      ];
      expect(refused.map((a) => !a.ok && a.error.code)).toEqual(['FLOOR_CLOSED', 'FLOOR_CLOSED', 'FLOOR_CLOSED', 'FLOOR_CLOSED']);
      expect(await count('SELECT count(*) AS n FROM floor_request WHERE activity_id = $1', s.activity.id)).toBe(2);
      expect(await count("SELECT count(*) AS n FROM floor_request WHERE activity_id = $1 AND state = 'done' AND running_since IS NULL", s.activity.id)).toBe(1);
      expect(await count("SELECT count(*) AS n FROM floor_request WHERE activity_id = $1 AND state = 'waiting'", s.activity.id)).toBe(1);
    });

    it("the working groups: their groups' boards lock with them", async () => {
      const s = await scene('groups', end);
      const staffSnap = (await t.http().get(`/api/sessions/${s.sessionId}/snapshot`).set('Authorization', `Bearer ${s.staffToken}`).expect(200)).body as SessionSnapshot;
      const groupId = (staffSnap.features.groups as GroupsSnapshot).activities[0].groups[0].id;
      const memberId = ((await t.db.query("SELECT id FROM participant WHERE session_id = $1 AND role = 'member'", [s.sessionId])) as { id: string }[])[0].id;
      await sendOk(s.staff, 'group.assign', { participantId: memberId, groupId });
      const board = await sendOk(s.staff, 'activity.create', { kind: 'board', title: 'Tableau du groupe', groupId });
      await sendOk(s.staff, 'activity.open', { activityId: board.id });
      const columnId = ((await t.db.query('SELECT columns FROM board WHERE activity_id = $1', [board.id])) as { columns: { id: string }[] }[])[0].columns[0].id;
      await sendOk(s.phone, 'idea.post', { activityId: board.id, columnId, title: 'Dans le groupe', body: '' });
      const boardLocked = nextEvent(s.phone, 'activity.updated', (e) => e.activity.id === board.id && e.activity.state === 'locked', 8000);
      await finish(s, end, 'closed');
      await boardLocked;
      const late = await send(s.phone, 'idea.post', { activityId: board.id, columnId, title: 'Après', body: '' });
      expect(!late.ok && late.error.code).toBe('BOARD_LOCKED');
      expect(await count('SELECT count(*) AS n FROM idea WHERE activity_id = $1', board.id)).toBe(1);
    });
  });

  it('refuses to seal while a vote is open; closing the session closes it first, then sealing works', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const survey = await sendOk(staff, 'activity.create', { kind: 'survey', title: 'Vote final', config: { questions: [RANKING] } });
    const [question] = ((await t.db.query('SELECT id FROM survey_question WHERE activity_id = $1', [survey.id])) as { id: string }[]).map((r) => r.id);
    await sendOk(staff, 'survey.question.open', { questionId: question });
    const organiser = await t.staff('organiser');
    // Closed by hand in the database as an older version would have left it: the session closed, a question open.
    await t.db.query("UPDATE session SET state = 'closed' WHERE id = $1", [session.id]);
    const refused = await t.http().post(`/api/sessions/${session.id}/seal`).set('Authorization', `Bearer ${organiser.token}`).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'SESSION_HAS_OPEN_ITEMS', issues: [{ path: `activities.${survey.id}`, message: 'Vote final' }] });
    expect(await count("SELECT count(*) AS n FROM archive_record WHERE session_id = $1", session.id)).toBe(0);

    // The normal way: the session closes from live, which closes the question in the same transaction.
    await t.db.query("UPDATE session SET state = 'live' WHERE id = $1", [session.id]);
    await sendOk(staff, 'session.transition', { to: 'closed' });
    expect(await count("SELECT count(*) AS n FROM survey_question WHERE id = $1 AND state = 'closed'", question)).toBe(1);
    const audit = (await t.db.query("SELECT payload FROM audit_event WHERE session_id = $1 AND type = 'session.closed'", [session.id])) as { payload: { closedActivities: string[] } }[];
    expect(audit[0].payload.closedActivities).toEqual([survey.id]);
    await t.http().post(`/api/sessions/${session.id}/seal`).set('Authorization', `Bearer ${organiser.token}`).expect(200);
  });
});
