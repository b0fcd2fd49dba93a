import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSidewaysScroll, phone, projectOnScreen, signInAsFacilitator, openProjector } from './fixtures';

/** No serious or critical axe violation in the working-groups panel (the page shell is checked by its own journey). */
async function expectPanelAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.activity-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Working groups on the demo session: two members on phones are placed in two groups by the
 * facilitator, each posts in their own group (a comment on the group's draft synthesis: boards
 * live in another branch), a rapporteur writes the synthesis, the projector shows the report-back.
 */
test('two members work in two groups, a rapporteur writes the synthesis, the projector shows it', async ({ browser }) => {
  test.setTimeout(180_000);
  const members: Page[] = [];
  for (const name of ['Alice Essai', 'Bruno Essai']) {
    const { context, page } = await phone(browser);
    // Alice reads in large text on a 360 px phone, Bruno in default text on a 320 px one: the group
    // screens reflow for both (issue #18).
    if (name === 'Alice Essai') await context.addInitScript(() => localStorage.setItem('palabre.readingMode', 'large'));
    else await page.setViewportSize({ width: 320, height: 740 });
    await page.goto(`/join/${DEMO.joinCode}`);
    await page.getByLabel('Votre nom').fill(name);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await expect(page.getByRole('heading', { name: 'Groupes de travail thématiques' })).toBeVisible();
    await expect(page.getByText("L'animation va vous placer dans un groupe de travail.")).toBeVisible();
    await expectNoSidewaysScroll(page, `${name}, waiting to be placed`);
    members.push(page);
  }
  const [alice, bruno] = members;

  const staffContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
  const staff = await staffContext.newPage();
  await signInAsFacilitator(staff);
  await staff.getByRole('link', { name: /Session plénière/ }).click();
  await expect(staff.getByRole('list', { name: 'Les groupes de travail' })).toBeVisible();
  const place = async (name: string, group: string) => {
    await staff.getByLabel('Rechercher un membre').fill(name);
    await staff.getByLabel(`Groupe de ${name}`).selectOption({ label: group });
  };
  await place('Alice Essai', 'Attractivité et innovation');
  await place('Bruno Essai', 'Solidarités territoriales');

  await expect(alice.getByRole('heading', { name: 'Mon groupe : Attractivité et innovation' })).toBeVisible();
  await expect(bruno.getByRole('heading', { name: 'Mon groupe : Solidarités territoriales' })).toBeVisible();
  // Each group has its own board (seeded from workshop 1, checked in group-integration.int-spec.ts):
  // it is listed in the agenda of its members only.
  await expect(alice.getByRole('link', { name: /Tableau — Attractivité et innovation/ }).first()).toBeVisible();
  await expect(bruno.getByRole('link', { name: /Tableau — Attractivité et innovation/ })).toHaveCount(0);
  await expect(bruno.getByRole('link', { name: /Tableau — Solidarités territoriales/ }).first()).toBeVisible();

  for (const [page, text] of [[alice, 'Il faut des mobilités rurales'], [bruno, 'Renforcer la péréquation']] as const) {
    await page.getByLabel('Votre commentaire').fill(text);
    await page.getByRole('button', { name: 'Commenter' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: text })).toBeVisible();
    await expectNoSidewaysScroll(page, 'group board');
  }
  // Each sees only their own group's work.
  await expect(bruno.getByText('Il faut des mobilités rurales')).toHaveCount(0);
  await expect(alice.getByText('Renforcer la péréquation')).toHaveCount(0);

  const cell = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: 'Attractivité et innovation' }) });
  await cell.getByLabel('Rapporteur·e').selectOption({ label: 'Alice Essai' });
  await expect(alice.getByText('Vous êtes rapporteur·e de ce groupe')).toBeVisible();
  await alice.getByLabel('Constats clés').fill('Les bourgs-centres manquent de transports.');
  await alice.getByLabel('Propositions').fill('Un bus à la demande\nDes tiers-lieux');
  await alice.getByLabel('Points de désaccord').fill('Le financement');
  await alice.getByRole('button', { name: 'Soumettre pour validation' }).click();
  await expect(alice.getByText('Soumise pour validation')).toBeVisible();
  await expectNoSidewaysScroll(alice, 'synthesis form, large text');
  await expectPanelAccessible(alice);

  await cell.getByRole('button', { name: 'Valider la synthèse' }).click();
  await expect(cell.getByText('Validée')).toBeVisible();
  await staff.getByRole('button', { name: 'Ouvrir la restitution' }).click();
  await cell.getByRole('button', { name: 'Projeter cette synthèse' }).click();
  // The projector follows the facilitator's screen choice (earlier journeys put other workshops on it).
  await projectOnScreen(staff, "Synthèse d'un groupe", 'Groupes de travail thématiques');

  const screenContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1600, height: 900 } });
  const screen = await screenContext.newPage();
  await openProjector(screen, DEMO.joinCode);
  await expect(screen.getByRole('heading', { name: 'Attractivité et innovation' })).toBeVisible();
  await expect(screen.getByText('Les bourgs-centres manquent de transports.')).toBeVisible();
  await expect(screen.getByText('Un bus à la demande')).toBeVisible();

  // After the report-back the other groups' syntheses are readable on the phones.
  await expect(bruno.getByText('Synthèses des autres groupes')).toBeVisible();
  await expectNoSidewaysScroll(bruno, 'report-back at 320 px');
  await expectNoSidewaysScroll(alice, 'report-back in large text');
  await expectPanelAccessible(staff);
});
