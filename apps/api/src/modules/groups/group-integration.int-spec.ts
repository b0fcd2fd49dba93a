import { OutcomeExport, type BoardsFeature, type GroupsSnapshot } from '@palabre/contracts';
import { send, sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { snapshotOf } from '../../common/testing/snapshot';
import { member, RANKING, surveySession } from '../surveys/survey-fixtures';

describe('working groups with boards, surveys and Q&A: seeding and outcomes (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it("seeds a group's board from a plenary survey's top results, and exports groups and Q&A", async () => {
    const s = await surveySession(t, { questions: [RANKING] });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const alice = await member(t, s.session.joinCode, 'Alice Fabre');
    const bruno = await member(t, s.session.joinCode, 'Bruno Vidal');
    await sendOk(alice.socket, 'ballot.cast', { questionId: qid, value: { type: 'ranking', ranking: ['sante', 'mobilite', 'eau'] } });
    await sendOk(bruno.socket, 'ballot.cast', { questionId: qid, value: { type: 'ranking', ranking: ['sante', 'eau', 'mobilite'] } });
    await sendOk(s.staff, 'survey.question.close', { questionId: qid });

    const groupsActivity = await sendOk(s.staff, 'activity.create', { kind: 'groups', title: 'Groupes de travail', config: { placement: 'assign' } });
    const snap = (token: string) => snapshotOf(t, token, s.session.id);
    const groups = ((await snap(s.facilitator.token)).features.groups as GroupsSnapshot).activities[0].groups;
    await sendOk(s.staff, 'group.assign', { participantId: alice.participantId, groupId: groups[0].id });
    await sendOk(s.staff, 'group.assign', { participantId: bruno.participantId, groupId: groups[1].id });
    const board = await sendOk(s.staff, 'activity.create', { kind: 'board', title: 'Tableau du groupe', groupId: groups[0].id });

    const seeded = await sendOk(s.staff, 'group.seed', { groupId: groups[0].id, boardActivityId: board.id, source: { kind: 'surveyTop', surveyActivityId: s.activity.id, questionId: qid, count: 2 } });
    expect(seeded.onBoard).toBe(true);
    await sendOk(s.staff, 'board.open', { activityId: board.id });
    const ideas = ((await snap(alice.token)).features.boards as BoardsFeature).boards[board.id].ideas;
    expect(ideas.map((i) => [i.title, i.body]).sort()).toEqual([
      ['Mobilités', 'Origine : Atelier 1 — classé 2e'],
      ['Santé', 'Origine : Atelier 1 — classé 1er'],
    ]);
    // Another group's member never sees that board.
    expect(((await snap(bruno.token)).features.boards as BoardsFeature).boards[board.id]).toBeUndefined();
    const draftQuestion = await send(s.staff, 'group.seed', { groupId: groups[0].id, source: { kind: 'surveyTop', surveyActivityId: s.activity.id, questionId: board.id, count: 2 } });
    expect(!draftQuestion.ok && draftQuestion.error.code).toBe('NOT_FOUND');

    await sendOk(s.staff, 'group.setRapporteur', { groupId: groups[0].id, participantId: alice.participantId });
    await sendOk(alice.socket, 'synthesis.save', { groupId: groups[0].id, findings: 'Des centres-bourgs qui se vident', proposals: ['Un guichet unique'], disagreements: '', submit: true });
    await sendOk(s.staff, 'synthesis.validate', { groupId: groups[0].id });

    const qna = await sendOk(s.staff, 'activity.create', { kind: 'qna', title: 'Questions à la présidente' });
    await sendOk(s.staff, 'activity.open', { activityId: qna.id });
    const asked = await sendOk(alice.socket, 'qna.ask', { activityId: qna.id, text: 'Quel calendrier ?' });
    const anonymous = await sendOk(bruno.socket, 'qna.ask', { activityId: qna.id, text: 'Et les petites communes ?', anonymous: true });
    const hidden = await sendOk(bruno.socket, 'qna.ask', { activityId: qna.id, text: 'Hors sujet' });
    await sendOk(alice.socket, 'qna.upvote', { questionId: anonymous.id });
    await sendOk(s.staff, 'qna.hide', { questionId: hidden.id });
    await sendOk(s.staff, 'qna.markAnswered', { questionId: asked.id });

    const json = await t.http().get(`/api/sessions/${s.session.id}/export.json`).set('Authorization', `Bearer ${s.account.token}`).expect(200);
    const doc = OutcomeExport.parse(json.body);
    const groupsSection = doc.sections.find((x) => x.activityId === groupsActivity.id)!;
    expect(groupsSection.syntheses).toEqual([
      { group: groups[0].name, text: 'Constats : Des centres-bourgs qui se vident\nPropositions : 1. Un guichet unique', author: 'Alice Fabre' },
    ]);
    expect(groupsSection.tables[0].rows.slice(0, 2)).toEqual([
      [groups[0].name, 1, true, 'Validée'],
      [groups[1].name, 1, false, 'Brouillon'],
    ]);
    const qnaSection = doc.sections.find((x) => x.activityId === qna.id)!;
    expect(qnaSection.questions).toEqual([
      { id: anonymous.id, text: 'Et les petites communes ?', upvotes: 1, answered: false, answer: null, author: null },
      { id: asked.id, text: 'Quel calendrier ?', upvotes: 0, answered: true, answer: null, author: 'Alice Fabre' },
    ]);
    const boardSection = doc.sections.find((x) => x.activityId === board.id)!;
    expect(boardSection.ideas.map((i) => i.text)).toEqual(['Mobilités — Origine : Atelier 1 — classé 2e', 'Santé — Origine : Atelier 1 — classé 1er']);
  }, 120_000);
});
