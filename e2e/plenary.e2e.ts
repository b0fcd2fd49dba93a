import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO, expectAccessible, phone, projectOnScreen, signInAsFacilitator, openProjector } from './fixtures';

/**
 * The demo run of show from the first phone to the seal: a facilitator's console, four members on
 * 360 px phones who joined by the link, and the projector. Every page and state passes axe, the
 * live region announces what changes without moving focus, and one member reads in large text.
 *
 * It runs after the other journeys (project `plenary`, see playwright.config.ts) because it closes
 * and seals the demo session; the archive journey then reads what it sealed.
 */
const TITLE = 'Session plénière — contrats territoriaux 2022-2027';
const WORKSHOP_1 = 'Atelier 1 — priorités des contrats territoriaux';
const WORKSHOP_2 = 'Atelier 2 — Comment faire vivre ces démarches contractuelles ?';
const GROUPS = 'Groupes de travail thématiques';
const QNA = 'Échange avec la présidente';
const POINTS = 'Quels types de projets souhaitez-vous voir financés ? Répartissez 100 points.';
const RUN = Date.now().toString(36).slice(-4);

interface Member {
  name: string;
  page: Page;
}

/** The app's one polite live region (ui/Announcer.tsx). */
const announcer = (page: Page): Locator => page.locator('#live-announcer');

/** Tags the focused element, so a later check proves an announcement left focus where it was. */
async function markFocus(page: Page): Promise<void> {
  const tagged = await page.evaluate(() => {
    document.querySelectorAll('[data-focus-probe]').forEach((old) => old.removeAttribute('data-focus-probe'));
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    el.setAttribute('data-focus-probe', '');
    return true;
  });
  expect(tagged).toBe(true);
}

async function expectFocusKept(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-focus-probe') ?? false)).toBe(true);
}

async function joinByLink(browser: Browser, name: string): Promise<Member> {
  const { page } = await phone(browser);
  await page.goto(`/join/${DEMO.joinCode}`);
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  return { name, page };
}

