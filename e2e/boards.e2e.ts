import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, phone, projectOnScreen, signInAsFacilitator, openProjector } from './fixtures';

const FIRST = 'Un observatoire partagé des contrats';
const SECOND = 'Observatoire territorial des contrats';

async function joinAs(page: Page, name: string): Promise<void> {
  await page.goto(`/join/${DEMO.joinCode}`);
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  // The demo's working groups have started: the member opens workshop 2 from the agenda.
  await page.getByRole('link', { name: /Atelier 2/ }).click();
  await expect(page.getByRole('heading', { name: 'Proposer une idée' })).toBeVisible();
}

async function postIdea(page: Page, title: string): Promise<void> {
  await page.getByLabel("Titre de l'idée").fill(title);
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

function card(page: Page, title: string) {
  return page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });
}

test('two members post, one supports, the facilitator merges, the projector shows the merged card with the combined supports', async ({ browser }) => {
  // Four browser contexts and an axe pass on a busy two-core machine.
  test.setTimeout(240_000);
  const ana = await phone(browser);
  const bruno = await phone(browser);
  await joinAs(ana.page, 'Ana Lopez');
  await joinAs(bruno.page, 'Bruno Marty');

  const staffContext = await browser.newContext({ locale: 'fr-FR' });
  const staff = await staffContext.newPage();
  await signInAsFacilitator(staff);
  await staff.getByRole('link', { name: /contrats territoriaux/ }).first().click();
  // The facilitator puts workshop 2 on the projector.
  await projectOnScreen(staff, 'Activité en cours', 'Atelier 2 — Comment faire vivre ces démarches contractuelles ?');

  const screenContext = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'fr-FR' });
  const screen = await screenContext.newPage();
  await openProjector(screen, DEMO.joinCode);
  await expect(screen.getByRole('heading', { name: 'Gouvernance' })).toBeVisible();

  await postIdea(ana.page, FIRST);
  await postIdea(bruno.page, SECOND);
  // Live: each phone sees the other's idea without reloading.
  await expect(ana.page.getByRole('heading', { name: SECOND })).toBeVisible();
  await expect(bruno.page.getByRole('heading', { name: FIRST })).toBeVisible();

  // Ana supports Bruno's idea; Bruno supports both (he must count once after the merge).
  await card(ana.page, SECOND).getByRole('button', { name: 'Je soutiens' }).click();
  await expect(card(ana.page, SECOND).getByRole('button', { name: 'Je soutiens' })).toHaveAttribute('aria-pressed', 'true');
  await card(bruno.page, FIRST).getByRole('button', { name: 'Je soutiens' }).click();
  await expect(card(bruno.page, FIRST).getByRole('button', { name: 'Je soutiens' })).toHaveAttribute('aria-pressed', 'true');
  await card(bruno.page, SECOND).getByRole('button', { name: 'Je soutiens' }).click();
  await expect(card(bruno.page, SECOND).getByText('2 soutiens')).toBeVisible();
  // Scoped to the board: the shell's language switch has its own axe finding (reported to the lead).
  const axe = await new AxeBuilder({ page: ana.page }).include('.board').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await staff.getByRole('link', { name: /Atelier 2/ }).first().click();
  await expect(staff.getByRole('heading', { name: 'Idées publiées' })).toBeVisible();
  await staff.getByRole('button', { name: 'Fusionner des doublons' }).click();
  const dialog = staff.getByRole('dialog', { name: 'Fusionner des idées' });
  await dialog.getByLabel('Idée conservée').selectOption({ label: FIRST });
  await dialog.getByLabel(SECOND).check();
  await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The projector: one card for the merged idea, its supports combined without double-counting Bruno.
  // A column longer than the screen shows its cards a page at a time (12 s each): the card may be on the next page.
  const merged = screen.locator('article', { hasText: FIRST });
  await expect(merged.getByText('2 soutiens')).toBeVisible({ timeout: 30_000 });
  await expect(merged.getByText(`Fusion de « ${SECOND} »`)).toBeVisible({ timeout: 30_000 });
  await expect(screen.locator('article', { has: screen.getByText(SECOND, { exact: true }) })).toHaveCount(0);
  // The phones follow, and the original stays viewable in the trail.
  await expect(card(ana.page, FIRST).getByText(`Fusion de « ${SECOND} »`)).toBeVisible();
  await expect(card(ana.page, FIRST).getByText('2 soutiens')).toBeVisible();

  for (const c of [ana.context, bruno.context, screenContext, staffContext]) await c.close();
});
