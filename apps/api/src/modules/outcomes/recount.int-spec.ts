import { OutcomeExport, type ArchiveVerification } from '@palabre/contracts';
import { liveBoard } from '../../common/testing/boards';
import { sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';

/**
 * Every count in an export is recomputed from the rows it summarises, so the seal covers the
 * rows themselves: deleting one after the seal is reported by verification.
 */
describe('counts recomputed from their rows, and a deleted row seen by verification (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  async function sealed(sessionId: string, facilitatorToken: string) {
    const organiser = (await t.staff('organiser')).token;
    await t.http().post(`/api/sessions/${sessionId}/transition`).set('Authorization', `Bearer ${facilitatorToken}`).send({ to: 'closed' }).expect(200);
    await t.http().post(`/api/sessions/${sessionId}/seal`).set('Authorization', `Bearer ${organiser}`).expect(200);
    return async () => (await t.http().get(`/api/archive/${sessionId}/verify`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveVerification;
  }

  it('reports the archive altered when one Q&A upvote row is deleted', async () => {
    const { session, account, staff, members } = await liveBoard(t, { members: ['Alice Garnier', 'Bruno Lacaze', 'Chloé Vidal'] });
    const qna = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Échange avec la présidente' });
    await sendOk(staff, 'activity.open', { activityId: qna.id });
    const [alice, bruno, chloe] = members.map((m) => m.socket);
    const question = await sendOk(alice, 'qna.ask', { activityId: qna.id, text: 'Quel calendrier pour les avenants ?' });
    for (const socket of [bruno, chloe]) await sendOk(socket, 'qna.upvote', { questionId: question.id });

    const json = await t.http().get(`/api/sessions/${session.id}/export.json`).set('Authorization', `Bearer ${account.token}`).expect(200);
    const section = OutcomeExport.parse(json.body).sections.find((s) => s.activityId === qna.id)!;
    expect(section.questions.map((q) => [q.text, q.upvotes])).toEqual([['Quel calendrier pour les avenants ?', 2]]);

    const verify = await sealed(session.id, account.token);
    expect(await verify()).toMatchObject({ intact: true, live: { matches: true } });
    // The cached counter stays at 2: only the recount from the rows can see the deletion.
    await t.db.query('DELETE FROM qna_vote WHERE question_id = $1 AND participant_id = $2', [question.id, members[1].participant.id]);
    expect(await verify()).toMatchObject({ intact: false, digest: { matches: true }, live: { matches: false } });
  }, 120_000);

  it('reports the archive altered when one idea support row is deleted', async () => {
    const { session, account, activityId, members } = await liveBoard(t, { members: ['Alice Garnier', 'Bruno Lacaze'] });
    const [alice, bruno] = members.map((m) => m.socket);
    const idea = await sendOk(alice, 'idea.post', { activityId, columnId: 'gouvernance', title: 'Un guichet unique' });
    await sendOk(bruno, 'idea.support', { activityId, ideaId: idea.id });
    await sendOk(alice, 'idea.support', { activityId, ideaId: idea.id });

    const verify = await sealed(session.id, account.token);
    expect(await verify()).toMatchObject({ intact: true, live: { matches: true } });
    await t.db.query('DELETE FROM idea_support WHERE idea_id = $1 AND participant_id = $2', [idea.id, members[1].participant.id]);
    expect(await verify()).toMatchObject({ intact: false, digest: { matches: true }, live: { matches: false } });
  }, 120_000);
});
