import { expect, test, type Browser, type Page } from '@playwright/test';
import { BASE_URL } from './playwright.config';
import { DEMO, expectAccessible, signInAsFacilitator } from './fixtures';
import { LiveClient } from './live-client';

/**
 * Droit de suite (issue #24). Self-sufficient: the setup makes its own small sealed session through
 * the API (a board whose top idea has the most supports, a survey whose winner is a priority), so
 * it does not depend on the plenary's data; it runs in the `archive` project, after the plenary.
 */
const TITLE = `Suivi — atelier ${Date.now().toString(36)}`;
const TOP_IDEA = 'Un guichet unique pour les porteurs de projets';
const WINNER = 'Mobilités du quotidien';

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

/** A sealed session of the demo-like shape, made through the API and the live socket. */
async function sealedSession(): Promise<{ id: string; organiser: string }> {
  const { token: organiser } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.organiser);
  const session = await call<{ id: string }>('POST', '/api/sessions', { title: TITLE, date: '2026-12-03', accessMode: 'roster' }, organiser);
  const csv = ['name;email;perimeter;territoryType;category;gender', ...[1, 2, 3].map((i) => `Membre ${i} Suivi;suivi${i}-${session.id.slice(0, 8)}@exemple.test;Albi;agglomeration;citoyen;femme`)].join('\n');
  await call('POST', `/api/sessions/${session.id}/roster`, csv, organiser, 'text/csv');
  const invitations = await call<{ link: string }[]>('GET', `/api/sessions/${session.id}/invitations`, undefined, organiser);
  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'live' }, organiser);
  const staff = await LiveClient.connect((await call<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, undefined, organiser)).token);
  const members: LiveClient[] = [];
  for (const { link } of invitations) members.push(await LiveClient.connect((await call<{ token: string }>('POST', '/api/sessions/join', { invitation: link.split('/i/')[1] })).token));

  const board = await staff.send<{ id: string }>('activity.create', { kind: 'board', title: 'Faire vivre les contrats', config: { columns: [{ title: 'Animation' }] } });
  await staff.send('activity.start', { activityId: board.id });
  const top = await members[0].send<{ id: string }>('idea.post', { activityId: board.id, columnId: 'animation', title: TOP_IDEA });
  await members[1].send('idea.post', { activityId: board.id, columnId: 'animation', title: 'Réunir les élus chaque trimestre' });
  for (const m of members) await m.send('idea.support', { activityId: board.id, ideaId: top.id });
  await staff.send('activity.close', { activityId: board.id });

  const options = [WINNER, 'Accès aux soins'].map((label, i) => ({ id: `o${i}`, label }));
  const survey = await staff.send<{ id: string }>('activity.create', {
    kind: 'survey',
    title: 'Priorités des contrats',
    config: { anonymity: 'named', resultsVisibility: 'live', shuffle: false, questions: [{ type: 'single', prompt: 'Quelle priorité ?', options }] },
  });
  await staff.send('activity.start', { activityId: survey.id });
  const questions = (await staff.send<{ questions: { id: string }[] }>('survey.close', { activityId: survey.id })).questions;
  await staff.send('survey.question.open', { questionId: questions[0].id });
  for (const [i, m] of members.entries()) await m.send('ballot.cast', { questionId: questions[0].id, value: { type: 'single', optionId: i < 2 ? 'o0' : 'o1' } });
  await staff.send('survey.question.close', { questionId: questions[0].id });
  await staff.send('activity.close', { activityId: survey.id });
  [staff, ...members].forEach((c) => c.close());

  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'closed' }, organiser);
  await call('POST', `/api/sessions/${session.id}/seal`, undefined, organiser);
  await call('POST', `/api/archive/${session.id}/public`, { public: true }, organiser);
  return { id: session.id, organiser };
}

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAsFacilitator(page, who);
  return page;
}