/** A member opens an agenda item from the phone's programme (focus lands on that link). */
async function openFromAgenda(member: Member, title: string): Promise<void> {
  await member.page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: new RegExp(`^${escape(title)}`) }).click();
  await expect(member.page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function download(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const group = page.getByRole('group', { name: 'Résultats et exports', exact: true });
  const [file] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('the demo plenary from the join link to the seal, accessible at every step', async ({ browser }) => {
  // Seven browser pages and some thirty axe passes on a shared two-core machine.
  // Two phones, a console and a projector through the whole day, beside the other half of the journeys.
  test.setTimeout(480_000);

  // ── Join by the link; the projector shows the session ─────────────────────────────────────────
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const screen = await projectorContext.newPage();
  await openProjector(screen, DEMO.joinCode);
  await expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectAccessible(screen);

  const first = await phone(browser);
  await first.page.goto(`/join/${DEMO.joinCode}`);
  await expect(first.page.getByRole('heading', { name: 'Rejoindre la séance' })).toBeVisible();
  await expectAccessible(first.page);
  await first.page.getByLabel('Votre nom').fill(`Inès Plénière ${RUN}`);
  await first.page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(first.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const members: Member[] = [{ name: `Inès Plénière ${RUN}`, page: first.page }];
  for (const name of [`Jules Plénière ${RUN}`, `Karim Plénière ${RUN}`, `Lou Plénière ${RUN}`]) members.push(await joinByLink(browser, name));
  const [ines, jules, karim, lou] = members;
  await expectAccessible(ines.page);

  // Lou reads in large, high-contrast text; the choice survives a reload.
  await lou.page.getByRole('button', { name: /^Grand texte/ }).click();
  await expect(lou.page.getByRole('button', { name: /^Grand texte/ })).toHaveAttribute('aria-pressed', 'true');
  await lou.page.reload();
  await expect(lou.page.locator('html')).toHaveAttribute('data-reading', 'large');
  await expect(lou.page.getByRole('button', { name: /^Grand texte/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await lou.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  expect(await lou.page.locator('h1').evaluate((h) => getComputedStyle(h).color)).toBe('rgb(0, 0, 0)');
  // Larger text still fits a 360 px phone: nothing scrolls sideways.
  expect(await lou.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(lou.page);

  const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 1024 }, locale: 'fr-FR' });
  const staff = await consoleContext.newPage();
  await staff.goto('/staff/login');
  await expectAccessible(staff);
  await signInAsFacilitator(staff);
  await staff.getByRole('link', { name: TITLE }).click();
  await expect(staff.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectAccessible(staff);
  const agenda = staff.getByRole('region', { name: 'Ordre du jour et minuteur' });
  const staffOpen = async (title: string) => {
    await staff.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: new RegExp(`^${escape(title)}`) }).click();
    await expect(staff.getByRole('heading', { level: 2, name: title })).toBeVisible();
  };

  // ── Workshop 1: the priority survey ────────────────────────────────────────────────────────────
  await openFromAgenda(ines, WORKSHOP_1);
  await markFocus(ines.page);
  await agenda.getByRole('button', { name: `Lancer : ${WORKSHOP_1}` }).click();
  // Every phone hears that the workshop opened; Inès's focus stays on her agenda link.
  await expect(announcer(jules.page)).toHaveText(`${WORKSHOP_1} : Ouvert.`);
  await expect(announcer(ines.page)).toHaveText(`${WORKSHOP_1} : Ouvert.`);
  await expectFocusKept(ines.page);
  await expect(screen.getByTestId('screen-state')).toHaveAttribute('data-view', 'activity');
  await expect(screen.getByRole('heading', { name: WORKSHOP_1 })).toBeVisible();
  for (const member of [jules, karim, lou]) await openFromAgenda(member, WORKSHOP_1);

  await staffOpen(WORKSHOP_1);
  await staff.getByRole('button', { name: `Ouvrir le vote : ${POINTS}` }).click();
  await expect(announcer(ines.page)).toHaveText(`Vote ouvert : ${POINTS}`);
  await expectFocusKept(ines.page);
  await expect(screen.getByText(POINTS)).toBeVisible();

  const allocations: Record<string, number>[] = [
    { 'Revitalisation des centres-bourgs': 60, 'Accès aux soins': 40 },
    { 'Revitalisation des centres-bourgs': 50, 'Accès aux soins': 50 },
    { 'Transition écologique et énergétique': 100 },
    { 'Revitalisation des centres-bourgs': 30, 'Accès aux soins': 70 },
  ];
  for (const [i, member] of members.entries()) {
    const ballot = member.page.getByRole('form', { name: POINTS });
    for (const [option, points] of Object.entries(allocations[i])) await ballot.getByLabel(option, { exact: true }).fill(String(points));
    await expect(ballot.getByText('Reste 0 point sur 100')).toBeVisible();
    if (i === 0 || i === 3) await expectAccessible(member.page);
    const vote = ballot.getByRole('button', { name: 'Voter' });
    await vote.focus();
    await markFocus(member.page);
    await vote.press('Enter');
    await expect(ballot.getByText('✓ Vote enregistré')).toBeVisible();
    await expect(announcer(member.page)).toHaveText('Vote enregistré');
    await expectFocusKept(member.page);
  }
  // The projector counts the four ballots live and names the method.
  await expect(screen.getByText(/^4 votes sur \d+ présents · Vote ouvert( · .+)?$/)).toBeVisible();
  await expect(screen.getByText('Total des points (100 points par personne)')).toBeVisible();
  await expectAccessible(screen);
  await expectAccessible(staff);

  await staff.getByRole('button', { name: `Clore le vote : ${POINTS}` }).click();
  await expect(announcer(jules.page)).toHaveText(`Vote clos : ${POINTS}`);
  await staff.getByRole('button', { name: `Publier les résultats : ${POINTS}` }).click();
  await expect(announcer(jules.page)).toHaveText(`Résultats publiés : ${POINTS}`);
  const published = jules.page.getByRole('region', { name: POINTS });
  await expect(published.getByText('Résultats publiés')).toBeVisible();
  // 60 + 50 + 30 = 140 points for the centres-bourgs, 160 for health care: health comes first.
  await expect(published.getByRole('listitem').first()).toContainText('Accès aux soins');
  await expect(published.getByRole('listitem').first()).toContainText('160');
  await expect(screen.getByText(/Résultats publiés/)).toBeVisible();
  await expectAccessible(jules.page);
  await expectAccessible(screen);

  // ── Workshop 2: the idea board (open from the start in the demo: launching it changes no state) ─
  await agenda.getByRole('button', { name: `Lancer : ${WORKSHOP_2}` }).click();
  await expect(agenda.getByText(`En cours : ${WORKSHOP_2}`)).toBeVisible();
  await expect(screen.getByRole('heading', { name: 'Gouvernance' })).toBeVisible();
  const ideas = [`Un guichet unique des contrats ${RUN}`, `Des comités de suivi citoyens ${RUN}`];
  for (const [i, member] of [ines, jules].entries()) {
    await openFromAgenda(member, WORKSHOP_2);
    await member.page.getByLabel("Titre de l'idée").fill(ideas[i]);
    await member.page.getByRole('button', { name: 'Publier' }).click();
    await expect(member.page.getByRole('heading', { name: ideas[i] })).toBeVisible();
  }
  const card = (page: Page, title: string) => page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });
  for (const member of [karim, lou]) {
    await openFromAgenda(member, WORKSHOP_2);
    const support = card(member.page, ideas[0]).getByRole('button', { name: 'Je soutiens' });
    await support.click();
    await expect(support).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(card(ines.page, ideas[0]).getByText('2 soutiens')).toBeVisible();
  // The column holds the earlier journeys' ideas too: it shows its cards a page at a time (12 s
  // each), so the card may be on a later page.
  await expect(screen.locator('article', { hasText: ideas[0] }).getByText('2 soutiens')).toBeVisible({ timeout: 40_000 });
  await expectAccessible(lou.page);
  await expectAccessible(screen);
  await staffOpen(WORKSHOP_2);
  await expectAccessible(staff);

  // ── Working groups: placed by the facilitator, a group board, a synthesis, the report-back ─────
  await agenda.getByRole('button', { name: `Lancer : ${GROUPS}` }).click();
  await expect(announcer(ines.page)).toContainText(`${WORKSHOP_2} : Clos.`);
  await staffOpen(GROUPS);
  const placements: [Member, string][] = [
    [ines, 'Qualité de vie et innovation sociale'],
    [jules, 'Qualité de vie et innovation sociale'],
    [karim, 'Territoires en transition durable'],
    [lou, 'Territoires en transition durable'],
  ];
  for (const [member, group] of placements) {
    await staff.getByLabel('Rechercher un membre').fill(member.name);
    await staff.getByLabel(`Groupe de ${member.name}`).selectOption({ label: group });
  }
  for (const [member, group] of placements) {
    await openFromAgenda(member, GROUPS);
    await expect(member.page.getByRole('heading', { name: `Mon groupe : ${group}` })).toBeVisible();
  }
  await expectAccessible(lou.page);

  // The group's own board, open with the working time (the demo seeds it so): Inès posts, Jules
  // (same group) sees it live; Karim's group lists only its own board.
  const groupBoard = `Tableau — Qualité de vie et innovation sociale`;
  await staffOpen(groupBoard);
  await expect(staff.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
  await staffOpen(GROUPS);
  await ines.page.getByRole('link', { name: groupBoard }).first().click();
  await expect(ines.page.getByRole('heading', { level: 2, name: groupBoard })).toBeVisible();
  const groupIdea = `Des maisons de santé itinérantes ${RUN}`;
  await ines.page.getByLabel("Titre de l'idée").fill(groupIdea);
  await ines.page.getByRole('button', { name: 'Publier' }).click();
  await expect(ines.page.getByRole('heading', { name: groupIdea })).toBeVisible();
  await expectAccessible(ines.page);
  expect(await lou.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await jules.page.getByRole('link', { name: groupBoard }).first().click();
  await expect(jules.page.getByRole('heading', { name: groupIdea })).toBeVisible();
  await expect(karim.page.getByRole('list', { name: 'Activités du groupe' }).getByRole('link')).toHaveText(['Tableau — Territoires en transition durable']);

  // Karim is the rapporteur of his group: he writes the synthesis, the facilitator validates it.
  const cell = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: 'Territoires en transition durable' }) });
  await cell.getByLabel('Rapporteur·e').selectOption({ label: karim.name });
  await expect(karim.page.getByText('Vous êtes rapporteur·e de ce groupe')).toBeVisible();
  const finding = `Les bourgs manquent de bornes de recharge ${RUN}.`;
  await karim.page.getByLabel('Constats clés').fill(finding);
  await karim.page.getByLabel('Propositions').fill('Un plan vélo rural\nDes toitures solaires communales');
  await karim.page.getByLabel('Points de désaccord').fill('Le rythme de la transition');
  await karim.page.getByRole('button', { name: 'Soumettre pour validation' }).click();
  await expect(karim.page.getByText('Soumise pour validation')).toBeVisible();
  await expectAccessible(karim.page);
  await cell.getByRole('button', { name: 'Valider la synthèse' }).click();
  await expect(cell.getByText('Validée')).toBeVisible();
  // The report-back may already be open (the groups journey opens it on the same demo session).
  const openReportBack = staff.getByRole('button', { name: 'Ouvrir la restitution' });
  const present = cell.getByRole('button', { name: 'Projeter cette synthèse' });
  await expect(openReportBack.or(present).first()).toBeVisible();
  if (await openReportBack.isVisible()) await openReportBack.click();
  await present.click();
  await projectOnScreen(staff, "Synthèse d'un groupe", GROUPS);
  await expect(screen.getByText(finding)).toBeVisible();
  await expect(screen.getByText('Un plan vélo rural')).toBeVisible();
  await openFromAgenda(ines, GROUPS);
  await expect(ines.page.getByText('Synthèses des autres groupes')).toBeVisible();
  await expectAccessible(screen);
  await expectAccessible(staff);

  // ── Q&A with the president (pre-moderated) ─────────────────────────────────────────────────────
  await agenda.getByRole('button', { name: `Lancer : ${QNA}` }).click();
  await expect(announcer(lou.page)).toContainText(`${QNA} : Ouvert.`);
  for (const member of members) await openFromAgenda(member, QNA);
  const question = `Quelle place pour les petites communes dans le suivi ? ${RUN}`;
  await lou.page.getByLabel('Votre question à la présidente').fill(question);
  await lou.page.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(announcer(lou.page)).toHaveText('Question envoyée, elle sera publiée après modération.');
  await expectAccessible(lou.page);
  await staffOpen(QNA);
  // The card whose own text is the question (other cards offer it in their « Doublon de » list).
  const moderated = staff.locator('li.qna-question', { has: staff.locator('.qna-text', { hasText: question }) });
  await moderated.getByRole('button', { name: 'Publier' }).click();
  for (const member of [ines, jules, karim]) {
    const support = member.page.getByRole('listitem').filter({ hasText: question }).getByRole('button', { name: /Je soutiens/ });
    await support.click();
    await expect(support).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(moderated.getByText(/3 soutiens/)).toBeVisible();
  await moderated.getByRole('button', { name: 'Marquer en cours' }).click();
  await expect(lou.page.getByRole('listitem').filter({ hasText: question }).getByText('En cours')).toBeVisible();
  await moderated.getByRole('button', { name: "Afficher à l'écran" }).click();
  await expect(screen.locator('.qna-current-text')).toHaveText(question);
  await expectAccessible(ines.page);
  await expectAccessible(screen);
  await expectAccessible(staff);

  // ── Exports: the facilitator downloads the data and the draft minutes ─────────────────────────
  const csv = await download(staff, /données csv/i);
  expect(csv.name).toMatch(/\.(csv|zip)$/);
  const csvText = csv.bytes.toString('utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff); // BOM: French Excel reads the accents
  expect(csvText).toContain(ideas[0]);
  const pdf = await download(staff, /compte rendu pdf/i);
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await consoleContext.close();

  // ── The organiser closes and seals the session ─────────────────────────────────────────────────
  const organiserContext = await browser.newContext({ viewport: { width: 1366, height: 1024 }, locale: 'fr-FR' });
  const organiser = await organiserContext.newPage();
  await signInAsFacilitator(organiser, DEMO.organiser);
  await organiser.getByRole('link', { name: TITLE }).click();
  await organiser.getByRole('button', { name: 'Clore la séance' }).click();
  await expect(announcer(ines.page)).toContainText('La séance est close.');
  await organiser.getByRole('button', { name: 'Sceller la séance…' }).click();
  await organiser.getByRole('button', { name: 'Oui, sceller la séance' }).click();
  await expect(organiser.getByRole('link', { name: 'Ouvrir la séance dans les archives' })).toBeVisible();
  await expectAccessible(organiser);
  await organiser.getByRole('link', { name: 'Ouvrir la séance dans les archives' }).click();
  await expect(organiser.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectAccessible(organiser);

  await Promise.all([organiserContext.close(), projectorContext.close(), ...members.map((m) => m.page.context().close())]);
});
