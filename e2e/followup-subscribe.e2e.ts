import { expect, test } from '@playwright/test';
import { BASE_URL } from './playwright.config';
import { DEMO, expectAccessible } from './fixtures';
import { LiveClient } from './live-client';
import { waitForMail } from './mailbox';

/**
 * Droit de suite, notifications (issue #24): a member who took part subscribes from the public
 * follow-up page, confirms from the email, then ends the subscription from the link of a
 * notification, never signing in. Emails go through the real SMTP server e2e/serve.mjs starts.
 * Self-sufficient (its own small sealed session, assembly and recommendation, made through the
 * API), so it runs in the `chromium` project and leaves the demo alone.
 */
const STAMP = Date.now().toString(36);
const EMAIL = `abonnee-${STAMP}@exemple.test`;
const IDEA = `Un transport à la demande dans les bourgs ${STAMP}`;

async function call<T>(method: string, path: string, body?: unknown, token?: string, type = 'application/json'): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A sealed session whose members joined from their invitation, and a published recommendation from its idea. */
async function publishedRecommendation(): Promise<{ assemblyId: string; recommendationId: string }> {
  const { token: organiser } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.organiser);
  const session = await call<{ id: string }>('POST', '/api/sessions', { title: `Suivi par courriel ${STAMP}`, date: '2026-12-03', accessMode: 'roster' }, organiser);
  const csv = ['name;email;perimeter;territoryType;category;gender', `Abonnée ${STAMP};${EMAIL};Albi;agglomeration;citoyen;femme`, `Voisin ${STAMP};voisin-${STAMP}@exemple.test;Castres;agglomeration;elu;homme`].join('\n');
  await call('POST', `/api/sessions/${session.id}/roster`, csv, organiser, 'text/csv');
  const invitations = await call<{ link: string }[]>('GET', `/api/sessions/${session.id}/invitations`, undefined, organiser);
  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'live' }, organiser);
  const staff = await LiveClient.connect((await call<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, undefined, organiser)).token);
  const members: LiveClient[] = [];
  for (const { link } of invitations) members.push(await LiveClient.connect((await call<{ token: string }>('POST', '/api/sessions/join', { invitation: link.split('/i/')[1] })).token));
  const board = await staff.send<{ id: string }>('activity.create', { kind: 'board', title: 'Mobilités', config: { columns: [{ title: 'Idées' }] } });
  await staff.send('activity.start', { activityId: board.id });
  const idea = await members[0].send<{ id: string }>('idea.post', { activityId: board.id, columnId: 'idees', title: IDEA });
  await members[1].send('idea.support', { activityId: board.id, ideaId: idea.id });
  await staff.send('activity.close', { activityId: board.id });
  [staff, ...members].forEach((c) => c.close());
  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'closed' }, organiser);
  await call('POST', `/api/sessions/${session.id}/seal`, undefined, organiser);

  const candidates = await call<{ ref: unknown; evidence: { text: string } }[]>('GET', `/api/follow-up/sessions/${session.id}/candidates?minSupports=1`, undefined, organiser);
  const source = candidates.find((c) => c.evidence.text === IDEA)?.ref;
  const instructors = await call<{ id: string; displayName: string }[]>('GET', '/api/follow-up/instructors', undefined, organiser);
  const assigneeId = instructors.find((a) => a.displayName === 'Direction des territoires')?.id;
  const rec = await call<{ id: string; assemblyId: string }>('POST', '/api/follow-up/recommendations', { sessionId: session.id, source, title: IDEA, assigneeId }, organiser);
  await call('PATCH', `/api/follow-up/recommendations/${rec.id}`, { published: true }, organiser);
  return { assemblyId: rec.assemblyId, recommendationId: rec.id };
}

test('a member subscribes from the public page, confirms by email, and unsubscribes from a notification without signing in', async ({ browser }) => {
  test.setTimeout(60_000);
  const { assemblyId, recommendationId } = await publishedRecommendation();

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  const phone = await context.newPage();
  await phone.goto(`/follow-up/${assemblyId}`);
  await expect(phone.getByRole('article', { name: IDEA })).toBeVisible();
  await phone.getByRole('link', { name: 'Recevoir les avis par courriel' }).click();
  const form = phone.getByRole('form', { name: 'Recevoir les avis par courriel' });
  await form.getByLabel('Votre adresse électronique (celle de votre invitation)').fill(EMAIL.toUpperCase());
  await form.getByRole('checkbox', { name: /J’accepte que la Région m’écrive à cette adresse/ }).check();
  await form.getByRole('button', { name: 'M’abonner' }).click();
  await expect(form.getByRole('status')).toContainText('un courriel vient d’y être envoyé');
  await expectAccessible(phone);

  // The confirmation email's link opens the page; one button confirms.
  const confirm = await waitForMail(EMAIL, new RegExp(`${BASE_URL}/follow-up/${assemblyId}\\?confirm=[\\w.-]+`));
  await phone.goto(confirm[0]);
  await phone.getByRole('button', { name: 'Confirmer mon abonnement' }).click();
  await expect(phone.getByText('Abonnement confirmé. Vous recevrez les avis de l’assemblée :')).toBeVisible();

  // The Region answers: the notification carries the subscriber's own unsubscribe link.
  const { token: service } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.instructor);
  await call('POST', `/api/follow-up/recommendations/${recommendationId}/response`, { decision: 'accepted', reasons: 'Expérimentation en 2027.' }, service);
  const unsubscribe = await waitForMail(EMAIL, new RegExp(`Pour ne plus les recevoir : (${BASE_URL}/follow-up/${assemblyId}\\?unsubscribe=[\\w.-]+)`));
  const other = await browser.newContext({ locale: 'fr-FR' });
  const mailLink = await other.newPage();
  await mailLink.goto(unsubscribe[1]);
  await mailLink.getByRole('button', { name: 'Me désabonner' }).click();
  await expect(mailLink.getByText(/Vous êtes désabonné·e/)).toBeVisible();
  await expectAccessible(mailLink);
  await Promise.all([context.close(), other.close()]);
});
