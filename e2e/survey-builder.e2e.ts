import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsFacilitator } from './fixtures';

/** Signs in as the demo facilitator, opens the demo session's console and adds a survey to its agenda. */
async function addSurveyToDemoAgenda(page: Page, title: string): Promise<void> {
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: /contrats territoriaux/i }).first().click();
  await expect(page).toHaveURL(/\/staff\/sessions\/[0-9a-f-]{36}/);
  await page.getByLabel("Type d'activité").selectOption('survey');
  await page.getByLabel("Titre de l'activité").fill(title);
  await page.getByRole('button', { name: 'Ajouter au programme' }).click();
}

// The demo facilitator builds a survey from the console: a new survey activity, then a ranking
// question with three options written one per line; it shows up in the builder's question list.
test('the facilitator adds a ranking question to a new survey from the console', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Questionnaire ${Date.now() % 100_000}`;
  const prompt = 'Quelles priorités pour les contrats territoriaux ?';
  await addSurveyToDemoAgenda(page, title);
  await page.getByRole('link', { name: new RegExp(title) }).first().click();

  const form = page.getByRole('form', { name: 'Ajouter une question' });
  await form.getByLabel('Type de question').selectOption({ label: 'Classement' });
  await form.getByLabel('Intitulé de la question').fill(prompt);
  // Empty options first: the French message shows and nothing is sent.
  await form.getByRole('button', { name: 'Ajouter la question' }).click();
  await expect(form.getByText('Indiquez entre 2 et 30 options, une par ligne.')).toBeVisible();
  await form.getByLabel('Options de réponse').fill('Mobilités du quotidien\nLogement\nTransition énergétique');
  await form.getByLabel('Nombre de choix à classer').fill('2');
  await form.getByRole('button', { name: 'Ajouter la question' }).click();
  await expect(form.getByText(`Question ajoutée : « ${prompt} »`)).toBeVisible({ timeout: 15_000 });

  const list = page.getByRole('list', { name: 'Questions du questionnaire' });
  await expect(list.getByText(prompt)).toBeVisible({ timeout: 15_000 });
  await expect(list.getByText('Classement · Brouillon')).toBeVisible();
  await expect(page.getByRole('button', { name: `Supprimer la question « ${prompt} »` })).toBeVisible();
  // The draft's options are reordered with buttons; the server's copy comes back in the new order.
  await list.getByText('Ordre des options').click();
  await page.getByRole('button', { name: 'Descendre l’option « Mobilités du quotidien » (actuellement en position 1)' }).click();
  await expect(page.getByRole('button', { name: 'Monter l’option « Mobilités du quotidien » (actuellement en position 2)' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('list', { name: `Options de « ${prompt} »` }).getByRole('listitem').first()).toContainText('Logement');

  // On a 360 px phone the builder still passes axe (scoped: the rest of the console is not ours).
  await page.setViewportSize({ width: 360, height: 740 });
  await form.getByLabel('Type de question').selectOption({ label: 'Échelle' });
  const axe = await new AxeBuilder({ page }).include('.survey-builder').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const width = await page.locator('.survey-builder').evaluate((el) => el.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

// The facilitator duplicates a survey (the copy appears in the agenda at once), saves it as a
// template, then starts a new survey from that template: settings and questions come along.
test('the facilitator duplicates a survey, saves it as a template and starts a survey from it', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100_000;
  const title = `Consultation ${stamp}`;
  const template = `Modèle ${stamp}`;
  const prompt = 'Faut-il prolonger les contrats territoriaux ?';
  await addSurveyToDemoAgenda(page, title);
  const agenda = page.getByRole('navigation', { name: 'Programme' });
  await agenda.getByRole('link', { name: new RegExp(title) }).first().click();
  const form = page.getByRole('form', { name: 'Ajouter une question' });
  await form.getByLabel('Type de question').selectOption({ label: 'Oui / non / abstention' });
  await form.getByLabel('Intitulé de la question').fill(prompt);
  await form.getByRole('button', { name: 'Ajouter la question' }).click();
  await expect(page.getByRole('list', { name: 'Questions du questionnaire' }).getByText(prompt)).toBeVisible({ timeout: 15_000 });

  // Duplicate: the copy is announced with a link and shows up in the agenda through the live event.
  await page.getByRole('button', { name: 'Dupliquer le questionnaire' }).click();
  await expect(page.getByText(`Copie créée au programme : « ${title} (copie) ».`)).toBeVisible({ timeout: 15_000 });
  await expect(agenda.getByRole('link', { name: new RegExp(`${title} \\(copie\\)`) })).toBeVisible();
  await page.getByRole('link', { name: `Ouvrir la copie « ${title} (copie) »` }).click();
  await expect(page.getByRole('heading', { name: `${title} (copie)`, exact: true })).toBeVisible();
  const copied = page.getByRole('list', { name: 'Questions du questionnaire' });
  await expect(copied.getByText(prompt)).toBeVisible();
  await expect(copied.getByText('Oui / non / abstention · Brouillon')).toBeVisible();

  // Save the copy as a template under a name of our own.
  await page.getByLabel('Nom du modèle').fill(template);
  await page.getByRole('button', { name: 'Enregistrer comme modèle' }).click();
  await expect(page.getByText(`Modèle « ${template} » enregistré`)).toBeVisible({ timeout: 15_000 });
  const axe = await new AxeBuilder({ page }).include('.survey-copy').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A new survey from the template: its name becomes the title, its question comes as a draft.
  await page.getByLabel("Type d'activité").selectOption('survey');
  await page.getByLabel('Partir d’un modèle').selectOption({ label: `${template} · 1 question` });
  await expect(page.getByLabel("Titre de l'activité")).toHaveValue(template);
  await page.getByRole('button', { name: 'Ajouter au programme' }).click();
  await agenda.getByRole('link', { name: new RegExp(template) }).click();
  await expect(page.getByRole('heading', { name: template, exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Questions du questionnaire' }).getByText(prompt)).toBeVisible({ timeout: 15_000 });
});
