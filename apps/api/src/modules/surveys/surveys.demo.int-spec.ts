import type { SurveysFeature } from '@palabre/contracts';
import { TestApp } from '../../common/testing/harness';
import { DEMO_SEEDERS } from '../../seed/seeders';
import { seedSurveyDemo, WORKSHOP_1_TITLE } from './surveys.demo';
import { snapshot } from './survey-fixtures';
import { appForTests } from '../../common/testing/lifecycle';

describe('demo plenary: the workshop-1 survey', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('is seeded with the ranking, 100 points, majority judgment and word cloud questions, ready to open', async () => {
    expect(DEMO_SEEDERS).toContain(seedSurveyDemo);
    const live = await t.liveSession();
    await seedSurveyDemo(t.palabre.app, { sessionId: live.session.id, facilitatorAccountId: live.staff.id, config: t.palabre.config });
    const snap = await t.http().get(`/api/sessions/${live.session.id}/snapshot`).set('Authorization', `Bearer ${live.facilitator.token}`).expect(200);
    const activity = snap.body.activities.find((a: { title: string }) => a.title === WORKSHOP_1_TITLE);
    const survey = (await snapshot(t, live.session.id, live.facilitator.token) as SurveysFeature).surveys[activity.id];
    expect(survey.questions.map((q) => [q.config.type, q.state])).toEqual([['ranking', 'draft'], ['points', 'draft'], ['majority', 'draft'], ['text', 'draft']]);
    expect(survey.questions[1].config).toMatchObject({ budget: 100 });
    expect(survey.questions[2].config).toMatchObject({ gradeCount: 6 });
  });
});
