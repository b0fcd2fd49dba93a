import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInAsFacilitator } from './fixtures';

test('the demo facilitator sees présents / attendus and adds a column to the demo board', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: /contrats territoriaux/ }).first().click();

  const participants = page.getByRole('region', { name: 'Participants et présences' });
  await expect(participants.getByText(/présents \/ \d+ attendus|pas de liste de membres attendus/)).toBeVisible();
  await participants.getByLabel(/Quorum/).fill('50');
  await participants.getByRole('button', { name: 'Enregistrer le quorum' }).click();
  await expect(participants.getByText(/Quorum : 50 % des membres présents — Quorum non atteint\./)).toBeVisible();

  // The moderation queue gathers every board and Q&A: the demo's newest ideas (group boards included) are there.
  const queue = page.getByRole('region', { name: 'File de modération' });
  await expect(queue.getByRole('heading', { name: /En attente de validation \(\d+\)/ })).toBeVisible();
  const recent = queue.getByRole('region', { name: 'Dernières publications' });
  await expect(recent.getByText(/^Idée · /).first()).toBeVisible();
  await expect(recent.getByRole('button', { name: /^Épingler : « / }).first()).toBeVisible();

  await page.getByRole('link', { name: /Atelier 2 — Comment faire vivre/ }).click();
  await expect(page.getByRole('heading', { name: 'Idées publiées' })).toBeVisible();
  await page.getByText('Réglages du tableau (colonnes, soutiens, modération)').click();
  const settings = page.getByRole('form', { name: 'Réglages du tableau' });
  await settings.getByLabel('Nouvelle colonne').fill('Prochaines étapes');
  await settings.getByRole('button', { name: 'Ajouter la colonne' }).click();
  await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(settings.getByText('Réglages enregistrés.')).toBeVisible();
  await expect(settings.getByLabel('Titre de la colonne 5')).toHaveValue('Prochaines étapes');

  // Scoped to the console's own panels (the shell has its own findings, tracked elsewhere).
  const axe = await new AxeBuilder({ page }).include('.participants-panel').include('.moderation-queue').include('.board-settings').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
