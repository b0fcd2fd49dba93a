import { expect, test } from '@playwright/test';
import { openProjector, phone, signInAsFacilitator } from './fixtures';
import { seedSession, type SeededSession } from './live-client';

/**
 * The speakers' list (issue #21): a member asks for the floor from their phone and sees their
 * place; the facilitator gives them the floor from the console; the projector shows who speaks
 * and their countdown. A session of its own: the demo session is left alone.
 */
let seeded: SeededSession | undefined;
test.afterEach(() => seeded?.close());

test('a member asks for the floor, the facilitator gives it, the projector shows the speaker and the time', async ({ browser }) => {
  test.setTimeout(60_000);
  seeded = await seedSession('Plénière — débat', 1);
  const floor = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'floor', title: 'Débat : mobilités rurales', config: { speakingSeconds: 90 } });
  await seeded.staff.send('activity.start', { activityId: floor.id });
  // Someone asked before: the member will be second.
  await seeded.members[0].send('floor.request', { activityId: floor.id, stance: 'question' });

  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await openProjector(projector, seeded.code);
  await expect(projector.getByText('Demandez la parole depuis votre téléphone.')).toBeVisible();
  await expect(projector.locator('.floor-next li')).toHaveCount(1);

  const { context: phoneContext, page: member } = await phone(browser);
  await member.goto(`/join/${seeded.code}`);
  await member.getByLabel('Votre nom').fill('Margot Delmas');
  await member.getByRole('button', { name: 'Rejoindre' }).click();
  await member.getByRole('radio', { name: 'Pour' }).check();
  await member.getByRole('button', { name: 'Demander la parole' }).click();
  await expect(member.getByTestId('floor-mine')).toContainText('Vous êtes n° 2 sur 2 dans la liste.');
  await expect(member.getByTestId('floor-mine')).toContainText('Votre tour dans environ 2 minutes.');
  await expect(member.locator('#live-announcer')).toHaveText('Demande enregistrée : vous êtes n° 2.');

  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const console = await consoleContext.newPage();
  await signInAsFacilitator(console);
  await expect(console).toHaveURL(/\/staff$/);
  await console.goto(`/staff/sessions/${seeded.id}`);
  await expect(console.locator('.floor-request')).toHaveCount(2);
  await expect(console.locator('.floor-request').nth(1)).toContainText('Margot Delmas');
  await expect(console.locator('.floor-request .floor-reason').first()).not.toBeEmpty();
  await console.getByRole('button', { name: 'Donner la parole à Margot Delmas' }).click();
  await expect(console.getByTestId('floor-console-speaker')).toHaveText('Margot Delmas');

  await expect(member.getByTestId('floor-mine')).toHaveText('Vous avez la parole.');
  await expect(projector.getByTestId('floor-speaker')).toContainText('Margot Delmas');
  await expect(projector.getByTestId('floor-speaker')).toContainText('Pour');
  await expect(projector.getByTestId('floor-timer')).toHaveText(/^1:[0-2]\d$/);
  // The countdown runs on the projector.
  const first = await projector.getByTestId('floor-timer').textContent();
  await expect(projector.getByTestId('floor-timer')).not.toHaveText(first ?? '');

  await Promise.all([projectorContext.close(), phoneContext.close(), consoleContext.close()]);
});
