import type { QuestionDraft, SurveysFeature, SessionSnapshot } from '@palabre/contracts';
import { randomBytes } from 'node:crypto';
import { questionSecret } from '@palabre/domain';
import { sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';

export const RANKING = {
  type: 'ranking',
  prompt: 'Sur quels thèmes les contrats doivent-ils se concentrer ?',
  options: [
    { id: 'mobilite', label: 'Mobilités' },
    { id: 'sante', label: 'Santé' },
    { id: 'eau', label: 'Eau' },
  ],
} satisfies QuestionDraft;

/** A roster of five (every proxy, paper and roll-call spec's members), as the CSV an organiser imports. */
export const FIVE_ROSTER = [
  'nom;email;perimetre;type de territoire;categorie;genre',
  'Marie Dupont;marie@exemple.test;Millau;bourg centre;élue;F',
  'Paul Bernard;paul@exemple.test;Rodez;bourg centre;élu;H',
  'Jean Roux;jean@exemple.test;Albi;bourg centre;citoyen;H',
  'Luc Martin;luc@exemple.test;Castres;bourg centre;citoyen;H',
  'Anne Vidal;anne@exemple.test;Auch;bourg centre;élue;F',
].join('\n');

export const YESNO: QuestionDraft = { type: 'yesno', prompt: 'Faut-il prolonger les contrats actuels ?' };

/** A live session with a connected facilitator and a survey of the given questions. */
export async function surveySession(t: TestApp, opts: { anonymity?: 'named' | 'anonymous'; resultsVisibility?: 'live' | 'staff'; questions?: QuestionDraft[] } = {}) {
  const live = await t.liveSession();
  const staff = await t.connect(live.facilitator.token);
  const activity = await sendOk(staff, 'activity.create', {
    kind: 'survey',
    title: 'Atelier 1',
    config: { anonymity: opts.anonymity ?? 'named', resultsVisibility: opts.resultsVisibility ?? 'live', questions: opts.questions ?? [RANKING] },
  });
  const snap = await snapshot(t, live.session.id, live.facilitator.token);
  const questionIds = snap.surveys[activity.id].questions.map((q) => q.id);
  return { ...live, account: live.staff, staff, activity, questionIds };
}

export async function member(t: TestApp, joinCode: string, name: string): Promise<{ token: string; socket: TestSocket; participantId: string }> {
  const joined = await t.join(joinCode, name);
  return { token: joined.token, socket: await t.connect(joined.token), participantId: joined.participant.id };
}

export async function snapshot(t: TestApp, sessionId: string, token: string): Promise<SurveysFeature> {
  const res = await t.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${token}`).expect(200);
  return (res.body as SessionSnapshot).features.surveys as SurveysFeature;
}

/** A device as the web app holds one: a random secret, and the question secret it sends with an anonymous ballot. */
export function device(): { secret: string; for(questionId: string): string } {
  const secret = randomBytes(32).toString('hex');
  return { secret, for: (questionId) => questionSecret(secret, questionId) };
}
