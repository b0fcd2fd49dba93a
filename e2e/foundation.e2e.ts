import { expect, test } from '@playwright/test';
import { DEMO, phone, signInAsFacilitator } from './fixtures';

// The foundation journey: the facilitator opens the demo session's console, a member joins on
// their phone with the code, and the facilitator sees them appear without reloading.
test('a facilitator sees a member who joined by code appear live', async ({ page, browser }) => {
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: /contrats territoriaux/i }).first().click();
  await expect(page).toHaveURL(/\/staff\/sessions\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/contrats territoriaux/i);

  const name = `Maïwenn Le Gall ${Date.now() % 10_000}`;
  // The console's "who is online" panel (a region named by its heading: "N personnes connectées").
  const online = page.getByRole('region', { name: /connectée?s?/i });
  await expect(online).toBeVisible();
  await expect(online.getByText(name)).toHaveCount(0);

  const member = await phone(browser);
  await member.page.goto(`/join/${DEMO.joinCode}`);
  await member.page.getByLabel(/votre nom/i).fill(name);
  await member.page.getByRole('button', { name: /rejoindre/i }).click();
  await expect(member.page).toHaveURL(/\/s\/[0-9a-f-]{36}/);
  await expect(member.page.getByRole('heading', { level: 1 })).toContainText(/contrats territoriaux/i);

  // Presence reaches staff within the coalescing interval (one update per second).
  await expect(online.getByText(name)).toBeVisible({ timeout: 10_000 });
  await member.context.close();
});

test('the API documentation page opens in the browser without breaking the Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 1, name: 'Palabre API' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'POST /api/sessions/join' })).toBeVisible();
  await page.getByRole('link', { name: /openapi\.json/i }).click();
  await expect(page.getByText('"openapi":"3.1.0"')).toBeVisible();
  expect(violations).toEqual([]);
});
