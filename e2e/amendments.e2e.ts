import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { DEMO, openProjector, phone, signInAsFacilitator } from './fixtures';
import { seedSession, type SeededSession } from './live-client';

/**
 * Amending a text live (issue #22): a member files an amendment on line 12 from their phone; the
 * facilitator declares it admissible and puts it to the vote; the projector shows the text with
 * the change; once adopted, the DOCX minutes' comparison contains it. A session of its own.
 */
let seeded: SeededSession | undefined;
test.afterEach(() => seeded?.close());

const SOURCE = Array.from({ length: 16 }, (_, i) => `Ligne ${i + 1} de la feuille de route\u00a0: l’assemblée s’engage.`)
  .map((l, i) => (i === 7 ? `${l}\n` : l))
  .join('\n');

test('a member amends line 12, the facilitator puts it to the vote, the projector shows it, the DOCX comparison has it', async ({ browser }) => {
  test.setTimeout(60_000);
  seeded = await seedSession('Plénière — feuille de route', 0);
  const text = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'amendments', title: 'Feuille de route partagée', config: { source: SOURCE } });
  await seeded.staff.send('activity.start', { activityId: text.id });

  const { context: phoneContext, page: member } = await phone(browser);
  await member.goto(`/join/${seeded.code}`);
  await member.getByLabel('Votre nom').fill('Margot Delmas');
  await member.getByRole('button', { name: 'Rejoindre' }).click();
  await member.getByRole('button', { name: 'Amender la ligne 12' }).click();
  await expect(member.getByRole('radio', { name: 'Remplacer' })).toBeChecked();
  await member.getByLabel('Nouvelle rédaction').fill('Ligne 12 de la feuille de route\u00a0: l’assemblée décide ensemble.');
  await member.getByLabel('Motif (court)').fill('Plus engageant');
  await member.getByRole('button', { name: 'Déposer' }).click();
  await expect(member.getByTestId('amendment-1')).toContainText('En attente d’examen');
  await expect(member.getByTestId('amendment-1')).toContainText('ligne 12');

  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await openProjector(projector, seeded.code);
  await expect(projector.getByTestId('amend-screen-text')).toContainText('Ligne 16 de la feuille de route');

  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const console = await consoleContext.newPage();
  await signInAsFacilitator(console);
  await expect(console).toHaveURL(/\/staff$/);
  // The text stays selected in the agenda while its votes open in the companion survey.
  await console.goto(`/staff/sessions/${seeded.id}?activity=${text.id}`);
  const amendment = console.getByTestId('console-amendment-1');
  await amendment.getByRole('button', { name: 'Recevable', exact: true }).click();
  await amendment.getByRole('button', { name: 'Mettre aux voix' }).click();
  await expect(amendment).toContainText('Aux voix');

  // The projector: line 12 in its context, and the change word by word.
  const vote = projector.getByTestId('amend-screen-vote');
  await expect(vote).toContainText('Amendement n° 1');
  await expect(vote.locator('.amend-lit')).toContainText('Ligne 12 de la feuille de route');
  await expect(vote.locator('ins')).toContainText('décide ensemble');

  // The member votes with the survey ballot.
  await member.getByRole('radio', { name: 'Oui', exact: true }).check();
  await member.getByRole('button', { name: 'Voter' }).click();
  await expect(member.locator('.ballot-receipt')).toBeVisible();
  await expect(amendment).toContainText('Pour 1');
  await amendment.getByRole('button', { name: 'Clore le vote' }).click();
  await expect(amendment).toContainText('Adopté');
  await expect(projector.getByTestId('amend-screen-text')).toContainText('l’assemblée décide ensemble.');

  const login = await console.request.post('/api/auth/login', { data: { email: DEMO.facilitator.email, password: DEMO.facilitator.password } });
  const { token } = (await login.json()) as { token: string };
  const docx = await console.request.get(`/api/sessions/${seeded.id}/export.docx`, { headers: { authorization: `Bearer ${token}` } });
  expect(docx.ok()).toBe(true);
  const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string');
  expect(xml).toContain('Comparaison : texte initial et texte final');
  expect(xml).toContain('n° 1');
  expect(xml).toContain('l’assemblée décide ensemble.');

  await Promise.all([projectorContext.close(), phoneContext.close(), consoleContext.close()]);
});
