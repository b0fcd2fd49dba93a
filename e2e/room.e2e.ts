import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, phone, signInAsFacilitator, openProjector } from './fixtures';

/**
 * Running the room: a facilitator runs a three-item agenda from the console (tablet) while a
 * member's phone and a projector screen follow each step by themselves.
 */
test('a facilitator runs a three-item agenda while a phone and a projector follow', async ({ browser }) => {
  test.setTimeout(300_000);
  const code = `ROOM-${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const titles = ['Mot d’accueil', 'Tour de table', 'Échange avec la présidente'];

  const consoleContext = await browser.newContext({ viewport: { width: 1024, height: 1366 }, locale: 'fr-FR' });
  const console = await consoleContext.newPage();
  await signInAsFacilitator(console);
  await console.getByLabel('Titre de la séance').fill('Plénière de test — déroulé');
  await console.getByLabel('Date de la séance').fill('2026-12-03');
  await console.getByLabel('Code (facultatif)').fill(code);
  await console.getByRole('button', { name: 'Créer la séance' }).click();
  await console.getByRole('link', { name: 'Plénière de test — déroulé' }).click();
  await console.getByRole('button', { name: 'Ouvrir la séance' }).click();
  const agenda = console.getByRole('navigation', { name: 'Programme' });
  for (const title of titles) {
    await console.getByLabel("Type d'activité").selectOption('qna');
    await console.getByLabel("Titre de l'activité").fill(title);
    await console.getByRole('button', { name: 'Ajouter au programme' }).click();
    // The form clears itself once the item is added: wait for it before typing the next title.
    await expect(agenda.getByRole('link', { name: new RegExp(`^${title}`) })).toBeVisible();
    await expect(console.getByLabel("Titre de l'activité")).toHaveValue('');
  }
  await expect(console.getByRole('button', { name: `Lancer : ${titles[0]}` })).toBeVisible();

  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await openProjector(projector, code);
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-view', 'welcome');

  const { context: phoneContext, page: member } = await phone(browser);
  await member.goto(`/join/${code}`);
  await member.getByLabel('Votre nom').fill('Margot Delmas');
  await member.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(member.getByRole('heading', { name: 'Plénière de test — déroulé' })).toBeVisible();

  // Planned durations, set on the agenda items: item 1 lasts 2 minutes, item 2 has none.
  await agenda.getByRole('button', { name: `Modifier la durée prévue de « ${titles[0]} »` }).click();
  await agenda.getByLabel(`Durée prévue de « ${titles[0]} » en minutes (vide pour aucune)`).fill('2');
  await agenda.getByRole('button', { name: 'Enregistrer la durée' }).click();
  await expect(agenda.getByTestId('planned-duration').first()).toHaveText('Durée prévue : 2 min');
  await expect(agenda.getByTestId('planned-duration').nth(1)).toHaveText('Sans durée prévue');
  await expect(console.getByText('Sans durée saisie, la durée prévue s’applique : 2 min.')).toBeVisible();

  // Item 1 starts with its planned 2-minute countdown, visible on the phone and the projector.
  await console.getByRole('button', { name: `Lancer : ${titles[0]}` }).click();
  await expectFollowing(projector, member, titles[0]);
  await expect(member.getByTestId('countdown')).toHaveText(/^0[12]:\d\d$/);
  await expect(projector.getByTestId('countdown')).toHaveText(/^0[12]:\d\d$/);

  // Extend and pause from the console: every screen shows the paused time.
  await console.getByRole('button', { name: 'Prolonger d’une minute' }).click();
  await console.getByRole('button', { name: 'Mettre en pause' }).click();
  await expect(member.getByText('En pause')).toBeVisible();
  await expect(member.getByTestId('countdown')).toHaveText(/^0[23]:\d\d$/);
  await console.getByRole('button', { name: 'Reprendre' }).click();
  await expect(member.getByText('En pause')).toHaveCount(0);

  // Item 2: no duration, so no countdown.
  await console.getByRole('button', { name: `Lancer : ${titles[1]}` }).click();
  await expectFollowing(projector, member, titles[1]);
  await expect(member.getByTestId('countdown')).toHaveCount(0);

  // Item 3, the Q&A: the member asks, the facilitator marks it "en cours", the projector shows it.
  await console.getByRole('button', { name: `Lancer : ${titles[2]}` }).click();
  await expectFollowing(projector, member, titles[2]);
  await expect(console.getByText("Fin de l'ordre du jour.")).toBeVisible();
  // The facilitator switches the Q&A to named, pre-moderated questions: the phone follows live.
  await expect(member.getByLabel('Poser la question sans mon nom')).toBeVisible();
  const settings = console.getByRole('group', { name: 'Réglages de l’échange' });
  await settings.getByLabel('Autoriser les questions anonymes').uncheck();
  await expect(settings.getByText('Réglages enregistrés.')).toBeVisible();
  await settings.getByLabel('Modération', { exact: true }).selectOption('pre');
  await expect(settings.getByLabel('Modération', { exact: true })).toHaveValue('pre');
  await expect(member.getByLabel('Poser la question sans mon nom')).toHaveCount(0);
  await expect(member.getByText('Votre nom accompagnera votre question.')).toBeVisible();
  const asked = 'Quel soutien pour les bourgs-centres ?';
  await member.getByLabel('Votre question à la présidente').fill(asked);
  await member.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(member.getByText('En attente de modération')).toBeVisible();

  // The console's moderation queue gathers it with the other activities' items; one click publishes it.
  const queue = console.getByRole('region', { name: 'File de modération' });
  await expect(queue.getByRole('heading', { name: 'En attente de validation (1)' })).toBeVisible();
  await queue.getByRole('button', { name: `Publier : « ${asked} »` }).click();
  await expect(queue.getByRole('heading', { name: 'En attente de validation (0)' })).toBeVisible();
  const support = member.getByRole('button', { name: /Je soutiens/ });
  await support.click();
  await expect(support).toHaveAttribute('aria-pressed', 'true');
  await expect(support).toHaveText(/1 soutien/);
  await console.getByRole('button', { name: 'Marquer en cours' }).click();
  await expect(projector.locator('.qna-current-text')).toHaveText(asked);

  // Hidden from the queue, then restored (undo): the phone loses the question, then gets it back.
  await queue.getByRole('button', { name: `Masquer : « ${asked} »` }).click();
  await expect(member.getByText(asked)).toHaveCount(0);
  await expect(queue.getByRole('heading', { name: 'Masqués ou refusés (1)' })).toBeVisible();
  await queue.getByRole('button', { name: `Rétablir : « ${asked} »` }).click();
  await expect(member.getByText(asked)).toBeVisible();
  await expect(queue.getByRole('heading', { name: 'Masqués ou refusés (0)' })).toBeVisible();

  // A free message on screen survives a reload of the projector.
  const screenControl = console.getByRole('region', { name: 'Écran de projection' });
  await screenControl.getByLabel('Afficher', { exact: true }).selectOption('message');
  await screenControl.getByLabel('Message à afficher').fill('Pause déjeuner — reprise à 14 h');
  await screenControl.getByRole('button', { name: "Afficher à l'écran" }).click();
  await expect(projector.getByText('Pause déjeuner — reprise à 14 h')).toBeVisible();
  await projector.reload();
  await expect(projector.getByText('Pause déjeuner — reprise à 14 h')).toBeVisible();

  await expectAccessible(member);
  await expectAccessible(console);
  await Promise.all([consoleContext.close(), projectorContext.close(), phoneContext.close()]);
});

async function expectFollowing(projector: Page, member: Page, title: string): Promise<void> {
  await expect(projector.getByTestId('screen-state')).toHaveAttribute('data-view', 'activity');
  await expect(projector.getByRole('heading', { name: title })).toBeVisible();
  await expect(member.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}
