import type { BoardsFeature, GroupsSnapshot, SessionSnapshot } from '@palabre/contracts';
import { nextEvent, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { YESNO } from '../surveys/survey-fixtures';

/**
 * Issue #14: one audience rule. A working group's board and survey reach that group (and staff)
 * until the report-back, then everyone; another group's member hears nothing before (not even a
 * title) and everything after, so their view stays equal to their snapshot.
 */
describe('who hears about a group activity (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  function record(socket: TestSocket): { event: string; json: string }[] {
    const heard: { event: string; json: string }[] = [];
    socket.onAny((event: string, payload: unknown) => heard.push({ event, json: JSON.stringify(payload) }));
    return heard;
  }

  it('keeps group A private from group B until the report-back, then sends B every event of it', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const groupsActivity = await sendOk(staff, 'activity.create', { kind: 'groups', title: 'Groupes', config: { groups: [{ name: 'Groupe A', capacity: 10 }, { name: 'Groupe B', capacity: 10 }] } });
    await sendOk(staff, 'activity.start', { activityId: groupsActivity.id });
    const staffSnap = (await t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${facilitator.token}`).expect(200)).body as SessionSnapshot;
    const [groupA, groupB] = (staffSnap.features.groups as GroupsSnapshot).activities[0].groups;
    const alice = await t.join(session.joinCode, 'Alice Roux');
    const bruno = await t.join(session.joinCode, 'Bruno Sicard');
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groupA.id });
    await sendOk(staff, 'group.assign', { participantId: bruno.participant.id, groupId: groupB.id });
    const a = await t.connect(alice.token);
    const b = await t.connect(bruno.token);
    const heardByB = record(b);

    // Before the report-back: group A works, B hears nothing of it.
    const board = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Tableau secret du groupe A', groupId: groupA.id });
    await sendOk(staff, 'activity.open', { activityId: board.id });
    const survey = await sendOk(staff, 'activity.create', { kind: 'survey', title: 'Sondage secret du groupe A', groupId: groupA.id, config: { resultsVisibility: 'live', questions: [YESNO] } });
    const question = ((await t.db.query('SELECT id FROM survey_question WHERE activity_id = $1', [survey.id])) as { id: string }[])[0].id;
    await sendOk(staff, 'survey.question.open', { questionId: question });
    const columnId = ((await t.db.query('SELECT columns FROM board WHERE activity_id = $1', [board.id])) as { columns: { id: string }[] }[])[0].columns[0].id;
    const first = await sendOk(a, 'idea.post', { activityId: board.id, columnId, title: 'Idée privée', body: '' });
    await sendOk(a, 'idea.support', { activityId: board.id, ideaId: first.id });
    await sendOk(a, 'comment.post', { activityId: board.id, ideaId: first.id, body: 'Commentaire privé' });
    const staffResults = nextEvent(staff, 'results.updated', (e) => e.questionId === question && e.ballots === 1);
    await sendOk(a, 'ballot.cast', { questionId: question, value: { type: 'yesno', choice: 'yes' } });
    await staffResults;
    // A marker B does hear proves B's socket was listening all along.
    const marker = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Repère plénier' });
    const markerHeard = nextEvent(b, 'activity.updated', (e) => e.activity.id === marker.id);
    await sendOk(staff, 'activity.open', { activityId: marker.id });
    await markerHeard;
    const leaked = heardByB.filter((h) => [board.id, survey.id, question, first.id].some((id) => h.json.includes(id)) || h.json.includes('secret'));
    expect(leaked.map((h) => h.event)).toEqual([]);

    // The report-back opens: everything of group A's board and survey reaches B live.
    await sendOk(staff, 'groups.openReportBack', { activityId: groupsActivity.id });
    const before = (await t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${bruno.token}`).expect(200)).body as SessionSnapshot;
    expect(Object.keys((before.features.boards as BoardsFeature).boards)).toContain(board.id);
    const ideaHeard = nextEvent(b, 'idea.updated', (e) => e.activityId === board.id);
    const supportHeard = nextEvent(b, 'support.updated', (e) => e.activityId === board.id && e.counts.length > 0);
    const commentHeard = nextEvent(b, 'comment.updated', (e) => e.activityId === board.id);
    const resultsHeard = nextEvent(b, 'results.updated', (e) => e.questionId === question && e.ballots === 2);
    const bobIdea = await sendOk(a, 'idea.post', { activityId: board.id, columnId, title: 'Idée restituée', body: '' });
    await sendOk(a, 'idea.support', { activityId: board.id, ideaId: bobIdea.id });
    await sendOk(a, 'comment.post', { activityId: board.id, ideaId: bobIdea.id, body: 'Commentaire restitué' });
    const ines = await t.join(session.joinCode, 'Inès Garcia');
    await sendOk(staff, 'group.assign', { participantId: ines.participant.id, groupId: groupA.id });
    await sendOk(await t.connect(ines.token), 'ballot.cast', { questionId: question, value: { type: 'yesno', choice: 'no' } });
    const [idea, support, comment] = [await ideaHeard, await supportHeard, await commentHeard];
    expect((await resultsHeard).ballots).toBe(2);

    // B's view, patched with what it heard, equals B's snapshot now.
    const after = (await t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${bruno.token}`).expect(200)).body as SessionSnapshot;
    const boardNow = (after.features.boards as BoardsFeature).boards[board.id];
    const boardBefore = (before.features.boards as BoardsFeature).boards[board.id];
    expect(boardNow.ideas.map((i) => i.id).sort()).toEqual([...boardBefore.ideas.map((i) => i.id), idea.idea.id].sort());
    expect(boardNow.comments.map((c) => c.id).sort()).toEqual([...boardBefore.comments.map((c) => c.id), comment.comment.id].sort());
    for (const c of support.counts) expect(boardNow.counts?.find((n) => n.ideaId === c.ideaId)).toEqual(c);
  });
});
