import { expect, test, type Browser, type Page } from '@playwright/test';
import type { OutcomeCandidate } from '@palabre/contracts';
import { BASE_URL } from './playwright.config';
import { DEMO, expectAccessible, signInAsFacilitator } from './fixtures';

/**
 * Droit de suite (issue #24) on the demo plenary itself. It runs in the `archive` project, after
 * the `plenary` project in the same half of the journeys (playwright.config.ts: both are in the
 * first half, the second holds neither), so the demo plenary is the one plenary.e2e.ts just closed
 * and sealed: its top idea is the board idea with the most supports, and its adopted priority is
 * the first line of the 100-points question the plenary voted (« Accès aux soins », 160 points).
 * The seeded June plenary's recommendations (followup.demo.ts) are on the same page; names are
 * matched exactly so they do not get in the way.
 */
const TITLE = 'Session plénière — contrats territoriaux 2022-2027';
const WORKSHOP_1 = 'Atelier 1 — priorités des contrats territoriaux';
const POINTS = 'Quels types de projets souhaitez-vous voir financés ? Répartissez 100 points.';

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The sealed demo plenary and, from its sealed record, its top idea and adopted priority. */
async function sealedDemoPlenary(): Promise<{ id: string; organiser: string; topIdea: OutcomeCandidate; priority: OutcomeCandidate }> {
  const { token: organiser } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.organiser);
  const sessions = await call<{ id: string; joinCode: string; state: string }[]>('GET', '/api/sessions', undefined, organiser);
  const plenary = sessions.find((s) => s.joinCode === DEMO.joinCode);
  expect(plenary?.state).toBe('archived');
  const candidates = await call<OutcomeCandidate[]>('GET', `/api/follow-up/sessions/${plenary!.id}/candidates?minSupports=1`, undefined, organiser);
  const ideas = candidates.filter((c) => c.ref.kind === 'idea').sort((a, b) => (b.supports ?? 0) - (a.supports ?? 0));
  const priority = candidates.find((c) => c.ref.kind === 'survey' && c.evidence.sectionTitle === `${WORKSHOP_1} — ${POINTS}` && c.ref.itemId.endsWith('.0'));
  expect(priority?.evidence.text).toBe('Accès aux soins');
  // The results page of the sealed session is what the follow-up links to: the organisers publish it.
  await call('POST', `/api/archive/${plenary!.id}/public`, { public: true }, organiser);
  return { id: plenary!.id, organiser, topIdea: ideas[0], priority: priority! };
}

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAsFacilitator(page, who);
  return page;
}

test('an organiser turns the demo plenary’s top idea and adopted priority into recommendations, a service answers, the public follows it to the sealed vote', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const sealed = await sealedDemoPlenary();
  const TOP_IDEA = sealed.topIdea.evidence.text;
  const WINNER = sealed.priority.evidence.text;
  const supports = sealed.topIdea.supports ?? 0;

  // The organiser draws two recommendations from the sealed record.
  await signInAsFacilitator(page, DEMO.organiser);
  await expect(page.getByRole('heading', { level: 1, name: 'Séances' })).toBeVisible();
  await page.getByRole('link', { name: 'Droit de suite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Droit de suite' })).toBeVisible();
  await page.getByLabel('Séance scellée', { exact: true }).selectOption({ label: `${TITLE} — 3 décembre 2026` });
  await page.getByLabel('Seuil de soutiens des idées', { exact: true }).fill(String(supports));
  await page.getByRole('button', { name: `Créer une recommandation depuis « ${TOP_IDEA} »`, exact: true }).click();
  await page.getByRole('button', { name: `Créer une recommandation depuis « ${WINNER} »`, exact: true }).click();
  const idea = page.getByRole('article', { name: TOP_IDEA, exact: true });
  await expect(idea).toBeVisible();
  await expect(page.getByRole('article', { name: WINNER, exact: true })).toBeVisible();
  await expect(idea.getByText(`${supports} soutiens`)).toBeVisible();

  // Assigned to the instructing service, with territories, then published.
  await idea.getByLabel('Service instructeur', { exact: true }).selectOption({ label: 'Direction des territoires' });
  await idea.getByLabel('Territoires concernés', { exact: true }).fill('Albi, Castres');
  await idea.getByLabel('Publier sur la page de suivi', { exact: true }).check();
  await idea.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(idea.getByText(/— publiée/)).toBeVisible();

  // The service sees only what is assigned to it (here, besides the June plenary's), and answers.
  const service = await signedIn(browser, DEMO.instructor);
  await expect(service.getByRole('heading', { level: 1, name: 'Droit de suite' })).toBeVisible();
  const assigned = service.getByRole('article', { name: TOP_IDEA, exact: true });
  await expect(assigned).toBeVisible();
  await expect(service.getByRole('article', { name: WINNER, exact: true })).toHaveCount(0);
  await assigned.getByLabel('Réponse', { exact: true }).selectOption({ label: 'Retenue' });
  await assigned.getByLabel('Motifs', { exact: true }).fill('Inscrit au contrat de territoire 2027.');
  await assigned.getByLabel('Référence du contrat territorial', { exact: true }).fill('CT-2027-021');
  await assigned.getByRole('button', { name: 'Publier la réponse' }).click();
  await expect(assigned.getByText(/Programmée — 0 % réalisé — Retenue/)).toBeVisible();
  await assigned.getByLabel('Avancement (%)', { exact: true }).fill('40');
  await assigned.getByLabel('Ce qui a été fait', { exact: true }).fill('Premier appel à candidatures lancé à Albi.');
  await assigned.getByRole('button', { name: 'Ajouter le point d’avancement' }).click();
  await expect(assigned.getByText(/En cours — 40 % réalisé/)).toBeVisible();
  await expectAccessible(service);

  // Anyone, on a phone: the answer, the progress and the link to the sealed vote.
  const href = await idea.getByRole('link', { name: 'Page publique' }).getAttribute('href');
  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' })).newPage();
  await phone.goto(href!);
  await expect(phone.getByRole('heading', { level: 1, name: 'Suivi des recommandations' })).toBeVisible();
  const card = phone.getByRole('article', { name: TOP_IDEA, exact: true });
  await expect(card.getByText('Inscrit au contrat de territoire 2027.')).toBeVisible();
  await expect(card.getByText('Contrat territorial : CT-2027-021')).toBeVisible();
  await expect(card.getByText(/Premier appel à candidatures lancé à Albi/)).toBeVisible();
  await expect(phone.getByRole('article', { name: WINNER, exact: true })).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(phone);
  await phone.getByLabel('Territoire', { exact: true }).selectOption({ label: 'Castres' });
  await expect(phone.getByText('1 recommandation')).toBeVisible();
  await card.getByRole('link', { name: 'Voir le vote ou les soutiens scellés' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  // The link lands on the board's section of the sealed record: the idea and its supports.
  await expect(phone).toHaveURL(new RegExp(`/public/${DEMO.joinCode}#section-${sealed.topIdea.ref.activityId}$`));
  await expect(phone.getByRole('row', { name: `${TOP_IDEA} ${supports}`, exact: true })).toBeVisible();

  // The archive of the session still verifies.
  const verify = await call<{ intact: boolean }>('GET', `/api/archive/${sealed.id}/verify`, undefined, sealed.organiser);
  expect(verify.intact).toBe(true);
});
