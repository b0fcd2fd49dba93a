import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, openProjector, phone, signInAsFacilitator } from './fixtures';
import { seedSession, type SeededSession } from './live-client';

/**
 * The opinion map (issue #23): ten members answer over the socket in two camps, a member answers
 * on a 360 px phone and proposes a statement; the facilitator takes an idea from a board,
 * approves the member's statement and sees the groups; the projector shows the map and the
 * statement that unites the room. A session of its own: the demo session is left alone.
 */
let seeded: SeededSession | undefined;
test.afterEach(() => seeded?.close());

const UNITES = 'Les bourgs-centres doivent garder leurs services publics.';
const RAIL = 'Le train doit passer avant la route.';
const ROAD = 'Les routes départementales sont la priorité.';
const IDEA = 'Un fonds d’amorçage pour les petites communes';
const MINE = 'Chaque contrat doit avoir un comité citoyen.';

test('members answer statements on their phones, the console sees the groups, the projector shows the consensus', async ({ browser }) => {
  test.setTimeout(90_000);
  seeded = await seedSession('Plénière — carte des opinions', 10);
  const { staff, members } = seeded;
  const board = await staff.send<{ id: string }>('activity.create', { kind: 'board', title: 'Atelier 2 — faire vivre les contrats', config: { columns: [{ title: 'Financement' }] } });
  await staff.send('activity.start', { activityId: board.id });
  await members[0].send('idea.post', { activityId: board.id, columnId: 'financement', title: IDEA });
  const map = await staff.send<{ id: string }>('activity.create', { kind: 'opinions', title: 'Carte des opinions — mobilités', config: { memberStatements: 'pre' } });
  const ids: string[] = [];
  for (const text of [UNITES, RAIL, ROAD]) ids.push((await staff.send<{ id: string }>('opinions.propose', { activityId: map.id, text })).id);
  await staff.send('activity.start', { activityId: map.id });
  // Two camps of five: everybody agrees on the first statement, they split on the other two.
  await Promise.all(
    members.map(async (m, i) => {
      await m.send('opinions.answer', { statementId: ids[0], vote: 'agree' });
      await m.send('opinions.answer', { statementId: ids[1], vote: i < 5 ? 'agree' : 'disagree' });
      await m.send('opinions.answer', { statementId: ids[2], vote: i < 5 ? 'disagree' : 'agree' });
    }),
  );

  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const console = await consoleContext.newPage();
  await signInAsFacilitator(console);
  await expect(console).toHaveURL(/\/staff$/);
  await console.goto(`/staff/sessions/${seeded.id}?activity=${map.id}`);
  await expect(console.getByTestId('opinions-console-statement')).toHaveCount(3);
  await expect(console.getByTestId('opinions-group')).toHaveCount(2);
  // An idea of the board becomes a statement.
  await console.getByRole('checkbox', { name: IDEA }).check();
  await console.getByRole('button', { name: 'Reprendre 1 idée' }).click();
  await expect(console.getByTestId('opinions-console-statement')).toHaveCount(4);
  await expect(console.getByTestId('opinions-console-statement').last()).toContainText('idée du mur');

  const { context: phoneContext, page: member } = await phone(browser);
  await member.goto(`/join/${seeded.code}`);
  await member.getByLabel('Votre nom').fill('Margot Delmas');
  await member.getByRole('button', { name: 'Rejoindre' }).click();
  // The statement with the fewest answers comes first: the idea just taken from the board.
  await expect(member.getByTestId('opinions-statement')).toContainText(IDEA);
  await expect(member.getByTestId('opinions-progress')).toHaveText('0 sur 4 affirmations répondues');
  await expectNoSidewaysScroll(member, 'opinion map on a 360 px phone');
  const axe = await new AxeBuilder({ page: member }).include('.opinions-phone').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const votes = member.getByRole('group', { name: 'Êtes-vous d’accord ?' });
  await votes.getByRole('button', { name: 'D’accord', exact: true }).click();
  await expect(member.locator('#live-announcer')).toHaveText('Réponse enregistrée : d’accord.');
  await expect(member.getByTestId('opinions-statement')).toContainText(UNITES);
  // The next statement has the focus, so a screen reader reads it at once.
  await expect(member.getByTestId('opinions-statement')).toBeFocused();
  await votes.getByRole('button', { name: 'D’accord', exact: true }).click();
  await expect(member.getByTestId('opinions-statement')).toContainText(RAIL);
  await votes.getByRole('button', { name: 'D’accord', exact: true }).click();
  await expect(member.getByTestId('opinions-statement')).toContainText(ROAD);
  await votes.getByRole('button', { name: 'Pas d’accord' }).click();
  await expect(member.getByTestId('opinions-done')).toBeVisible();
  // "Your group agrees most with…", once the map is recomputed.
  const group = member.getByTestId('opinions-my-group');
  await expect(group).toContainText(/Vous êtes dans le groupe [AB] \(6 membres\)\./);
  await expect(group).toContainText('Votre groupe est surtout d’accord avec :');
  await expect(group.getByRole('listitem').filter({ hasText: RAIL })).toBeVisible();
  // What unites the assembly: the statement everybody agrees with, not the ones that split it.
  const consensus = member.getByRole('region', { name: 'Ce qui rassemble l’assemblée' });
  await expect(consensus.getByRole('listitem').filter({ hasText: UNITES })).toContainText('d’accord');
  await expect(consensus).not.toContainText(ROAD);

  // A member's statement waits for approval, then comes to the phone to answer.
  await member.getByText('Proposer une affirmation').click();
  await member.getByLabel('Votre affirmation (courte, une seule idée)').fill(MINE);
  await member.getByRole('button', { name: 'Envoyer l’affirmation' }).click();
  await expect(member.locator('#live-announcer')).toHaveText('Votre affirmation attend la validation de l’animation.');
  await console.getByRole('button', { name: `Valider : ${MINE}` }).click();
  await expect(member.getByTestId('opinions-statement')).toContainText(MINE);
  // On a 320 px phone in large text nothing scrolls sideways and the three answers stay in reach.
  await member.setViewportSize({ width: 320, height: 640 });
  await member.getByRole('button', { name: /^Grand texte/ }).click();
  await expectNoSidewaysScroll(member, 'opinion map on a 320 px phone in large text');
  await expect(votes.getByRole('button', { name: 'Passer' })).toBeVisible();

  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await openProjector(projector, seeded.code);
  await expect(projector.getByTestId('opinions-map').locator('svg[role="img"] title')).toHaveText(/^Carte des opinions : 11 membres en 2 groupes\./);
  await expect(projector.getByTestId('opinions-consensus')).toContainText(UNITES);
  await expect(projector.getByTestId('opinions-consensus')).not.toContainText(RAIL);
  await expect(projector.getByTestId('opinions-group')).toHaveCount(2);

  await Promise.all([projectorContext.close(), phoneContext.close(), consoleContext.close()]);
});
