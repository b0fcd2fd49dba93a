import { expect, test, type Locator, type Page } from '@playwright/test';
import { phone, signInAsFacilitator } from './fixtures';

/**
 * Every ballot type filled and sent with the keyboard alone: Tab to reach a control, Space and
 * the arrow keys to choose, typing for numbers and text, Enter to press a button. No click, no
 * locator.focus(), no fill() on the member's phone.
 */
const QUESTIONS = [
  { type: 'Choix unique', prompt: 'Clavier 1 — quel jour pour la prochaine plénière ?', options: 'Lundi\nMardi\nMercredi' },
  { type: 'Choix multiple', prompt: 'Clavier 2 — quels formats vous conviennent ?', options: 'Présentiel\nDistanciel\nHybride' },
  { type: 'Classement', prompt: 'Clavier 3 — classez ces thèmes', options: 'Eau\nÉnergie\nForêts' },
  { type: 'Répartition de points', prompt: 'Clavier 4 — répartissez 100 points', options: 'Écoles\nCrèches' },
  { type: 'Échelle', prompt: 'Clavier 5 — votre satisfaction de 1 à 5' },
  { type: 'Jugement majoritaire', prompt: 'Clavier 6 — jugez ces dispositifs', options: 'Guichet unique\nAppels à projets' },
  { type: 'Oui / non / abstention', prompt: 'Clavier 7 — adoptez-vous le compte rendu ?' },
  { type: 'Nuage de mots', prompt: 'Clavier 8 — un mot pour la journée ?' },
] as const;

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it is not reachable that way. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Not reachable with ${backwards ? 'Shift+Tab' : 'Tab'}: ${target.toString()}`);
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/** Sends the ballot with Enter on « Voter »; the receipt shows and focus is not thrown back to the page top. */
async function submit(page: Page, ballot: Locator): Promise<void> {
  await tabTo(page, ballot.getByRole('button', { name: 'Voter' }));
  await page.keyboard.press('Enter');
  await expect(ballot.getByText('✓ Vote enregistré')).toBeVisible();
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
}

test('a member fills and sends every ballot type with the keyboard alone', async ({ browser }) => {
  test.setTimeout(240_000);
  const code = `KBD-${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 1024 }, locale: 'fr-FR' });
  const staff = await consoleContext.newPage();
  await signInAsFacilitator(staff);
  await expect(staff.getByRole('heading', { level: 1, name: 'Séances' })).toBeVisible();
  await staff.getByLabel('Titre de la séance').fill('Séance clavier');
  await staff.getByLabel('Date de la séance').fill('2026-12-03');
  await staff.getByLabel('Code (facultatif)').fill(code);
  await staff.getByRole('button', { name: 'Créer la séance' }).click();
  await staff.getByRole('link', { name: 'Séance clavier' }).click();
  await staff.getByRole('button', { name: 'Ouvrir la séance' }).click();
  await staff.getByLabel("Type d'activité").selectOption('survey');
  await staff.getByLabel("Titre de l'activité").fill('Tous les bulletins');
  await staff.getByRole('button', { name: 'Ajouter au programme' }).click();
  await staff.getByRole('button', { name: 'Lancer : Tous les bulletins' }).click();
  await staff.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: /Tous les bulletins/ }).click();
  const form = staff.getByRole('form', { name: 'Ajouter une question' });
  for (const q of QUESTIONS) {
    await form.getByLabel('Type de question').selectOption({ label: q.type });
    await form.getByLabel('Intitulé de la question').fill(q.prompt);
    if ('options' in q) await form.getByLabel('Options de réponse').fill(q.options);
    await form.getByRole('button', { name: 'Ajouter la question' }).click();
    await expect(form.getByText(`Question ajoutée : « ${q.prompt} »`)).toBeVisible();
  }
  for (const q of QUESTIONS) await staff.getByRole('button', { name: `Ouvrir le vote : ${q.prompt}` }).click();
  for (const q of QUESTIONS) await expect(staff.getByRole('button', { name: `Clore le vote : ${q.prompt}` })).toBeVisible();

  // The member joins by the link, typing their name and pressing Enter.
  const { page } = await phone(browser);
  await page.goto(`/join/${code}`);
  await tabTo(page, page.getByLabel('Votre nom'));
  await page.keyboard.type('Noé Clavier');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Tous les bulletins' })).toBeVisible();
  const ballot = (i: number) => page.getByRole('form', { name: QUESTIONS[i].prompt });
  await expect(ballot(7)).toBeVisible();

  // 1. Single choice: Space picks the first, the down arrow moves the choice.
  await tabTo(page, ballot(0).getByRole('radio', { name: 'Lundi' }));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(ballot(0).getByRole('radio', { name: 'Mardi' })).toBeChecked();
  await submit(page, ballot(0));

  // 2. Multiple choice: Space ticks two boxes.
  await tabTo(page, ballot(1).getByRole('checkbox', { name: 'Présentiel' }));
  await page.keyboard.press('Space');
  await tabTo(page, ballot(1).getByRole('checkbox', { name: 'Hybride' }));
  await page.keyboard.press('Space');
  await expect(ballot(1).getByRole('checkbox', { name: 'Hybride' })).toBeChecked();
  await submit(page, ballot(1));

  // 3. Ranking: it starts unranked. Enter on an option, Tab to its place, Enter; the focus stays
  //    on the option placed, then follows it as it moves.
  const rank = async (option: string, position: number) => {
    await tabTo(page, ballot(2).getByRole('button', { name: option, exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, ballot(2).getByRole('button', { name: `Placer « ${option} » en position ${position}` }));
    await page.keyboard.press('Enter');
  };
  await rank('Énergie', 1);
  // Alone in the ranking, it cannot move: the focus goes to its drag handle, which says its place.
  expect(await focusedName(page)).toBe('Glisser « Énergie » (actuellement en position 1)');
  await rank('Eau', 2);
  expect(await focusedName(page)).toBe('Monter « Eau » (actuellement en position 2)');
  await rank('Forêts', 3);
  await tabTo(page, ballot(2).getByRole('button', { name: 'Descendre « Eau » (actuellement en position 2)' }), { backwards: true });
  await page.keyboard.press('Enter');
  expect(await focusedName(page)).toBe('Monter « Eau » (actuellement en position 3)');
  await expect(ballot(2).getByRole('listitem').nth(0)).toContainText('Énergie');
  await expect(ballot(2).getByRole('listitem').nth(1)).toContainText('Forêts');
  await expect(ballot(2).getByRole('listitem').nth(2)).toContainText('Eau');
  await submit(page, ballot(2));

  // 4. Points: type 60 and 35, then one step of 5 with the « + » button.
  await tabTo(page, ballot(3).getByRole('spinbutton', { name: 'Écoles' }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('60');
  await tabTo(page, ballot(3).getByRole('spinbutton', { name: 'Crèches' }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('35');
  await tabTo(page, ballot(3).getByRole('button', { name: 'Ajouter 5 points à « Crèches »' }));
  await page.keyboard.press('Enter');
  await expect(ballot(3).getByText('Reste 0 point sur 100')).toBeVisible();
  await submit(page, ballot(3));

  // 5. Scale: a slider, nothing chosen until it moves; one step right from the middle.
  await tabTo(page, ballot(4).getByRole('slider', { name: 'Votre note de 1 à 5' }));
  await page.keyboard.press('ArrowRight');
  await expect(ballot(4).getByText('Votre note : 4')).toBeVisible();
  await submit(page, ballot(4));

  // 6. Majority judgment: one option at a time; « Option suivante » takes the focus to the next grades.
  const first = ballot(5).getByRole('group', { name: 'Guichet unique' });
  await tabTo(page, first.getByRole('radio').first());
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(first.getByRole('radio').nth(1)).toBeChecked();
  await tabTo(page, ballot(5).getByRole('button', { name: 'Option suivante' }));
  await page.keyboard.press('Enter');
  const second = ballot(5).getByRole('group', { name: 'Appels à projets' });
  await expect(second.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(second.getByRole('radio').nth(1)).toBeChecked();
  await expect(ballot(5).getByRole('heading', { name: 'Récapitulatif : 2 sur 2 évaluées' })).toBeVisible();
  await submit(page, ballot(5));

  // 7. Yes / no / abstain: down twice from « Oui » to « Abstention ».
  await tabTo(page, ballot(6).getByRole('radio', { name: 'Oui' }));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(ballot(6).getByRole('radio', { name: 'Abstention' })).toBeChecked();
  await submit(page, ballot(6));

  // 8. Open text.
  await tabTo(page, ballot(7).getByRole('textbox'));
  await page.keyboard.type('Coopération');
  await submit(page, ballot(7));

  // The facilitator's console counts one ballot on each question.
  for (const q of QUESTIONS) {
    await expect(staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: q.prompt }) }).getByText(/1 votes? sur/)).toBeVisible();
  }
  await Promise.all([consoleContext.close(), page.context().close()]);
});
