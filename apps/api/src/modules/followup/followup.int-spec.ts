import type { AddressInfo } from 'node:net';
import type { EntityManager } from 'typeorm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import JSZip from 'jszip';
import type { ActivitySummary, ArchiveSummary, ArchiveVerification, JoinResponse, OutcomeCandidate, PublicFollowUp, Recommendation as RecommendationView } from '@palabre/contracts';
import type { AppConfig } from '../../config/config';
import { binary } from '../../common/testing/download';
import { fakeBoardSection, fakeSurveySection } from '../../common/testing/fake-outcomes';
import { sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { pdfText } from '../../common/testing/pdf-text';
import { invitationTokens } from '../../common/testing/roster';
import { AuditEvent } from '../audit/audit-event.entity';
import { firstBrokenLink } from '../audit/hash-chain';
import { ActivityKinds } from '../sessions/activity-kinds';
import { todayIn } from './followup.service';

const ROSTER = [
  'name;email;perimeter;territoryType;category;gender',
  ...Array.from({ length: 6 }, (_, i) => [`Membre ${i + 1} Kerbrat`, `membre${i}@exemple.test`, `Périmètre ${i}`, 'agglomeration', i % 2 ? 'elu' : 'citoyen', i % 2 ? 'femme' : 'homme'].join(';')),
].join('\n');

const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

const shift = (days: number) => {
  const d = new Date(`${todayIn('Europe/Paris')}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('follow-up: recommendations beside the sealed archive (real PostgreSQL, real SMTP)', () => {
  const overrides: Partial<AppConfig> = { smtpFrom: 'Palabre <suivi@palabre.test>' };
  const mails: ParsedMail[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let sessionId: string;
  let joinCode: string;
  let assemblyId: string;
  let digest: string;
  let organiser: string;
  let facilitator: string;
  let instructorA: { id: string; token: string; email: string };
  let instructorB: { id: string; token: string; email: string };
  let survey: ActivitySummary;
  let board: ActivitySummary;
  let names: string[];
  const recs: Record<'idea' | 'synthesis' | 'survey', RecommendationView> = {} as never;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const create = (body: object, token = organiser) => t.http().post('/api/follow-up/recommendations').set(as(token)).send({ sessionId, ...body });
  const toOf = (m: ParsedMail | undefined) => (m?.to && 'text' in m.to ? m.to.text : '');
  /** The mails received since `from`, once `ready` holds for them (a busy machine may take seconds to deliver). */
  const waitForMail = async (from: number, ready: (fresh: ParsedMail[]) => boolean) => {
    for (let i = 0; i < 600 && !ready(mails.slice(from)); i++) await new Promise((r) => setTimeout(r, 50));
    return mails.slice(from);
  };
  const subjectIs = (prefix: string, to?: string) => (fresh: ParsedMail[]) => fresh.some((m) => m.subject?.startsWith(prefix) && (to === undefined || toOf(m) === to));

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          mails.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    overrides.smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  appForTests((app) => (t = app), overrides);
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  beforeAll(async () => {
    const live = await t.liveSession({ accessMode: 'roster', joinCode: 'SUIVI1' });
    sessionId = live.session.id;
    joinCode = live.session.joinCode;
    facilitator = live.staff.token;
    organiser = (await t.staff('organiser')).token;
    instructorA = await t.staff('instructor');
    instructorB = await t.staff('instructor');
    const members: JoinResponse[] = [];
    for (const invitation of await invitationTokens(t, sessionId, facilitator, ROSTER)) {
      members.push((await t.http().post('/api/sessions/join').send({ invitation }).expect(200)).body as JoinResponse);
    }
    assemblyId = ((await t.db.query('SELECT assembly_id FROM session WHERE id = $1', [sessionId])) as { assembly_id: string }[])[0].assembly_id;
    names = members.map((m) => m.participant.displayName).sort();
    const socket = await t.connect(live.facilitator.token);
    survey = await sendOk(socket, 'activity.create', { kind: 'survey', title: 'Priorités des contrats territoriaux' });
    board = await sendOk(socket, 'activity.create', { kind: 'board', title: 'Faire vivre les démarches contractuelles' });
    // Fixed outcomes (as in outcomes.int-spec.ts): a ranking survey, ideas with supports and a synthesis, with authors.
    const kinds = t.palabre.app.get(ActivityKinds);
    jest.spyOn(kinds.get('survey'), 'outcomes').mockImplementation((id: string, _m: EntityManager) => Promise.resolve(id === sessionId ? [fakeBoardSection(board.id, names[0]), fakeSurveySection(survey.id, names)] : []));
    jest.spyOn(kinds.get('board'), 'outcomes').mockResolvedValue([]);
    // A member who took part asks, with their member token, to follow the assembly by email: a confirmation
    // link goes to the address, and nothing is subscribed until it is followed.
    const subscribedTo = async (email: string) => ((await t.db.query('SELECT 1 FROM follow_up_subscription WHERE assembly_id = $1 AND email = $2', [assemblyId, email])) as unknown[]).length === 1;
    expect((await t.http().post(`/api/sessions/${sessionId}/follow-up/subscription`).set(as(members[0].token)).send({ email: 'Abonnee@Exemple.test' }).expect(202)).body).toEqual({ requested: true });
    const confirmation = (await waitForMail(0, subjectIs('[Suivi] Confirmez votre abonnement'))).find((m) => m.subject?.startsWith('[Suivi] Confirmez votre abonnement'));
    expect(confirmation?.to && 'text' in confirmation.to ? confirmation.to.text : '').toBe('abonnee@exemple.test');
    expect(await subscribedTo('abonnee@exemple.test')).toBe(false);
    const confirmToken = /\?confirm=([\w.-]+)/.exec(confirmation?.text ?? '')?.[1] ?? '';
    await t.http().post('/api/public/follow-up/subscription/confirm').send({ token: confirmToken }).expect(200);
    expect(await subscribedTo('abonnee@exemple.test')).toBe(true);
    // Staff cannot subscribe in a member's place.
    await t.http().post(`/api/sessions/${sessionId}/follow-up/subscription`).set(as(live.facilitator.token)).send({ email: 'x@exemple.test' }).expect(403);
    await t.http().post(`/api/sessions/${sessionId}/transition`).set(as(facilitator)).send({ to: 'closed' }).expect(200);
    digest = ((await t.http().post(`/api/sessions/${sessionId}/seal`).set(as(organiser)).expect(200)).body as ArchiveSummary).digest;
  });

  it('lists the items of the sealed record a recommendation can come from: ideas over the threshold, synthesis points, survey results', async () => {
    const res = await t.http().get(`/api/follow-up/sessions/${sessionId}/candidates?minSupports=10`).set(as(organiser)).expect(200);
    const items = res.body as OutcomeCandidate[];
    expect(items.filter((c) => c.ref.kind === 'idea').map((c) => c.evidence.text)).toEqual(['Créer un guichet unique pour les porteurs de projets']);
    expect(items.find((c) => c.ref.kind === 'synthesis')).toMatchObject({ ref: { activityId: board.id, itemId: '0.0' }, evidence: { group: 'Solidarités territoriales' } });
    expect(items.filter((c) => c.ref.kind === 'survey').map((c) => c.evidence.text)).toEqual(['Mobilités du quotidien', 'Revitalisation des cœurs de ville', 'Transition écologique']);
    await t.http().get(`/api/follow-up/sessions/${sessionId}/candidates`).set(as(facilitator)).expect(403);
    await t.http().get(`/api/follow-up/sessions/${sessionId}/candidates`).set(as(instructorA.token)).expect(403);
  });

  it('creates a recommendation from each outcome kind, each pointing at the archive digest and the item id', async () => {
    recs.idea = (await create({ source: { kind: 'idea', activityId: board.id, itemId: 'i1' }, minSupports: 10, title: 'Un guichet unique pour les porteurs de projets', territories: ['Périmètre 1'] }).expect(201)).body as RecommendationView;
    recs.synthesis = (await create({ source: { kind: 'synthesis', activityId: board.id, itemId: '0.0' }, title: 'Une ingénierie partagée entre territoires' }).expect(201)).body as RecommendationView;
    recs.survey = (await create({ source: { kind: 'survey', activityId: survey.id, itemId: '0.0' }, title: 'Priorité aux mobilités du quotidien', theme: 'Mobilités' }).expect(201)).body as RecommendationView;
    for (const r of Object.values(recs)) expect(r).toMatchObject({ archiveDigest: digest, assemblyId, session: { id: sessionId }, status: 'pending', published: false, overdue: false });
    expect(recs.idea).toMatchObject({ source: { kind: 'idea', itemId: 'i1' }, evidence: { text: 'Créer un guichet unique pour les porteurs de projets', figure: '12 soutiens' } });
    expect(recs.synthesis).toMatchObject({ theme: 'Solidarités territoriales', evidence: { text: 'Le groupe demande une ingénierie partagée entre territoires.' } });
    expect(recs.survey).toMatchObject({ evidence: { text: 'Mobilités du quotidien', figure: 'Rang 1 · Points 412' } });
  });

  it('refuses an idea under the threshold, an item not in the record, an unsealed session and non-organisers, in French and English', async () => {
    const below = await create({ source: { kind: 'idea', activityId: board.id, itemId: 'i2' }, minSupports: 10, title: 'Réunir les élus' }).set('Accept-Language', 'en').expect(422);
    expect(errorOf(below)).toMatchObject({ code: 'BELOW_THRESHOLD', message: 'This idea is below the support threshold.' });
    const missing = await create({ source: { kind: 'survey', activityId: survey.id, itemId: '0.9' }, title: 'Absente' }).expect(422);
    expect(errorOf(missing)).toMatchObject({ code: 'OUTCOME_ITEM_NOT_FOUND', message: "Cet élément n'est pas dans l'archive scellée." });
    const other = await t.liveSession();
    await t.http().post('/api/follow-up/recommendations').set(as(organiser)).send({ sessionId: other.session.id, source: { kind: 'idea', activityId: board.id, itemId: 'i1' }, title: 'Pas scellée' }).expect(404);
    await create({ source: { kind: 'idea', activityId: board.id, itemId: 'i1' }, title: 'Animateur' }, facilitator).expect(403);
    await create({ source: { kind: 'idea', activityId: board.id, itemId: 'i1' }, title: 'Service' }, instructorA.token).expect(403);
    // A board has no adopted amendment: the kind is known, the item is not in the record.
    expect(errorOf(await create({ source: { kind: 'amendment', activityId: board.id, itemId: 'a.1' }, title: 'Amendement' }).expect(422)).code).toBe('OUTCOME_ITEM_NOT_FOUND');
    const invalid = await create({ source: { kind: 'motion', activityId: board.id, itemId: 'm1' }, title: 'Motion' }).expect(400);
    expect(errorOf(invalid).code).toBe('VALIDATION_FAILED');
  });

  it('lets an instructing service answer only what is assigned to it', async () => {
    await t.http().patch(`/api/follow-up/recommendations/${recs.idea.id}`).set(as(organiser)).send({ assigneeId: (await t.staff('organiser')).id }).expect(422);
    await t.http().patch(`/api/follow-up/recommendations/${recs.idea.id}`).set(as(organiser)).send({ assigneeId: instructorA.id }).expect(200);
    await t.http().patch(`/api/follow-up/recommendations/${recs.survey.id}`).set(as(organiser)).send({ assigneeId: instructorB.id }).expect(200);
    const answer = { decision: 'accepted', reasons: 'Inscrit au contrat de territoire 2027.', contractRef: 'CT-2027-014', territories: ['Périmètre 1', 'Périmètre 2'] };
    const refused = await t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/response`).set(as(instructorB.token)).send(answer).expect(403);
    expect(errorOf(refused).code).toBe('NOT_ASSIGNED');
    await t.http().post(`/api/follow-up/recommendations/${recs.synthesis.id}/response`).set(as(instructorA.token)).send(answer).expect(403);
    await t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/response`).set(as(organiser)).send(answer).expect(403);
    const early = await t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/progress`).set(as(instructorA.token)).send({ date: shift(0), status: 'in_progress', percent: 10, note: 'Cahier des charges.' }).expect(409);
    expect(errorOf(early).code).toBe('NOT_ANSWERED_YET');
    const answered = (await t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/response`).set(as(instructorA.token)).send(answer).expect(200)).body as RecommendationView;
    expect(answered).toMatchObject({ response: { decision: 'accepted', reasons: answer.reasons }, status: 'planned', contractRef: 'CT-2027-014', territories: ['Périmètre 1', 'Périmètre 2'] });
    const progressed = (await t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/progress`).set(as(instructorA.token)).send({ date: shift(0), status: 'in_progress', percent: 40, note: 'Guichet ouvert à Albi.' }).expect(200)).body as RecommendationView;
    expect(progressed).toMatchObject({ status: 'in_progress', percent: 40, progress: [{ date: shift(0), status: 'in_progress', percent: 40, note: 'Guichet ouvert à Albi.' }] });
    const mine = (await t.http().get('/api/follow-up/recommendations').set(as(instructorA.token)).expect(200)).body as RecommendationView[];
    expect(mine.map((r) => r.id)).toEqual([recs.idea.id]);
    await t.http().get(`/api/follow-up/recommendations/${recs.survey.id}`).set(as(instructorA.token)).expect(404);
    expect(((await t.http().get(`/api/follow-up/recommendations?sessionId=${sessionId}`).set(as(organiser)).expect(200)).body as RecommendationView[]).length).toBe(3);
  });

  it('flags a recommendation overdue once its deadline has passed, until it is done', async () => {
    const past = (await t.http().patch(`/api/follow-up/recommendations/${recs.survey.id}`).set(as(organiser)).send({ deadline: shift(-1) }).expect(200)).body as RecommendationView;
    expect(past.overdue).toBe(true);
    const today = (await t.http().patch(`/api/follow-up/recommendations/${recs.survey.id}`).set(as(organiser)).send({ deadline: shift(0) }).expect(200)).body as RecommendationView;
    expect(today.overdue).toBe(false);
    await t.http().patch(`/api/follow-up/recommendations/${recs.survey.id}`).set(as(organiser)).send({ deadline: shift(-30) }).expect(200);
    await t.http().post(`/api/follow-up/recommendations/${recs.survey.id}/response`).set(as(instructorB.token)).send({ decision: 'partial', reasons: 'Pour les bourgs-centres seulement.' }).expect(200);
    expect(((await t.http().get(`/api/follow-up/recommendations/${recs.survey.id}`).set(as(organiser)).expect(200)).body as RecommendationView).overdue).toBe(true);
    const done = (await t.http().post(`/api/follow-up/recommendations/${recs.survey.id}/progress`).set(as(instructorB.token)).send({ date: shift(0), status: 'done', percent: 100, note: 'Réalisé.' }).expect(200)).body as RecommendationView;
    expect(done.overdue).toBe(false);
  });

  it('writes every change to the recommendation’s own audit chain and leaves the sealed archive intact', async () => {
    const links = await t.db.getRepository(AuditEvent).find({ where: { sessionId: recs.idea.id }, order: { seq: 'ASC' } });
    expect(links.map((l) => l.type)).toEqual(['recommendation.created', 'recommendation.updated', 'recommendation.answered', 'recommendation.progress']);
    expect(links[0].payload).toMatchObject({ archiveDigest: digest, source: { kind: 'idea', itemId: 'i1' } });
    expect(firstBrokenLink(links)).toBeNull();
    const verify = (await t.http().get(`/api/archive/${sessionId}/verify`).set(as(organiser)).expect(200)).body as ArchiveVerification;
    expect(verify).toMatchObject({ intact: true, problems: [] });
  });

  it('shows nothing unpublished and no personal data on the public page and feeds', async () => {
    const empty = (await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up`).expect(200)).body as PublicFollowUp;
    expect(empty.recommendations).toEqual([]);
    await t.http().patch(`/api/follow-up/recommendations/${recs.idea.id}`).set(as(organiser)).send({ published: true }).expect(200);
    await t.http().patch(`/api/follow-up/recommendations/${recs.synthesis.id}`).set(as(organiser)).send({ published: true }).expect(200);
    let page = (await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up`).expect(200)).body as PublicFollowUp;
    expect(page.recommendations.map((r) => r.title)).toEqual([recs.idea.title, recs.synthesis.title]);
    expect(page.recommendations[0].evidenceUrl).toBeNull();
    await t.http().post(`/api/archive/${sessionId}/public`).set(as(organiser)).send({ public: true }).expect(200);
    page = (await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up`).expect(200)).body as PublicFollowUp;
    expect(page.recommendations[0]).toMatchObject({
      evidenceUrl: `http://palabre.test/public/${joinCode}#section-${board.id}`,
      response: { decision: 'accepted' },
      history: [{ type: 'recommendation.created' }, { type: 'recommendation.updated' }, { type: 'recommendation.answered' }, { type: 'recommendation.progress' }, { type: 'recommendation.published' }],
    });
    expect(page.themes).toEqual(['Solidarités territoriales']);
    expect(page.territories).toEqual(['Périmètre 1', 'Périmètre 2']);
    const byTheme = (await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up`).query({ theme: 'Solidarités territoriales' }).expect(200)).body as PublicFollowUp;
    expect(byTheme.recommendations.map((r) => r.id)).toEqual([recs.synthesis.id]);
    const byTerritory = (await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up`).query({ territory: 'Périmètre 2' }).expect(200)).body as PublicFollowUp;
    expect(byTerritory.recommendations.map((r) => r.id)).toEqual([recs.idea.id]);
    const atom = await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up.atom`).buffer(true).parse(binary).expect(200);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    const feed = await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up.json`).buffer(true).parse(binary).expect(200);
    const json = JSON.parse((feed.body as Buffer).toString('utf8')) as { version: string; items: { id: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i) => i.id).sort()).toEqual([recs.idea.id, recs.synthesis.id].sort());
    const outputs = [JSON.stringify(page), (atom.body as Buffer).toString('utf8'), (feed.body as Buffer).toString('utf8')];
    for (const out of outputs) {
      expect(out).toContain(recs.idea.title);
      // Unpublished, and the people: members, staff, the instructing service's account.
      expect(out).not.toContain(recs.survey.title);
      for (const name of [...names, 'Staff instructor', instructorA.email, instructorA.id, 'Abonnee', 'abonnee@exemple.test']) expect(out).not.toContain(name);
    }
    expect((atom.body as Buffer).toString('utf8')).toContain(`<id>urn:uuid:${recs.idea.id}</id>`);
    await t.http().get('/api/public/assemblies/00000000-0000-4000-8000-000000000000/follow-up').expect(404);
  });

  it('emails the subscribed member through the SMTP server when a published recommendation changes', async () => {
    const before = mails.length;
    await t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/progress`).set(as(instructorA.token)).send({ date: shift(0), status: 'in_progress', percent: 70, note: 'Deuxième guichet.' }).expect(200);
    const received = await waitForMail(before, subjectIs('[Suivi] Avancement'));
    const mail = received.find((m) => m.subject?.startsWith('[Suivi] Avancement'));
    expect(mail).toBeDefined();
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('abonnee@exemple.test');
    expect(mail?.from?.text).toContain('suivi@palabre.test');
    expect(mail?.subject).toBe(`[Suivi] Avancement — ${recs.idea.title}`);
    expect(mail?.text).toContain('Réponse de la Région : retenue.');
    expect(mail?.text).toContain('État : en cours (70 %).');
    expect(mail?.text).toContain(`http://palabre.test/follow-up/${assemblyId}#rec-${recs.idea.id}`);
    // Publishing earlier sent one too; the unpublished one never did.
    expect(mails.some((m) => m.subject === `[Suivi] Nouvelle recommandation suivie — ${recs.idea.title}`)).toBe(true);
    expect(mails.some((m) => m.subject?.includes(recs.survey.title))).toBe(false);
  });

  it('lets a member who took part subscribe from the public page, confirmed by email, and unsubscribe from any notification without signing in', async () => {
    const ask = (body: object) => t.http().post(`/api/public/assemblies/${assemblyId}/follow-up/subscription`).send(body);
    const link = (kind: 'confirm' | 'unsubscribe', token: string) => t.http().post(`/api/public/follow-up/subscription/${kind}`).send({ token });
    const subscribed = async (email: string) => ((await t.db.query('SELECT 1 FROM follow_up_subscription WHERE assembly_id = $1 AND email = $2', [assemblyId, email])) as unknown[]).length === 1;
    const progress = (percent: number) =>
      t.http().post(`/api/follow-up/recommendations/${recs.idea.id}/progress`).set(as(instructorA.token)).send({ date: shift(0), status: 'in_progress', percent, note: `Étape ${percent}.` }).expect(200);

    // The form's consent is required; any address gets the same answer, only a member who took part gets an email.
    expect(errorOf(await ask({ email: 'membre1@exemple.test' }).expect(400)).code).toBe('VALIDATION_FAILED');
    const before = mails.length;
    expect((await ask({ email: 'inconnue@exemple.test', consent: true }).expect(202)).body).toEqual({ requested: true });
    expect((await ask({ email: 'Membre1@Exemple.test', consent: true }).expect(202)).body).toEqual({ requested: true });
    // Sent again at once: no second email (one per address and assembly in ten minutes).
    expect((await ask({ email: 'membre1@exemple.test', consent: true }).expect(202)).body).toEqual({ requested: true });
    const confirmation = (await waitForMail(before, subjectIs('[Suivi] Confirmez votre abonnement', 'membre1@exemple.test'))).find((m) => m.subject?.startsWith('[Suivi] Confirmez votre abonnement'));
    expect(toOf(confirmation)).toBe('membre1@exemple.test');
    expect(confirmation?.text).toContain('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message');
    const confirmToken = new RegExp(`http://palabre\\.test/follow-up/${assemblyId}\\?confirm=([\\w.-]+)`).exec(confirmation?.text ?? '')?.[1] ?? '';
    expect(confirmToken).not.toBe('');
    // Nothing is subscribed until the link is followed; a forged or misused link is refused, in French and English.
    expect(await subscribed('membre1@exemple.test')).toBe(false);
    const forged = `${confirmToken.startsWith('e') ? 'f' : 'e'}${confirmToken.slice(1)}`; // the signed claims changed
    expect(errorOf(await link('confirm', forged).set('Accept-Language', 'en').expect(400))).toEqual({ code: 'SUBSCRIPTION_LINK_INVALID', message: 'This link is invalid or has expired.' });
    expect(errorOf(await link('unsubscribe', confirmToken).expect(400))).toMatchObject({ code: 'SUBSCRIPTION_LINK_INVALID', message: 'Ce lien n’est pas valide ou a expiré.' });
    expect((await link('confirm', confirmToken).expect(200)).body).toEqual({ assembly: { id: assemblyId, name: expect.any(String) as unknown }, subscribed: true });
    expect(await subscribed('membre1@exemple.test')).toBe(true);
    expect(mails.some((m) => toOf(m) === 'inconnue@exemple.test')).toBe(false);

    // Every notification carries its subscriber's own unsubscribe link (and the List-Unsubscribe header).
    const sent = mails.length;
    await progress(75);
    const notices = await waitForMail(sent, (fresh) => ['membre1@exemple.test', 'abonnee@exemple.test'].every((to) => fresh.some((m) => toOf(m) === to)));
    const mine = notices.find((m) => toOf(m) === 'membre1@exemple.test');
    const other = notices.find((m) => toOf(m) === 'abonnee@exemple.test');
    const unsubscribeUrl = new RegExp(`Pour ne plus les recevoir : (http://palabre\\.test/follow-up/${assemblyId}\\?unsubscribe=([\\w.-]+))`).exec(mine?.text ?? '');
    expect(unsubscribeUrl).not.toBeNull();
    expect(mine?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n/g, '')).toBe(`List-Unsubscribe: <${unsubscribeUrl?.[1]}>`);
    expect(other?.text).toContain('?unsubscribe=');
    expect(other?.text).not.toContain(unsubscribeUrl?.[2]);
    // Followed without an account: the subscription ends (twice is harmless), the other one stays.
    expect((await link('unsubscribe', unsubscribeUrl?.[2] ?? '').expect(200)).body).toMatchObject({ assembly: { id: assemblyId }, subscribed: false });
    await link('unsubscribe', unsubscribeUrl?.[2] ?? '').expect(200);
    expect(await subscribed('membre1@exemple.test')).toBe(false);
    expect(await subscribed('abonnee@exemple.test')).toBe(true);
    // The next change reaches the other subscriber only (the subscribers are read once per change, before the first email).
    const later = mails.length;
    await progress(80);
    const next = await waitForMail(later, (fresh) => fresh.some((m) => toOf(m) === 'abonnee@exemple.test'));
    expect(next.map(toOf)).toContain('abonnee@exemple.test');
    expect(next.map(toOf)).not.toContain('membre1@exemple.test');
  });

  it('renders the quarterly progress report as PDF and DOCX with the minutes’ writers', async () => {
    const pdf = await t.http().get(`/api/follow-up/assemblies/${assemblyId}/report?format=pdf`).set(as(organiser)).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('Suivi des recommandations');
    expect(text).toContain(recs.idea.title);
    expect(text).toContain('Réponses du trimestre');
    const docx = await t.http().get(`/api/follow-up/assemblies/${assemblyId}/report?format=docx`).set(as(organiser)).buffer(true).parse(binary).expect(200);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Avancement du trimestre');
    await t.http().get(`/api/follow-up/assemblies/${assemblyId}/report`).set(as(instructorA.token)).expect(403);
  });
});
