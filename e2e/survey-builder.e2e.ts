import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInAsFacilitator } from './fixtures';

// The demo facilitator builds a survey from the console: a new survey activity, then a ranking
// question with three options written one per line; it shows up in the builder's question list.
test('the facilitator adds a ranking question to a new survey from the console', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Questionnaire ${Date.now() % 100_000}`;
  const prompt = 'Quelles priorités pour les contrats territoriaux ?';
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: /contrats territoriaux/i }).first().click();
  await expect(page).toHaveURL(/\/staff\/sessions\/[0-9a-f-]{36}/);

  await page.getByLabel("Type d'activité").selectOption('survey');
  await page.getByLabel("Titre de l'activité").fill(title);
  await page.getByRole('button', { name: 'Ajouter au programme' }).click();
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

  // On a 360 px phone the builder still passes axe (scoped: the rest of the console is not ours).
  await page.setViewportSize({ width: 360, height: 740 });
  await form.getByLabel('Type de question').selectOption({ label: 'Échelle' });
  const axe = await new AxeBuilder({ page }).include('.survey-builder').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const width = await page.locator('.survey-builder').evaluate((el) => el.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});
