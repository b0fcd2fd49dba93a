import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signInAsFacilitator } from './fixtures';

const TITLE = 'Session plénière — contrats territoriaux 2022-2027';

/** Clicks a whole-session export button (not the selected activity's) and reads the saved file. */
async function downloadFrom(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const group = page.getByRole('group', { name: 'Résultats et exports', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

// The whole-plenary journey (plenary.e2e.ts, which runs just before) closed and sealed the demo session.
test('the organiser opens the sealed demo session in the archive, downloads its minutes and workbook and verifies it', async ({ page }) => {
  await signInAsFacilitator(page, DEMO.organiser);
  await expect(page.getByRole('heading', { level: 1, name: 'Séances' })).toBeVisible();
  await page.goto('/staff/archive');
  await expect(page.getByRole('heading', { name: 'Archives des séances' })).toBeVisible();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  const pdf = await downloadFrom(page, /compte rendu pdf/i);
  expect(pdf.name).toMatch(/^Compte rendu — .*\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await downloadFrom(page, /tableur excel/i);
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByText(/Archive intacte/)).toBeVisible();
  await expectAccessible(page);

  // The archive is searchable by the text of its record.
  await page.goto('/staff/archive');
  await page.getByRole('searchbox', { name: /rechercher/i }).fill('introuvable-xyz');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText(/Aucune séance ne correspond/)).toBeVisible();
});
