import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signInAsFacilitator, openProjector } from './fixtures';
import { seedSession } from './live-client';

/**
 * The presenter on a 1440×900 laptop: the run controls are all on the first screen, and the
 * facilitator launches an item, opens, closes and publishes a question and switches the
 * projector with single keys (docs/presenter.md). The projector control tells what the
 * projector really shows, also after reloading either page.
 */
const SHOTS = 'test-results/projector';
mkdirSync(SHOTS, { recursive: true });
test.use({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });

const SURVEY = 'Atelier 1 — priorités';
const QNA = 'Échange avec la présidente';
const PROMPT = 'Faut-il un contrat unique par bassin de vie ?';

/** Every button, field and link of the presenter bar is inside the window, the page unscrolled. */
async function expectRunControlsInView(page: Page): Promise<void> {
  const bar = page.getByRole('group', { name: 'Conduite de la séance' });
  await expect(bar).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const controls = bar.locator('button, select, input, a');
  const count = await controls.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i += 1) await expect(controls.nth(i)).toBeInViewport({ ratio: 1 });
}

test('a facilitator runs the agenda, a question and the projector from the keyboard, on one laptop screen', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const seeded = await seedSession('Plénière — conduite au clavier', 3);
  const survey = await seeded.staff.send<{ id: string }>('activity.create', {
    kind: 'survey',
    title: SURVEY,
    config: { questions: [{ type: 'yesno', prompt: PROMPT }, { type: 'yesno', prompt: 'Faut-il un bilan annuel en plénière ?' }] },
  });
  await seeded.staff.send('activity.create', { kind: 'qna', title: QNA });

  const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await openProjector(projector, `${seeded.code}`);
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-projection', 'welcome');

  await signInAsFacilitator(page);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/sessions/${seeded.id}`);
  const now = page.getByTestId('projector-now');
  await expect(now).toHaveText('À l\'écran : Accueil et QR code');
  await expectRunControlsInView(page);
  // A checkbox sits beside its label, not stretched across the panel.
  const autoClose = page.getByLabel('Clore automatiquement à la fin (avertissement 10 s avant)');
  const box = (await autoClose.boundingBox())!;
  const label = (await page.locator('label', { has: autoClose }).boundingBox())!;
  expect(box.width).toBeLessThan(32);
  expect(box.x - label.x).toBeLessThan(4);

  // N launches the first item: it opens, the projector shows it.
  await page.keyboard.press('n');
  await expect(page.getByTestId('presenter-current')).toHaveText(`En cours : ${SURVEY}`);
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-projection', 'activity');
  await expect(now).toHaveText(`À l'écran : Activité en cours — ${SURVEY}`);

  // O opens the first question; members vote; O closes it; P publishes it.
  const state = page.getByTestId('presenter-question-state');
  await page.keyboard.press('o');
  await expect(state).toHaveText('Vote ouvert');
  await expect(projector.locator('.screen-survey-prompt')).toHaveText(PROMPT);
  const questionId = (await seeded.staff.send<{ questions: { id: string; prompt: string }[] }>('survey.settings', { activityId: survey.id })).questions.find((q) => q.prompt === PROMPT)!.id;
  for (const member of seeded.members) await member.send('ballot.cast', { questionId, value: { type: 'yesno', choice: 'yes' } });
  await expect(projector.getByText(/^3 votes sur \d+ présents · Vote ouvert( · .+)?$/)).toBeVisible();
  await page.keyboard.press('o');
  await expect(state).toHaveText('Vote clos');
  await page.keyboard.press('p');
  await expect(state).toHaveText('Résultats publiés');
  await expect(projector.getByText(/· Résultats publiés( · .+)?$/)).toBeVisible();
  await expectRunControlsInView(page);
  await page.screenshot({ path: `${SHOTS}/console-1440x900.png` });

  // S puts the join screen up; both pages agree after a reload of either.
  await page.keyboard.press('s');
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-projection', 'welcome');
  await expect(now).toHaveText("À l'écran : Accueil et QR code");
  await page.reload();
  await expect(now).toHaveText("À l'écran : Accueil et QR code");
  await expect(page.getByLabel('Afficher', { exact: true })).toHaveValue('welcome');
  await projector.reload();
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-projection', 'welcome');
  await page.keyboard.press('s');
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-projection', 'activity');
  await expect(now).toHaveText(`À l'écran : Activité en cours — ${SURVEY}`);
  await projector.reload();
  await expect(projector.getByRole('heading', { name: SURVEY })).toBeVisible();
  await page.reload();
  await expect(now).toHaveText(`À l'écran : Activité en cours — ${SURVEY}`);
  await expect(page.getByLabel('Afficher', { exact: true })).toHaveValue('activity');

  // The confidence monitor on the lectern: what the projector shows, the current and next items.
  const monitor = await page.context().newPage();
  await monitor.goto(`/staff/sessions/${seeded.id}/monitor`);
  await expect(monitor.getByTestId('monitor-current')).toHaveText(SURVEY);
  await expect(monitor.getByTestId('monitor-next')).toHaveText(QNA);
  await expect(monitor.frameLocator('iframe').getByRole('heading', { name: SURVEY })).toBeVisible();

  // N moves on to the Q&A; B goes back to the survey. The monitor follows.
  await page.bringToFront();
  await page.keyboard.press('n');
  await expect(page.getByTestId('presenter-current')).toHaveText(`En cours : ${QNA}`);
  await expect(projector.getByRole('heading', { name: QNA })).toBeVisible();
  await expect(monitor.getByTestId('monitor-current')).toHaveText(QNA);
  await expect(monitor.frameLocator('iframe').getByRole('heading', { name: QNA })).toBeVisible();
  await monitor.screenshot({ path: `${SHOTS}/monitor-1440x900.png` });
  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-current')).toHaveText(`En cours : ${SURVEY}`);

  // Keys typed into a field are text, not shortcuts.
  await page.getByLabel('Durée en minutes (facultatif)').focus();
  await page.keyboard.press('n');
  await expect(page.getByTestId('presenter-current')).toHaveText(`En cours : ${SURVEY}`);
  await projectorContext.close();
  seeded.close();
});