test('an organiser turns the top idea and the winning priority into recommendations, a service answers, the public follows it to the sealed vote', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const sealed = await sealedSession();

  // The organiser draws two recommendations from the sealed record.
  await signInAsFacilitator(page, DEMO.organiser);
  await expect(page.getByRole('heading', { level: 1, name: 'Séances' })).toBeVisible();
  await page.getByRole('link', { name: 'Droit de suite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Droit de suite' })).toBeVisible();
  await page.getByLabel('Séance scellée', { exact: true }).selectOption({ label: `${TITLE} — 3 décembre 2026` });
  await page.getByLabel('Seuil de soutiens des idées', { exact: true }).fill('3');
  await page.getByRole('button', { name: `Créer une recommandation depuis « ${TOP_IDEA} »` }).click();
  await page.getByRole('button', { name: `Créer une recommandation depuis « ${WINNER} »` }).click();
  const idea = page.getByRole('article', { name: TOP_IDEA });
  await expect(idea).toBeVisible();
  await expect(page.getByRole('article', { name: WINNER })).toBeVisible();
  await expect(idea.getByText('3 soutiens')).toBeVisible();

  // Assigned to the instructing service, with territories, then published.
  await idea.getByLabel('Service instructeur', { exact: true }).selectOption({ label: 'Direction des territoires' });
  await idea.getByLabel('Territoires concernés', { exact: true }).fill('Albi, Castres');
  await idea.getByLabel('Publier sur la page de suivi', { exact: true }).check();
  await idea.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(idea.getByText(/— publiée/)).toBeVisible();

  // The service sees only what is assigned to it, and answers.
  const service = await signedIn(browser, DEMO.instructor);
  await expect(service.getByRole('heading', { level: 1, name: 'Droit de suite' })).toBeVisible();
  const assigned = service.getByRole('article', { name: TOP_IDEA });
  await expect(assigned).toBeVisible();
  await expect(service.getByRole('article', { name: WINNER })).toHaveCount(0);
  await assigned.getByLabel('Réponse', { exact: true }).selectOption({ label: 'Retenue' });
  await assigned.getByLabel('Motifs', { exact: true }).fill('Inscrit au contrat de territoire 2027.');
  await assigned.getByLabel('Référence du contrat territorial', { exact: true }).fill('CT-2027-014');
  await assigned.getByRole('button', { name: 'Publier la réponse' }).click();
  await expect(assigned.getByText(/Programmée — 0 % réalisé — Retenue/)).toBeVisible();
  await assigned.getByLabel('Avancement (%)', { exact: true }).fill('40');
  await assigned.getByLabel('Ce qui a été fait', { exact: true }).fill('Guichet ouvert à Albi.');
  await assigned.getByRole('button', { name: 'Ajouter le point d’avancement' }).click();
  await expect(assigned.getByText(/En cours — 40 % réalisé/)).toBeVisible();
  await expectAccessible(service);

  // Anyone, on a phone: the answer, the progress and the link to the sealed vote.
  const href = await idea.getByRole('link', { name: 'Page publique' }).getAttribute('href');
  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' })).newPage();
  await phone.goto(href!);
  await expect(phone.getByRole('heading', { level: 1, name: 'Suivi des recommandations' })).toBeVisible();
  const card = phone.getByRole('article', { name: TOP_IDEA });
  await expect(card.getByText('Inscrit au contrat de territoire 2027.')).toBeVisible();
  await expect(card.getByText('Contrat territorial : CT-2027-014')).toBeVisible();
  await expect(card.getByText(/Guichet ouvert à Albi/)).toBeVisible();
  await expect(phone.getByRole('article', { name: WINNER })).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(phone);
  await phone.getByLabel('Territoire', { exact: true }).selectOption({ label: 'Castres' });
  await expect(phone.getByText('1 recommandation')).toBeVisible();
  await card.getByRole('link', { name: 'Voir le vote ou les soutiens scellés' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  // The link lands on the board's section of the sealed record: the idea and its supports.
  await expect(phone).toHaveURL(/\/public\/[A-Z0-9]+#section-[0-9a-f-]{36}$/);
  await expect(phone.getByRole('region', { name: 'Faire vivre les contrats' }).getByRole('row', { name: `${TOP_IDEA} 3` })).toBeVisible();

  // The archive of the session still verifies.
  const verify = await call<{ intact: boolean }>('GET', `/api/archive/${sealed.id}/verify`, undefined, sealed.organiser);
  expect(verify.intact).toBe(true);
});
