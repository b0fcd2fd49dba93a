import { expect, test, type Page } from '@playwright/test';
import { DEMO, openProjector, phone, signInAsFacilitator } from './fixtures';

const TITLE = 'Session plénière — contrats territoriaux 2022-2027';

/** The participant this phone holds for the demo session (id and name), read from its storage. */
async function heldParticipant(page: Page): Promise<{ id: string; displayName: string }> {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith('palabre.participant.')) return JSON.parse(localStorage.getItem(key) ?? '{}').participant;
    }
    throw new Error('no participant held');
  });
}

async function openConsole(page: Page): Promise<void> {
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

// One person, one voice: a member who opens the join link, the QR code or the home page again
// is the same participant, not a new one.
test('a member re-opens the join link and the QR link and resumes as the same participant', async ({ browser }) => {
  const name = `Alice Martin ${Date.now() % 100_000}`;
  const { page } = await phone(browser);
  await page.goto(`/join/${DEMO.joinCode}`);
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page).toHaveURL(/\/s\/[0-9a-f-]{36}$/);
  const first = await heldParticipant(page);
  const sessionUrl = page.url();

  // The join link again: « Vous êtes … — continuer / ce n'est pas moi », no blank form.
  await page.goto(`/join/${DEMO.joinCode}`);
  await expect(page.getByRole('heading', { name: `Vous êtes ${name}` })).toBeVisible();
  await expect(page.getByLabel('Votre nom')).toHaveCount(0);
  await page.getByRole('link', { name: 'Continuer' }).click();
  await expect(page).toHaveURL(sessionUrl);
  expect((await heldParticipant(page)).id).toBe(first.id);

  // The projector's QR code encodes the session's join link (features/session/links.ts: joinLink), scanned here.
  const projector = await browser.newPage();
  await openProjector(projector, DEMO.joinCode);
  await expect(projector.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const qrLink = await projector.evaluate((code) => `${window.location.origin}/join/${encodeURIComponent(code)}`, DEMO.joinCode);
  await page.goto(qrLink);
  await page.getByRole('link', { name: 'Continuer' }).click();
  await expect(page).toHaveURL(sessionUrl);

  // The home page offers it too.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Vous êtes ${name}` })).toBeVisible();

  // « Ce n'est pas moi » forgets it here; typing the same name again from this browser is still the same person.
  await page.goto(`/join/${DEMO.joinCode}`);
  await page.getByRole('button', { name: "Ce n'est pas moi" }).click();
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page).toHaveURL(sessionUrl);
  expect((await heldParticipant(page)).id).toBe(first.id);
});

test('a second browser joining under the same roster name is flagged in the console, which confirms the first', async ({ browser }) => {
  const staffContext = await browser.newContext({ viewport: { width: 1366, height: 1024 }, locale: 'fr-FR' });
  const staff = await staffContext.newPage();
  await openConsole(staff);
  const duplicates = staff.getByRole('region', { name: /Doublons possibles/ });

  // The first phone picks its name from the members' list.
  const one = await phone(browser);
  await one.page.goto(`/join/${DEMO.joinCode}`);
  const list = one.page.getByLabel('Inscrit sur la liste des membres ? Choisissez-vous (facultatif)');
  const picked = (await list.locator('option').nth(7).textContent()) ?? '';
  await list.selectOption({ index: 7 });
  const name = await one.page.getByLabel('Votre nom').inputValue();
  expect(picked.startsWith(name)).toBe(true);
  await one.page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(one.page).toHaveURL(/\/s\//);
  await expect(duplicates.getByRole('button', { name: `Confirmer que ${name} est bien ce membre` }).first()).toBeVisible();

  // A second browser types the same name.
  const two = await phone(browser);
  await two.page.goto(`/join/${DEMO.joinCode}`);
  await two.page.getByLabel('Votre nom').fill(name);
  await two.page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(two.page).toHaveURL(/\/s\//);

  const sameName = duplicates.locator('.duplicate-group').filter({ has: staff.getByRole('heading', { name: /^Même nom/ }) }).filter({ hasText: name });
  await expect(sameName.getByRole('listitem')).toHaveCount(2);

  // The facilitator confirms the first (the one who picked the name) and removes the second.
  // The first appears twice: under « Même nom » and under the roster name to confirm.
  await duplicates.getByRole('button', { name: `Confirmer que ${name} est bien ce membre` }).first().click();
  await expect(duplicates.getByRole('button', { name: `Confirmer que ${name} est bien ce membre` })).toHaveCount(0);
  await sameName.getByRole('button', { name: `Retirer ${name}` }).last().click();
  await expect(sameName).toHaveCount(0);
  const me = await heldParticipant(one.page);
  expect(me.displayName).toBe(name);
});

test('a projector shows a pairing code that a facilitator approves in the console', async ({ browser }) => {
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await projector.goto(`/screen/${DEMO.joinCode}`);
  await expect(projector.getByRole('heading', { name: 'Associer cet écran à la séance' })).toBeVisible();
  const code = (await projector.getByLabel("Code d'association de l'écran").textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

  const staff = await browser.newPage({ viewport: { width: 1366, height: 1024 } });
  await openConsole(staff);
  const screens = staff.getByRole('region', { name: 'Écrans' });
  await screens.getByLabel("Code affiché sur l'écran").fill(code.replace('-', '').toLowerCase());
  await screens.getByRole('button', { name: "Associer l'écran" }).click();
  await expect(screens.getByText('Écran associé : il affiche la séance.')).toBeVisible();

  await expect(projector.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 15_000 });
  // Paired for good: a reload keeps the screen token.
  await projector.reload();
  await expect(projector.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
});
