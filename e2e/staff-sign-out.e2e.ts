import { expect, test } from '@playwright/test';
import { signInAsFacilitator } from './fixtures';

test('a facilitator signs out on a shared computer: the page forgets them and the server refuses their token', async ({ page }) => {
  await signInAsFacilitator(page);
  await expect(page.getByRole('heading', { name: 'Séances' })).toBeVisible();
  const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('palabre.staff') ?? 'null') as { token: string } | null)?.token);
  expect(token).toBeTruthy();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Espace animation' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('palabre.staff'))).toBeNull();

  // Someone who copied the token before the sign-out gets nothing with it.
  const stale = await page.request.get('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(stale.status()).toBe(401);
  expect(stale.headers()['cache-control']).toBe('no-store');
});
