import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, phone, projectOnScreen, signInAsFacilitator, openProjector } from './fixtures';

const PROMPT = /Sur quels thèmes les contrats territoriaux/;

// Workshop 1 of the demo plenary: the facilitator opens the ranking question, two members rank
// on their phones (tap an option, then its place), the projector shows the Borda tally
// live, then the facilitator closes and publishes, and reads the territorial breakdown.
test('a ranking question: open, two phones vote, the projector follows, close and publish', async ({ page, browser }) => {
  // Five browser pages on a shared two-core machine.
  test.setTimeout(240_000);
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: /contrats territoriaux/i }).first().click();
  await expect(page).toHaveURL(/\/staff\/sessions\/[0-9a-f-]{36}/);
  // The facilitator puts workshop 1 on the projector (the demo's working groups have started since).
  await projectOnScreen(page, 'Activité en cours', 'Atelier 1 — priorités des contrats territoriaux');
  await page.getByRole('link', { name: /Atelier 1/ }).first().click();
  await page.getByRole('button', { name: /Ouvrir le vote : Sur quels thèmes/ }).click();
  await expect(page.getByRole('button', { name: /Clore le vote : Sur quels thèmes/ })).toBeVisible();

  const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openProjector(screen, DEMO.joinCode);
  await expect(screen.getByText(PROMPT)).toBeVisible({ timeout: 15_000 });

  const voters = [await phone(browser), await phone(browser)];
  for (const [i, voter] of voters.entries()) {
    await voter.page.goto(`/join/${DEMO.joinCode}`);
    await voter.page.getByLabel(/votre nom/i).fill(`Votant ${i + 1} ${Date.now() % 10_000}`);
    await voter.page.getByRole('button', { name: /rejoindre/i }).click();
    // Workshop 1 is opened from the agenda (the demo's working groups have started since).
    await voter.page.getByRole('link', { name: /Atelier 1/ }).first().click();
    await expect(voter.page.getByRole('heading', { name: PROMPT })).toBeVisible({ timeout: 15_000 });
  }
  // The ballot starts unranked and cannot be sent as it is. Each voter taps an option, then its
  // place: voter 1 puts « Mobilités du quotidien » 4th, voter 2 ranks in the order listed.
  const listed = ['Attractivité et innovation', 'Qualité de vie et innovation sociale', 'Solidarités territoriales', 'Territoires en transition durable', 'Mobilités du quotidien'];
  const orders = [[...listed.slice(0, 3), listed[4], listed[3]], listed];
  for (const [i, voter] of voters.entries()) {
    const ballot = voter.page.getByRole('form', { name: PROMPT });
    await expect(ballot.getByRole('button', { name: /^Voter$/ })).toBeDisabled();
    for (const [place, option] of orders[i].entries()) {
      await ballot.getByRole('list', { name: 'Options à classer' }).getByRole('button', { name: option, exact: true }).click();
      await ballot.getByRole('button', { name: `Placer « ${option} » en position ${place + 1}` }).click();
    }
  }
  await expect(voters[0].page.getByRole('button', { name: 'Monter « Mobilités du quotidien » (actuellement en position 4)' })).toBeVisible();
  // The ballot itself passes axe (scoped: the shell's language switch is the shell's own business).
  const axe = await new AxeBuilder({ page: voters[0].page }).include('form.ballot').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  for (const voter of voters) {
    await voter.page.getByRole('button', { name: /^Voter$/ }).click();
    await expect(voter.page.getByText(/Vote enregistré/).first()).toBeVisible();
  }

  await expect(screen.getByText('Classement par la méthode de Borda')).toBeVisible({ timeout: 10_000 });
  await expect(screen.getByText(/2 votes sur/)).toBeVisible({ timeout: 10_000 });
  // The console's participants panel: « x % des membres présents ont voté », live.
  const turnout = page.getByRole('region', { name: 'Vote en cours' });
  await expect(turnout.getByText(/^\d+ % des membres présents ont voté \(2 \/ \d+\)$/)).toBeVisible({ timeout: 10_000 });

  await page.getByRole('button', { name: /Clore le vote : Sur quels thèmes/ }).click();
  await page.getByRole('button', { name: /Publier les résultats : Sur quels thèmes/ }).click();
  await expect(voters[1].page.getByText('Résultats publiés', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(voters[1].page.getByText('Classement par la méthode de Borda')).toBeVisible();
  await expect(screen.getByText(/Résultats publiés/)).toBeVisible();

  // The staff console breaks the results down by territory type, category and gender. The two
  // voters joined by name (no roster profile), so every group has fewer than 5 voters: masked.
  const card = page.locator('.console-questions > li', { hasText: PROMPT });
  await card.getByText('Répartition territoriale').click();
  const territories = card.getByRole('table', { name: 'Par type de territoire : rang et score de Borda dans le groupe' });
  await expect(territories).toBeVisible({ timeout: 15_000 });
  await expect(territories.getByRole('columnheader', { name: 'Mobilités du quotidien' })).toBeVisible();
  await expect(territories.getByRole('row', { name: /^Métropole/ })).toContainText('Moins de 5 votants : résultats masqués');
  await expect(card.getByRole('table', { name: /^Par genre/ }).getByRole('row', { name: /^Femmes/ })).toContainText('Moins de 5 votants');
  const breakdownAxe = await new AxeBuilder({ page }).include('.breakdown').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(breakdownAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  for (const voter of voters) await voter.context.close();
});
